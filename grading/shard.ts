import type { BatchItem } from '../core/batch-entry.js';
import { UserError } from '../core/errors.js';

/** Slice `index` (1-based) of `count` slices of a batch. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

const MAX_SHARDS = 1000;

/**
 * `--shard I/N` (1-based: 1/4 … 4/4), or `--shard N` with the index taken from JOB_COMPLETION_INDEX,
 * which a Kubernetes Indexed Job sets 0-based in each of its pods.
 */
export function parseShard(text: string, env: NodeJS.ProcessEnv = process.env): Shard {
  const whole = /^(\d+)\/(\d+)$/.exec(text);
  const countOnly = /^(\d+)$/.exec(text);
  let index: number;
  let count: number;
  if (whole) {
    index = Number(whole[1]);
    count = Number(whole[2]);
  } else if (countOnly) {
    count = Number(countOnly[1]);
    const fromJob = env.JOB_COMPLETION_INDEX;
    if (fromJob === undefined || !/^\d+$/.test(fromJob)) {
      throw new UserError(`--shard ${text} takes its index from JOB_COMPLETION_INDEX, which is not set to a number here; write --shard I/${text} instead.`);
    }
    index = Number(fromJob) + 1;
  } else {
    throw new UserError(`--shard takes I/N, such as 2/4 (slice 2 of 4), or N inside a Kubernetes Indexed Job; not "${text}".`);
  }
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new UserError(`--shard ${index}/${count} is out of range: N is 1 to ${MAX_SHARDS} and I is 1 to N.`);
  }
  return { index, count };
}

/**
 * The items of one slice. Learners, sorted by id, are dealt round-robin, so every learner's exercises
 * stay in one slice, slices differ in size by one learner at most, and every process that sees the
 * same batch folder cuts it the same way.
 */
export function shardItems(items: readonly BatchItem[], shard: Shard): BatchItem[] {
  const learners = [...new Set(items.map((i) => i.learner))].sort();
  const mine = new Set(learners.filter((_, n) => n % shard.count === shard.index - 1));
  return items.filter((i) => mine.has(i.learner));
}
