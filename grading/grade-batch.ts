import type { CheckKind } from '../checks/check-kind.js';
import type { BatchEntry, BatchItem } from '../core/batch-entry.js';
import { UserError, messageOf } from '../core/errors.js';
import type { Exercise } from '../core/exercise.js';
import { readSubmission, type Submission } from '../core/submission.js';
import type { Engine } from '../runner/engine.js';
import type { LabTracker } from '../runner/lab-tracker.js';
import { buildResult } from './build-result.js';
import { gradeSubmission } from './grade-exercise.js';
import { runPool } from './run-pool.js';
import { submissionKey } from './submission-key.js';

/** A graded entry as the batch keeps it between runs: resuming reuses it when its key is unchanged. */
export interface BatchRecord {
  /** Hash of everything the verdict depends on (see submissionKey); null for an invalid entry. */
  readonly key: string | null;
  readonly entry: BatchEntry;
}

/** The exercise an item is graded against, and the variant it was rendered for (null: the lesson's own values). */
export interface ItemExercise {
  readonly exercise: Exercise;
  readonly variant: string | null;
}

export interface BatchRequest {
  /** What discovery found (already cut to this shard), sorted by learner then exercise. */
  readonly items: readonly BatchItem[];
  readonly exerciseFor: (item: BatchItem) => ItemExercise;
  readonly kinds: ReadonlyMap<string, CheckKind>;
  readonly engine: Engine;
  readonly image: string;
  readonly concurrency: number;
  readonly tracker?: LabTracker;
  /** Records of earlier runs into the same output folder, by recordId. */
  readonly recorded: ReadonlyMap<string, BatchRecord>;
  /** Grade again even when a record with the same key exists. */
  readonly force: boolean;
  /** Called as each entry is decided, so partial results are saved as the batch goes. */
  readonly onEntry?: (record: BatchRecord, reused: boolean) => Promise<void>;
}

/** The name a record is kept under: one per learner and exercise. */
export function recordId(item: Pick<BatchItem, 'learner' | 'exercise'>): string {
  return `${item.learner}\u0000${item.exercise}`;
}

/**
 * Grade every item in its own fresh lab, with the same image and limits for all. An item recorded by
 * an earlier run with the same key is reused, not graded again, unless `force`; a recorded `error`
 * (the grader's fault, not the learner's) is always graded again.
 */
export async function gradeBatch(req: BatchRequest): Promise<BatchEntry[]> {
  return runPool(
    req.items,
    req.concurrency,
    async (item) => {
      const { record, reused } = await decide(item, req);
      await req.onEntry?.(record, reused);
      return record.entry;
    },
    // Whatever went wrong with one entry is that entry's row, and the batch goes on.
    async (error, item) => {
      const record = faultRecord(item, req, error);
      await req.onEntry?.(record, false);
      return record.entry;
    },
  );
}

/**
 * The row of an entry whose grading threw. A learner's submission cannot cause this (what it does is
 * observed and graded as `fail`), so it is grade's own fault: an `error`, graded again on resume.
 */
function faultRecord(item: BatchItem, req: BatchRequest, error: unknown): BatchRecord {
  const base = { learner: item.learner, displayName: item.displayName, exercise: item.exercise, source: item.source };
  const why = `grade failed while grading this submission (${oneLine(messageOf(error))}); this is grade's fault, not the learner's: it is graded again when the batch is resumed.`;
  let picked: ItemExercise | null = null;
  try {
    picked = req.exerciseFor(item);
  } catch {
    // The exercise itself could not be had: the row says why, without a result.
  }
  if (!picked) return { key: null, entry: { ...base, variant: null, result: null, invalid: why } };
  const now = new Date().toISOString();
  const result = buildResult({
    exercise: picked.exercise,
    mode: 'submission',
    submissionPath: item.dir,
    label: `${item.learner}/${item.exercise}`,
    labId: null,
    startedAt: now,
    checks: [],
    nodes: [],
    timings: { provisionMs: 0, submissionMs: 0, checksMs: 0, teardownMs: 0 },
    durationMs: 0,
    error: why,
  });
  return { key: null, entry: { ...base, variant: picked.variant, result, invalid: null } };
}

/** An error's message on one line, control characters shown, at most 300 characters. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const shown = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? ' ' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return shown.length > 300 ? `${shown.slice(0, 299)}…` : shown;
}

async function decide(item: BatchItem, req: BatchRequest): Promise<{ record: BatchRecord; reused: boolean }> {
  const base = { learner: item.learner, displayName: item.displayName, exercise: item.exercise, source: item.source };
  const invalid = (why: string) => ({ record: { key: null, entry: { ...base, variant: null, result: null, invalid: why } }, reused: false });
  if (item.invalid !== null || item.dir === null) return invalid(item.invalid ?? 'no files were found for this submission.');
  const { exercise, variant } = req.exerciseFor(item);
  let submission: Submission;
  try {
    submission = readSubmission(item.dir, exercise.nodes);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return invalid(messageOf(error));
  }
  const key = submissionKey({ exercise, variant, image: req.image, submission });
  const earlier = req.recorded.get(recordId(item));
  if (!req.force && earlier?.key === key && earlier.entry.result && earlier.entry.result.status !== 'error') {
    return { record: earlier, reused: true };
  }
  const result = await gradeSubmission({
    exercise,
    kinds: req.kinds,
    engine: req.engine,
    image: req.image,
    submission,
    mode: 'submission',
    label: `${item.learner}/${item.exercise}`,
    ...(req.tracker ? { tracker: req.tracker } : {}),
  });
  return { record: { key, entry: { ...base, variant, result, invalid: null } }, reused: false };
}
