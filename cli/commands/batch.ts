import { join, relative, resolve } from 'node:path';
import pc from 'picocolors';
import { findExercise } from '../../core/find-exercise.js';
import type { BatchEntry } from '../../core/batch-entry.js';
import { gradeBatch } from '../../grading/grade-batch.js';
import { renderGradesCsv } from '../../reports/grades-csv.js';
import { renderJunit } from '../../reports/junit-reporter.js';
import { gradeResultToJunitSuite } from '../../reports/junit-reporter.js';
import { writeFileAtomic } from '../../reports/write-atomic.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { writeReports } from '../write-reports.js';

export interface BatchOptions {
  readonly out?: string;
  readonly concurrency?: number;
  readonly junit?: string;
}

/** `grade batch ex01 submissions/`: every learner's folder in its own fresh lab; grades.csv and a report each. */
export async function batchCommand(ctx: CliContext, name: string, folder: string, options: BatchOptions): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  const out = resolve(options.out ?? join('grade-reports', `${exercise.slug}-batch`));
  const engine = await ctx.engine();
  const colors = pc.createColors(ctx.color);
  const checkIds = exercise.checks.map((c) => c.id);
  const done: BatchEntry[] = [];
  const csv = join(out, 'grades.csv');
  const entries = await gradeBatch({
    exercise,
    kinds: ctx.kinds,
    engine,
    image: ctx.image(),
    folder: resolve(folder),
    concurrency: options.concurrency ?? 2,
    tracker: ctx.tracker,
    onEntry: async (entry) => {
      if (entry.result) await writeReports(entry.result, join(out, entry.name));
      done.push(entry);
      // Rewritten after every learner, atomically: an interrupted batch keeps what it graded.
      await writeFileAtomic(csv, renderGradesCsv([...done].sort((a, b) => a.name.localeCompare(b.name)), checkIds));
      process.stdout.write(entryLine(entry, colors) + '\n');
    },
  });
  if (options.junit) await writeFileAtomic(resolve(options.junit), renderJunit(entries.flatMap((e) => (e.result ? [{ ...gradeResultToJunitSuite(e.result), name: e.name }] : []))));
  process.stdout.write(`\nGraded ${entries.length} submission(s): ${relative(process.cwd(), csv) || csv}\n`);
  if (entries.some((e) => e.result?.status === 'error')) return EXIT.infra;
  return EXIT.pass;
}

function entryLine(entry: BatchEntry, colors: ReturnType<typeof pc.createColors>): string {
  if (!entry.result) return `${colors.yellow('!')} ${entry.name}: not graded: ${entry.invalid}`;
  const r = entry.result;
  const mark = r.status === 'pass' ? colors.green('✔') : r.status === 'fail' ? colors.red('✘') : colors.yellow('!');
  return `${mark} ${entry.name}  ${r.score.earned}/${r.score.possible}${r.error ? `  ${r.error}` : ''}`;
}
