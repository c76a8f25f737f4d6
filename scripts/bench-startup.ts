// `npm run bench -- startup [runs] [exercise]`: what a learner waits for each time they type a command.
//   grade list                      from the exercise cache (its first, cold run shown apart)
//   grade --version                 the CLI and nothing else
//   grade <exercise>                a live check of a running lab that passes (started here, in a scope of its own)
// Wall and CPU (user+system) of each child process, as bash's `time` reports them; nothing is asserted.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkKinds } from '../checks/registry.js';
import { readSubmissionFor } from '../core/exercise-texts.js';
import { findExercise } from '../core/find-exercise.js';
import { packageRoot } from '../core/package-root.js';
import { applySubmission } from '../runner/apply-submission.js';
import { DockerEngine } from '../runner/docker-engine.js';
import { labImageRef } from '../runner/lab-image.js';
import { planLab } from '../runner/plan-lab.js';
import { provision } from '../runner/provision.js';

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly status: number;
}

const root = packageRoot();
const OUTPUT = join(tmpdir(), `grade-bench-startup-${process.pid}.out`);
let shownFailure = false;
const grade = join(root, 'bin', 'grade.js');

/** One run of `grade ...args` under bash's `time`: wall and user+system CPU of the child. */
function timeGrade(args: readonly string[], env: NodeJS.ProcessEnv): Sample {
  const quoted = [process.execPath, grade, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time ${quoted} >"$OUT" 2>&1; echo "status $?" >&2`], { encoding: 'utf8', env: { ...env, OUT: OUTPUT } });
  const lines = (r.stderr ?? '').trim().split('\n');
  const [real, user, sys] = (lines.find((l) => /^[\d.]+ [\d.]+ [\d.]+$/.test(l)) ?? '0 0 0').split(' ').map(Number) as [number, number, number];
  const status = Number(/status (\d+)/.exec(r.stderr ?? '')?.[1] ?? -1);
  if (status !== 0 && !shownFailure) {
    shownFailure = true;
    console.log(`grade ${args.join(' ')} exited ${status}:\n${readFileSync(OUTPUT, 'utf8').trim().split('\n').slice(-15).join('\n')}`);
  }
  return { wallMs: real * 1000, cpuMs: (user + sys) * 1000, status };
}

function summary(what: string, samples: readonly Sample[]): string {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ms = (n: number) => `${(n / 1000).toFixed(3)} s`;
  const failed = samples.filter((s) => s.status !== 0).length;
  const walls = samples.map((s) => s.wallMs);
  return `${what.padEnd(34)} wall median ${ms(median(walls))} (min ${ms(Math.min(...walls))}), cpu median ${ms(median(samples.map((s) => s.cpuMs)))}${failed ? `; ${failed} of ${samples.length} exited non-zero` : ''}`;
}

function repeat(runs: number, args: readonly string[], env: NodeJS.ProcessEnv): Sample[] {
  return Array.from({ length: runs }, () => timeGrade(args, env));
}

export async function benchStartup(args: readonly string[]): Promise<void> {
  const runs = Number(args[0] ?? 10);
  const name = args[1] ?? 'ex03';
  const scope = `bench-startup-${process.pid}`;
  const env = { ...process.env, GRADE_SCOPE: scope, NO_COLOR: '1' };
  rmSync(join(root, 'dist', '.cache'), { recursive: true, force: true });
  console.log(summary('grade list (cold: no cache)', [timeGrade(['list'], env)]));
  console.log(summary('grade list', repeat(runs, ['list'], env)));
  console.log(summary('grade --version', repeat(runs, ['--version'], env)));

  // A kept lab in this run's own scope, the reference applied: what `grade <exercise>` finds and checks.
  process.env.GRADE_SCOPE = scope;
  const exercise = findExercise(name, checkKinds());
  const engine = new DockerEngine();
  const lab = await provision(engine, planLab(exercise, { image: labImageRef(), keep: true }));
  try {
    await applySubmission(lab, readSubmissionFor(exercise, exercise.solutionDir).files, exercise.limits);
    console.log(summary(`grade ${exercise.id} (live, passing)`, repeat(runs, [exercise.id], env)));
  } finally {
    await lab.dispose();
    rmSync(OUTPUT, { force: true });
  }
}
