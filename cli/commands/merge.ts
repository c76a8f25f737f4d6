import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { entryReportDir, type BatchEntry } from '../../core/batch-entry.js';
import { UserError } from '../../core/errors.js';
import { findExercise } from '../../core/find-exercise.js';
import { recordId, type BatchRecord } from '../../grading/grade-batch.js';
import { RECORDS_DIR, readRecords, recordFile } from '../../lms/batch-records.js';
import { resultFiles, writeOutputs } from '../../reports/output-stage.js';
import { visibleLine } from '../../reports/visible-text.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { shownPath } from '../shown-path.js';
import { localizer, checkLmsSettings, readLmsOptions, variantForms, writeGradebook } from '../write-gradebook.js';

export interface MergeOptions {
  readonly out?: string;
  readonly roster?: string;
  readonly assignment?: string;
  readonly worksheet?: string;
  readonly scale?: string;
  readonly junit?: string;
}

/** `grade merge OUT... --out DIR`: the records of several shards (or runs) joined into one gradebook. */
export async function mergeCommand(ctx: CliContext, folders: readonly string[], options: MergeOptions): Promise<number> {
  if (!options.out) throw new UserError('say where the merged gradebook goes: `grade merge OUT... --out DIR`.');
  const out = resolve(options.out);
  const lms = readLmsOptions(options);
  // Warnings quote learner ids and names: spelled out, never interpreted by the terminal.
  const warn = (line: string) => process.stderr.write(`grade: ${visibleLine(line)}\n`);
  const merged = new Map<string, BatchRecord>();
  for (const folder of folders.map((f) => resolve(f))) {
    if (!existsSync(join(folder, RECORDS_DIR)) || !statSync(join(folder, RECORDS_DIR)).isDirectory()) {
      throw new UserError(`${relative(process.cwd(), folder) || folder} has no ${RECORDS_DIR}/ folder; pass the --out folders of \`grade batch\` runs.`);
    }
    for (const [id, record] of readRecords(folder, warn)) {
      const seen = merged.get(id);
      if (seen && seen.key !== record.key) warn(`${record.entry.learner} ${record.entry.exercise} was graded in two of these folders with different submissions; keeping the one from ${folder}.`);
      merged.set(id, record);
    }
  }
  const records = [...merged.values()].sort((a, b) => compareIds(recordId(a.entry), recordId(b.entry)));
  const exerciseIds = [...new Set(records.map((r) => r.entry.exercise))].sort(compareIds);
  const exercises = exerciseIds.map((id) => findExercise(id, ctx.kinds));
  checkLmsSettings(lms, exercises, options);
  const forms = variantForms(ctx);
  const localize = localizer(forms, ctx.lang, exercises);
  for (const record of records) {
    const entry: BatchEntry = record.entry;
    await writeOutputs(out, [...(entry.result ? resultFiles(localize(entry).result!, entryReportDir(entry)) : []), recordFile(record)]);
  }
  const entries = records.map((r) => r.entry);
  const written = await writeGradebook(out, exercises, entries, { forms, lang: ctx.lang, lms, junit: options.junit ? resolve(options.junit) : null, warn });
  const where = shownPath(out);
  process.stdout.write(`Merged ${entries.length} entries from ${folders.length} folder(s).\n${written.map((p) => `  ${join(where, p)}`).join('\n')}\n`);
  return EXIT.pass;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
