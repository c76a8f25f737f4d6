// Measures how fast grading is. Speed is measured here, never asserted in tests.
//   npm run bench -- phases [exercise] [runs]     each phase of grading a reference, in-process
//   npm run bench -- compare [runs]               `grade ex01 --submission` against the plain docker-CLI
//                                                 baseline (../shared/bench/ex01-docker-cli.sh), alternating
//   npm run bench -- batch [exercise] [n] [j]     `grade batch -j j` over n copies of the reference
//   npm run bench -- class [exercise] [n] [j]     a course: n learners handing in every known solution and
//                                                 wrong case in turn, some invalid; then the same batch resumed
//   npm run bench -- live [exercise] [runs]       checks of a running lab (what `grade ex03` does)
//   npm run bench -- serve [n] [exercise]         n learners on loopback WebSockets against `grade serve`
//                                                 (scripts/bench-serve.ts)
//   npm run bench -- reset [exercise] [runs]      `grade reset` of one node and of the whole lab (with a
//                                                 shell history), in-process, and the CLI's own start-up
//   npm run bench -- startup [runs] [exercise]    start-up of `grade list`, `--version` and a live check (scripts/bench-startup.ts)
//   npm run bench -- slow [share] [exercise...]   every reference, alternative and wrong case graded as
//                                                 declared with each lab held to share of a core (0.05)
//   npm run bench -- repeat [n] [exercise...]     n gradings (100) of every reference in a row: the count
//                                                 of each verdict, which must be one verdict n times
//   npm run bench -- runner                       the submission runner's own costs, on this host
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkKinds } from '../checks/registry.js';
import { allExercises, findExercise } from '../core/find-exercise.js';
import { packageRoot } from '../core/package-root.js';
import { readSubmissionFor } from '../core/exercise-texts.js';
import { gradeRunningLab, gradeSubmission } from '../grading/grade-exercise.js';
import { applySubmission } from '../runner/apply-submission.js';
import { DockerEngine } from '../runner/docker-engine.js';
import { labImageRef } from '../runner/lab-image.js';
import { LabTracker } from '../runner/lab-tracker.js';
import { planLab } from '../runner/plan-lab.js';
import { provision } from '../runner/provision.js';
import { recreateLab, shellHistoryCarry } from '../runner/recreate-lab.js';
import { resetAllNodes, resetNode } from '../runner/reset-node.js';
import { restoreHistory } from '../runner/shell-history.js';
import { LABEL } from '../runner/labels.js';
import { submissionRunner } from '../runner/submission-runner-script.js';
import { verifyExercises } from '../grading/verify.js';
import { cpuQuotaEngine } from './cpu-quota-engine.js';

const kinds = checkKinds();
const engine = new DockerEngine();
const tracker = new LabTracker();
tracker.installSignalHandlers();
const root = packageRoot();
const grade = join(root, 'bin', 'grade.js');

const stat = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s.at(-1)! };
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const timed = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

async function phases(name: string, runs: number): Promise<void> {
  const exercise = findExercise(name, kinds);
  const submission = readSubmissionFor(exercise, exercise.solutionDir);
  const keys = ['provisionMs', 'submissionMs', 'checksMs', 'teardownMs', 'durationMs'] as const;
  const samples: Record<(typeof keys)[number], number[]> = { provisionMs: [], submissionMs: [], checksMs: [], teardownMs: [], durationMs: [] };
  for (let i = 0; i < runs; i++) {
    const r = await gradeSubmission({ exercise, kinds, engine, image: labImageRef(), submission, mode: 'reference', tracker });
    if (r.status !== 'pass') throw new Error(`run ${i + 1}: the reference did not pass (${r.status}: ${r.error ?? ''})`);
    for (const k of keys) samples[k].push(k === 'durationMs' ? r.durationMs : r.timings[k]);
    process.stderr.write(`run ${i + 1}/${runs}: ${seconds(r.durationMs)}\n`);
  }
  console.log(`grade ${exercise.id} --submission solution, ${runs} runs, ${exercise.nodes.length} nodes, ${exercise.checks.length} checks`);
  console.log('phase          min    median     max   (ms)');
  for (const k of keys) {
    const { min, median, max } = stat(samples[k]);
    console.log(`${k.replace('Ms', '').padEnd(12)} ${String(min).padStart(6)} ${String(median).padStart(8)} ${String(max).padStart(7)}`);
  }
}

