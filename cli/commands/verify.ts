import pc from 'picocolors';
import type { Exercise } from '../../core/exercise.js';
import { allExercises, findExercise } from '../../core/find-exercise.js';
import { variantOf } from '../../core/load-exercise.js';
import { verifyExercises, type VerifyCase } from '../../grading/verify.js';
import type { JunitSuite } from '../../reports/junit-reporter.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { fileOutputs, type OutputOptions } from '../output-option.js';
import { writeFileOutputs } from '../write-reports.js';

export interface VerifyOptions extends OutputOptions {
  readonly concurrency?: number;
  /** Also verify each exercise with params on this many seeded variants, v1..vN. */
  readonly variants?: number;
}

/** `grade verify [ex...]`: every reference and alternative passes, every wrong case fails exactly its declared checks. */
export async function verifyCommand(ctx: CliContext, names: readonly string[], options: VerifyOptions): Promise<number> {
  const outputs = fileOutputs(options);
  const lessons = names.length ? names.map((n) => findExercise(n, ctx.kinds)) : allExercises(ctx.kinds);
  const exercises = lessons.flatMap((e) => [e, ...variantsOf(e, options.variants ?? 0, ctx)]);
  const engine = await ctx.engine();
  const colors = pc.createColors(ctx.color);
  const started = Date.now();
  const cases = await verifyExercises({
    exercises,
    kinds: ctx.kinds,
    engine,
    image: ctx.image(),
    tracker: ctx.tracker,
    concurrency: options.concurrency ?? 3,
    onCase: (c) => process.stdout.write(caseLine(c, colors) + '\n'),
  });
  const bad = cases.filter((c) => !c.ok);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\n${cases.length - bad.length} of ${cases.length} cases as expected in ${seconds} s.\n`);
  await writeFileOutputs(outputs, { suites: junitSuites(cases) });
  for (const o of outputs) process.stdout.write(`${o.format === 'junit' ? 'JUnit' : o.format}: ${o.path}\n`);
  if (cases.some((c) => c.result.status === 'error')) return EXIT.infra;
  return bad.length ? EXIT.fail : EXIT.pass;
}

/** v1..vN of an exercise with params: seeded, so every run of `grade verify --variants N` proves the same labs. */
function variantsOf(exercise: Exercise, count: number, ctx: CliContext): Exercise[] {
  if (exercise.params.length === 0) return [];
  return Array.from({ length: count }, (_, i) => variantOf(exercise, `v${i + 1}`, ctx.kinds));
}

function caseLine(c: VerifyCase, colors: ReturnType<typeof pc.createColors>): string {
  const name = `${c.exercise} ${c.name}`;
  const score = `${c.result.score.earned}/${c.result.score.possible}`;
  if (c.result.status === 'error') return `${colors.yellow('!')} ${name}: could not grade: ${c.result.error}`;
  if (c.ok) {
    const what = c.kind === 'wrong' ? `fails exactly ${c.expectedFails.join(', ')}` : 'passes every check';
    return `${colors.green('✔')} ${name} ${colors.dim(`(${score}, ${(c.result.durationMs / 1000).toFixed(1)} s)`)} ${colors.dim(what)}`;
  }
  return `${colors.red('✘')} ${name} (${score})${mismatch(c)}`;
}

function mismatch(c: VerifyCase): string {
  const parts = [];
  if (c.unexpectedFails.length) parts.push(`failed but should pass: ${c.unexpectedFails.join(', ')}`);
  if (c.unexpectedPasses.length) parts.push(`passed but should fail: ${c.unexpectedPasses.join(', ')}`);
  const details = c.result.checks
    .filter((r) => c.unexpectedFails.includes(r.id) || c.unexpectedPasses.includes(r.id))
    .map((r) => `\n    ${r.id}: expected ${r.expected}; observed ${r.observed}`);
  return `: ${parts.join('; ')}${details.join('')}`;
}

function junitSuites(cases: readonly VerifyCase[]): JunitSuite[] {
  const byExercise = new Map<string, VerifyCase[]>();
  for (const c of cases) byExercise.set(c.exercise, [...(byExercise.get(c.exercise) ?? []), c]);
  return [...byExercise].map(([exercise, list]) => ({
    name: `grade verify ${exercise}`,
    cases: list.map((c) => ({
      name: c.name,
      classname: `${exercise}.${c.kind}`,
      timeSeconds: c.result.durationMs / 1000,
      ...(c.result.status === 'error' ? { error: c.result.error ?? 'could not grade' } : !c.ok ? { failure: mismatch(c).replace(/^: /, '') } : {}),
    })),
  }));
}
