// A batch keeps one record per learner and exercise in <out>/records/: the entry and the key it was
// graded under. Resuming reads them back (grading/grade-batch.ts reuses those whose key is unchanged),
// and `grade merge` joins the records of several shards into one gradebook.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { safeSegment, type BatchEntry } from '../core/batch-entry.js';
import type { BatchRecord } from '../grading/grade-batch.js';
import { recordId } from '../grading/grade-batch.js';
import type { OutputFile } from '../reports/output-stage.js';
import { validateResult } from '../reports/validate-result.js';

export const RECORDS_DIR = 'records';
const RECORD_VERSION = 1;

/** The record file of an entry: readable names, plus a short hash so two ids that clean up alike stay apart. */
export function recordFile(record: BatchRecord): OutputFile {
  const id = recordId(record.entry);
  const tag = createHash('sha256').update(id).digest('hex').slice(0, 8);
  const name = `${safeSegment(record.entry.learner)}--${safeSegment(record.entry.exercise)}--${tag}.json`;
  return { path: `${RECORDS_DIR}/${name}`, content: `${JSON.stringify({ version: RECORD_VERSION, ...record })}\n` };
}

/** Every readable record under `out`, by recordId; an unreadable one is reported and graded again. */
export function readRecords(out: string, warn: (line: string) => void = () => undefined): Map<string, BatchRecord> {
  const dir = join(out, RECORDS_DIR);
  const found = new Map<string, BatchRecord>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return found;
  }
  for (const name of names) {
    const record = parseRecord(readFileSync(join(dir, name), 'utf8'));
    if (record) found.set(recordId(record.entry), record);
    else warn(`${join(dir, name)} is not a record this version of grade wrote; its submission is graded again.`);
  }
  return found;
}

function parseRecord(text: string): BatchRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  return { key: value.key, entry: value.entry };
}

function isRecord(value: unknown): value is { key: string | null; entry: BatchEntry } {
  const v = value as { version?: unknown; key?: unknown; entry?: Partial<Record<keyof BatchEntry, unknown>> } | null;
  if (!v || v.version !== RECORD_VERSION || !(typeof v.key === 'string' || v.key === null) || !v.entry) return false;
  const e = v.entry;
  const strings = typeof e.learner === 'string' && typeof e.exercise === 'string' && typeof e.source === 'string';
  const nullableStrings = [e.displayName, e.variant, e.invalid].every((x) => x === null || typeof x === 'string');
  const result = e.result === null || validateResult(e.result).ok;
  return strings && nullableStrings && result && (e.result === null) !== (e.invalid === null);
}