function compare(runs: number): void {
  const baseline = resolve(root, '..', 'shared', 'bench', 'ex01-docker-cli.sh');
  if (!existsSync(baseline)) throw new Error(`${baseline} is missing: the baseline comes with the course's shared folder`);
  const solution = join(root, 'exercises', 'ex01-default-gateway', 'solution');
  const env = { ...process.env, IMAGE: 'grade-lab:latest' };
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'grade-bench-'));
    ours.push(timed(() => execFileSync(process.execPath, [grade, 'ex01', '--submission', solution, '--out', out], { stdio: 'ignore' })));
    rmSync(out, { recursive: true, force: true });
    theirs.push(baselineRun(baseline, env));
    process.stderr.write(`run ${i + 1}/${runs}: grade ${seconds(ours.at(-1)!)}, docker CLI ${seconds(theirs.at(-1)!)}\n`);
  }
  const a = stat(ours);
  const b = stat(theirs);
  console.log(`alternating runs: ${runs}`);
  console.log(`grade ex01 --submission solution   median ${seconds(a.median)} (min ${seconds(a.min)}, max ${seconds(a.max)})`);
  console.log(`docker CLI baseline                median ${seconds(b.median)} (min ${seconds(b.min)}, max ${seconds(b.max)})`);
  console.log(`ratio of medians: ${(a.median / b.median).toFixed(2)}; per run: ${ours.map((o, i) => (o / theirs[i]!).toFixed(2)).join(' ')}`);
}

/** One run of the baseline script, timed; a failed run (its ping can time out) is cleaned up and run again. */
function baselineRun(script: string, env: NodeJS.ProcessEnv): number {
  for (let attempt = 1; ; attempt++) {
    const t = performance.now();
    const run = spawnSync('bash', [script], { env, cwd: root, encoding: 'utf8' });
    const ms = performance.now() - t;
    if (run.status === 0) return ms;
    process.stderr.write(`docker CLI baseline failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-2).join(' / ')}\n`);
    spawnSync('bash', ['-c', 'docker rm -f $(docker ps -aq --filter name=base) ; docker network ls -q --filter name=base | xargs -r docker network rm'], { stdio: 'ignore' });
    if (attempt === 3) throw new Error('the docker CLI baseline failed three times in a row');
  }
}

/** Every known solution of an exercise (reference, alternatives, wrong cases), rendered as the lesson's values. */
function knownSolutions(name: string): { files: { node: string; text: string }[] }[] {
  const exercise = findExercise(name, kinds);
  const dirs = [exercise.solutionDir, ...exercise.alternatives.map((a) => a.dir), ...exercise.wrongCases.map((w) => w.dir)];
  return dirs.map((dir) => ({ files: readSubmissionFor(exercise, dir).files.map((f) => ({ node: f.node, text: f.text })) }));
}

/**
 * `grade batch` over `copies` learners. With `mixed`, learners hand in the exercise's solutions, its
 * alternatives and its wrong cases in turn, and every tenth folder is invalid (a file for no node), as a
 * course's would; then the same batch runs again, to time a resume that finds everything recorded.
 */
