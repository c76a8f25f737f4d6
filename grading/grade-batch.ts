import type { CheckKind } from '../checks/check-kind.js';
import type { BatchEntry, BatchItem } from '../core/batch-entry.js';
import { UserError, messageOf } from '../core/errors.js';
import type { Exercise } from '../core/exercise.js';
import { readSubmission, type Submission } from '../core/submission.js';
import type { Engine } from '../runner/engine.js';
import type { LabTracker } from '../runner/lab-tracker.js';
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
  return runPool(req.items, req.concurrency, async (item) => {
    const { record, reused } = await decide(item, req);
    await req.onEntry?.(record, reused);
    return record.entry;
  });
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
