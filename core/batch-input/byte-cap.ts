import { Transform, type TransformCallback } from 'node:stream';
import { UserError } from '../errors.js';

/** A shared count of bytes, so every entry of one archive draws from the same budget. */
export interface ByteBudget {
  used: number;
  readonly max: number;
  /** The sentence to refuse with once the budget is spent. */
  readonly refusal: () => string;
}

/** Passes bytes through, counting them against the budget, and fails the stream the moment it is overspent. */
export function byteCap(budget: ByteBudget): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      budget.used += chunk.length;
      if (budget.used > budget.max) done(new UserError(budget.refusal()));
      else done(null, chunk);
    },
  });
}