function batch(name: string, copies: number, concurrency: number, mixed = false): void {
  const exercise = findExercise(name, kinds);
  const dir = mkdtempSync(join(tmpdir(), 'grade-bench-batch-'));
  try {
    const solutions = mixed ? knownSolutions(name) : knownSolutions(name).slice(0, 1);
    for (let i = 1; i <= copies; i++) {
      const learner = join(dir, 'in', `learner${String(i).padStart(3, '0')}`);
      mkdirSync(learner, { recursive: true });
      for (const f of solutions[i % solutions.length]!.files) writeFileSync(join(learner, `${f.node}.sh`), f.text);
      if (mixed && i % 10 === 0) writeFileSync(join(learner, 'no-such-node.sh'), 'ip a\n');
    }
    const out = join(dir, 'out');
    const run = () => spawnSync(process.execPath, [grade, 'batch', exercise.id, join(dir, 'in'), '-j', String(concurrency), '--out', out, '--quiet'], { stdio: 'ignore' }).status ?? -1;
    let status = 0;
    const ms = timed(() => {
      status = run();
    });
    const rows = readFileSync(join(out, 'grades.csv'), 'utf8').trim().split('\n').slice(1);
    const count = (s: string) => rows.filter((r) => r.split(',').includes(s)).length;
    const left = execFileSync('docker', ['ps', '-aq', '--filter', 'label=dev.grade.lab'], { encoding: 'utf8' }).trim();
    console.log(`grade batch ${exercise.id}: ${copies} learners at -j ${concurrency} in ${seconds(ms)} (exit ${status}); ${(ms / copies).toFixed(0)} ms per learner`);
    console.log(`rows ${rows.length}: pass ${count('pass')}, fail ${count('fail')}, error ${count('error')}, invalid ${count('invalid')}; labs left afterwards: ${left ? left.split('\n').length : 0}`);
    if (mixed) console.log(`the same batch again, everything recorded: ${seconds(timed(() => void run()))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function live(name: string, runs: number): Promise<void> {
  const exercise = findExercise(name, kinds);
  const lab = await provision(engine, planLab(exercise, { image: labImageRef() }), { onCreated: (l) => tracker.add(l) });
  try {
    await applySubmission(lab, readSubmissionFor(exercise, exercise.solutionDir).files, exercise.limits);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await gradeRunningLab(lab, exercise, kinds);
      if (r.status !== 'pass') throw new Error(`run ${i + 1}: the live lab did not pass (${r.status})`);
      samples.push(r.timings.checksMs);
    }
    const { min, median, max } = stat(samples);
    console.log(`checks of a running ${exercise.id} lab (${exercise.checks.length} checks), ${runs} runs: median ${median} ms (min ${min}, max ${max})`);
  } finally {
    await lab.dispose();
    tracker.remove(lab);
  }
}

async function reset(name: string, runs: number): Promise<void> {
  const exercise = findExercise(name, kinds);
  let lab = await provision(engine, planLab(exercise, { image: labImageRef() }), { onCreated: (l) => tracker.add(l) });
  try {
    await applySubmission(lab, readSubmissionFor(exercise, exercise.solutionDir).files, exercise.limits);
    const node = exercise.nodes.find((n) => n.owner === 'learner')!.name;
    // A history of three shells, five commands each, as the lab reset carries it over.
    const at = Date.now();
    await restoreHistory(lab, [0, 1, 2].flatMap((s) => [0, 1, 2, 3, 4].map((k) => ({ node, session: `${at}-${s}`, time: new Date(at + k).toISOString(), durationMs: 1, exitCode: 0, command: `echo ${k}` }))));
    const nodeMs: number[] = [];
    const labMs: number[] = [];
    const newMs: number[] = [];
    const cliMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await resetNode(lab, node);
      nodeMs.push(performance.now() - t);
      t = performance.now();
      await resetAllNodes(lab);
      labMs.push(performance.now() - t);
      t = performance.now();
      const old = lab;
      lab = await recreateLab(engine, old, { onCreated: (l) => tracker.add(l), carry: shellHistoryCarry });
      newMs.push(performance.now() - t);
      tracker.remove(old);
      cliMs.push(timed(() => execFileSync('node', [grade, '--version'])));
    }
    const line = (what: string, xs: number[]) => `${what}: median ${seconds(stat(xs).median)} (min ${seconds(stat(xs).min)}, max ${seconds(stat(xs).max)})`;
    console.log(`${exercise.id}, ${runs} runs`);
    console.log(line(`  reset of node ${node}`, nodeMs));
    console.log(line('  reset of the lab, every node in place (what grade reset does)', labMs));
    console.log(line('  a new container instead, 15 history records carried over (its fallback)', newMs));
    console.log(line('  CLI start-up (grade --version)', cliMs));
  } finally {
    await lab.dispose();
    tracker.remove(lab);
  }
}

/** The exercises named, or all of them. */
const exercisesOf = (names: readonly string[]) => (names.length ? names.map((n) => findExercise(n, kinds)) : allExercises(kinds));

/** Labs of this process still on the engine: there must be none between tries. */
async function leftOver(): Promise<string[]> {
  const found = await engine.listLabelled(LABEL.ownerPid, String(process.pid));
  return [...found.containers.map((c) => c.name), ...found.networks.map((n) => n.name)];
}

async function slow(share: number, names: readonly string[]): Promise<void> {
  const slowEngine = cpuQuotaEngine(engine, share);
  let bad = 0;
  let total = 0;
  const t = performance.now();
  for (const exercise of exercisesOf(names)) {
    const cases = await verifyExercises({ exercises: [exercise], kinds, engine: slowEngine, image: labImageRef(), tracker, concurrency: 2 });
    const left = await leftOver();
    for (const c of cases) {
      total++;
      if (!c.ok) bad++;
      console.log(`${c.ok ? 'ok  ' : 'BAD '} ${c.exercise} ${c.name}: ${c.result.status} ${c.result.score.earned}/${c.result.score.possible}${c.ok ? '' : ` unexpected fails ${c.unexpectedFails.join(',') || '-'}, passes ${c.unexpectedPasses.join(',') || '-'} ${c.result.error ?? ''}`} (${seconds(c.result.durationMs)})`);
    }
    if (left.length) {
      bad++;
      console.log(`BAD  left running after ${exercise.id}: ${left.join(', ')}`);
    }
  }
  console.log(`slow (${Math.round(share * 100)} % of a core): ${total - bad}/${total} as declared, ${bad} not, in ${seconds(performance.now() - t)}`);
  if (bad) process.exitCode = 1;
}

async function repeat(n: number, names: readonly string[]): Promise<void> {
  let flaky = 0;
  for (const exercise of exercisesOf(names)) {
    const submission = readSubmissionFor(exercise, exercise.solutionDir);
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const r = await gradeSubmission({ exercise, kinds, engine, image: labImageRef(), submission, mode: 'reference', tracker });
      const verdict = `${r.status} ${r.score.earned}/${r.score.possible}`;
      counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
      if (r.status !== 'pass') process.stderr.write(`${exercise.id} run ${i + 1}: ${verdict} ${r.error ?? r.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.observed}`).join('; ')}\n`);
    }
    if (counts.size > 1) flaky++;
    console.log(`${exercise.id}: ${[...counts].map(([v, k]) => `${k}× ${v}`).join(', ')}`);
  }
  console.log(`repeat ${n}: ${flaky} reference(s) with more than one verdict`);
  if (flaky) process.exitCode = 1;
}

