import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckKind } from '../checks/check-kind.js';
import type { BatchEntry } from '../core/batch-entry.js';
import { UserError, messageOf } from '../core/errors.js';
import type { Exercise } from '../core/exercise.js';
import { readSubmission } from '../core/submission.js';
import type { Engine } from '../runner/engine.js';
import type { LabTracker } from '../runner/lab-tracker.js';
import { gradeSubmission } from './grade-exercise.js';
import { runPool } from './run-pool.js';

export interface BatchRequest {
  readonly exercise: Exercise;
  readonly kinds: ReadonlyMap<string, CheckKind>;
  readonly engine: Engine;
  readonly image: string;
  readonly folder: string;
  readonly concurrency: number;
  readonly tracker?: LabTracker;
  /** Called as each submission finishes, so partial results are saved as the batch goes. */
  readonly onEntry?: (entry: BatchEntry) => Promise<void>;
}

/** The submissions of a batch: every sub-folder of `folder`, by name. */
export function batchFolders(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => !n.startsWith('.') && statSync(join(folder, n)).isDirectory());
  } catch {
    throw new UserError(`${folder} is not a folder; a batch is a folder with one sub-folder of <node>.sh files per learner.`);
  }
  if (!names.length) throw new UserError(`${folder} has no sub-folders; put each learner's <node>.sh files in a folder named after them.`);
  return names.sort();
}

/** Grade every learner's folder in its own fresh lab, with the same exercise, image and limits for all. */
export async function gradeBatch(req: BatchRequest): Promise<BatchEntry[]> {
  const nodes = req.exercise.nodes;
  return runPool(batchFolders(req.folder), req.concurrency, async (name) => {
    const dir = join(req.folder, name);
    let entry: BatchEntry;
    try {
      const submission = readSubmission(dir, nodes);
      const result = await gradeSubmission({
        exercise: req.exercise,
        kinds: req.kinds,
        engine: req.engine,
        image: req.image,
        submission,
        mode: 'submission',
        label: name,
        ...(req.tracker ? { tracker: req.tracker } : {}),
      });
      entry = { name, dir, result };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      entry = { name, dir, invalid: messageOf(error) };
    }
    await req.onEntry?.(entry);
    return entry;
  });
}
