import { join, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import { discoverSubmissions } from '../../core/batch-input/index.js';
import { entryReportDir, type BatchEntry } from '../../core/batch-entry.js';
import { UserError } from '../../core/errors.js';
import type { Exercise } from '../../core/exercise.js';
import { allExercises, findExercise } from '../../core/find-exercise.js';
import { gradeBatch, type BatchRecord } from '../../grading/grade-batch.js';
import { parseShard, shardItems } from '../../grading/shard.js';
import { readRecords, recordFile } from '../../lms/batch-records.js';
import { resultFiles, writeOutputs } from '../../reports/output-stage.js';
import { BatchProgress, type ProgressStyle } from '../batch-progress.js';
import { batchWorkDir } from '../batch-workdir.js';
import { visibleLine } from '../../reports/visible-text.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { shownPath } from '../shown-path.js';
import { itemExercises, localizer, checkLmsSettings, readLmsOptions, variantForms, writeGradebook, writePartialGrades } from '../write-gradebook.js';

export interface BatchOptions {
  readonly out?: string;
  readonly concurrency?: number;
  readonly junit?: string;
  readonly all?: boolean;
  readonly force?: boolean;
  readonly quiet?: boolean;
  readonly roster?: string;
  readonly assignment?: string;
  readonly worksheet?: string;
  readonly scale?: string;
  readonly variants?: boolean;
  readonly shard?: string;
}

/** What `grade batch` was asked to grade: `grade batch ex03 DIR`, or `grade batch DIR --all`. */
function batchTarget(ctx: CliContext, first: string, second: string | undefined, all: boolean): { exercises: Exercise[]; only: string | null; folder: string } {
  if (all) {
    if (second !== undefined) throw new UserError(`--all grades every exercise it finds: write \`grade batch ${second} --all\`, without the exercise "${first}".`);
    return { exercises: allExercises(ctx.kinds), only: null, folder: resolve(first) };
  }
  if (second === undefined) throw new UserError(`say which exercise to grade (\`grade batch ex01 ${first}\`), or add --all to grade every exercise found in ${first}.`);
  const exercise = findExercise(first, ctx.kinds);
  return { exercises: [exercise], only: exercise.id, folder: resolve(second) };
}

/** `grade batch ex01 DIR` / `grade batch DIR --all`: each learner's submission in its own fresh lab; gradebooks and a report each. */
export async function batchCommand(ctx: CliContext, first: string, second: string | undefined, options: BatchOptions): Promise<number> {
  const target = batchTarget(ctx, first, second, options.all ?? false);
  const shard = options.shard ? parseShard(options.shard) : null;
  const lms = readLmsOptions(options);
  // One exercise: its roster column is checked before anything is written.
  if (target.only) checkLmsSettings(lms, target.exercises, options);
  const out = resolve(options.out ?? join('grade-reports', target.only ? `${target.exercises[0]!.slug}-batch` : 'batch'));
  const inside = relative(target.folder, out);
  if (inside === '' || !(inside.startsWith('..') || inside.startsWith(sep))) {
    throw new UserError(`the output folder ${shownPath(out)} is inside the batch folder, where it would be taken for a learner; pass --out with a folder outside ${shownPath(target.folder)}.`);
  }
  // Warnings quote learner ids and names: spelled out, never interpreted by the terminal.
  const warn = (line: string) => process.stderr.write(`grade: ${visibleLine(line)}\n`);
  await using work = batchWorkDir(out);
  const found = await discoverSubmissions({ folder: target.folder, exercises: target.exercises, only: target.only, workDir: work.path });
  const items = shard ? shardItems(found, shard) : found;
  // With --all, the exercises found: an unusable roster column stops the batch before any lab runs.
  if (!target.only) checkLmsSettings(lms, target.exercises.filter((x) => found.some((i) => i.exercise === x.id)), options);
  const forms = variantForms(ctx);
  const exerciseFor = itemExercises(forms, target.exercises, options.variants ?? false);
  const recorded = readRecords(out, warn);
  const localize = localizer(forms, ctx.lang, target.exercises);
  const engine = await ctx.engine();
  const progress = new BatchProgress(items.length, progressStyle(options.quiet ?? false), pc.createColors(ctx.color), (t) => process.stderr.write(t));
  const done: BatchEntry[] = [];
  const entries = await gradeBatch({
    items,
    exerciseFor,
    kinds: ctx.kinds,
    engine,
    image: ctx.image(),
    concurrency: options.concurrency ?? 4,
    tracker: ctx.tracker,
    recorded,
    force: options.force ?? false,
    onEntry: async (record: BatchRecord, reused: boolean) => {
      const entry = record.entry;
      await writeOutputs(out, [...(entry.result ? resultFiles(localize(entry).result!, entryReportDir(entry)) : []), recordFile(record)]);
      done.push(entry);
      // Rewritten after every entry, atomically: an interrupted batch keeps what it graded.
      await writePartialGrades(out, target.exercises, done);
      progress.add(entry, reused);
    },
  });
  progress.finish();
  const written = await writeGradebook(out, target.exercises, entries, { forms, lang: ctx.lang, lms, junit: options.junit ? resolve(options.junit) : null, warn });
  const c = progress.counts;
  const where = shownPath(out);
  process.stdout.write(
    `Graded ${entries.length} submission(s)${shard ? ` (shard ${shard.index}/${shard.count})` : ''}: ${c.pass} pass, ${c.fail} fail, ${c.error} error, ${c.invalid} invalid` +
      `${c.reused ? `; ${c.reused} reused from an earlier run` : ''}.\n${written.map((p) => `  ${join(where, p)}`).join('\n')}\n`,
  );
  return c.error ? EXIT.infra : EXIT.pass;
}

function progressStyle(quiet: boolean): ProgressStyle {
  if (quiet) return 'quiet';
  return process.stderr.isTTY && !process.env.CI ? 'live' : 'lines';
}