/** The submission runner on this host (GRADE_ENTER empty): what a command costs, and how soon a cut-off lands. */
function runner(): void {
  const work = mkdtempSync(join(tmpdir(), 'grade-bench-runner-'));
  const run = (script: string, commandSeconds: number) => {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work, GRADE_SCRIPT: script, GRADE_CMD_TIMEOUT: String(commandSeconds), GRADE_LIMIT: '60', GRADE_OUT_CAP: '8192', GRADE_ENTER: '', GRADE_STATE_DIR: work };
    return timed(() => spawnSync('bash', ['-c', submissionRunner()], { cwd: work, env, encoding: 'utf8' }));
  };
  try {
    const quick = Array.from({ length: 5 }, () => run('echo a\necho b\necho c\n', 3));
    console.log(`3 quick commands: ${seconds(stat(quick).median)} median (${seconds(stat(quick).min)}-${seconds(stat(quick).max)}); ${seconds(stat(quick).median / 3)} a command`);
    console.log(`a command cut off after 1 s, then one more: ${seconds(run('sleep 5\necho after\n', 1))}`);
    console.log(`a background sleep and wait, cut off after 1 s: ${seconds(run('sleep 30 & wait\necho after\n', 1))}`);
    console.log(`exit with a background job left running: ${seconds(run('sleep 3 > /dev/null 2>&1 &\nexit 3\n', 1))}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const [mode = 'phases', ...args] = process.argv.slice(2);
if (mode === 'compare') compare(Number(args[0] ?? 10));
else if (mode === 'batch') batch(args[0] ?? 'ex03', Number(args[1] ?? 24), Number(args[2] ?? 4));
else if (mode === 'class') batch(args[0] ?? 'ex01', Number(args[1] ?? 200), Number(args[2] ?? 4), true);
else if (mode === 'live') await live(args[0] ?? 'ex03', Number(args[1] ?? 5));
else if (mode === 'reset') await reset(args[0] ?? 'ex03', Number(args[1] ?? 5));
else if (mode === 'startup') await (await import('./bench-startup.js')).benchStartup(args);
else if (mode === 'serve') await (await import('./bench-serve.js')).benchServe(Number(args[0] ?? 50), args[1] ?? 'ex01');
else if (mode === 'phases') await phases(args[0] ?? 'ex01', Number(args[1] ?? 5));
else if (mode === 'slow') await slow(Number(args[0] ?? 0.05), args.slice(1));
else if (mode === 'repeat') await repeat(Number(args[0] ?? 100), args.slice(1));
else if (mode === 'runner') runner();
else await phases(mode, Number(args[0] ?? 5)); // `npm run bench -- ex01 5`, as before
