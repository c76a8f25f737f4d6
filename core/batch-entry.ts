import type { GradeResult } from './result.js';

/** One learner's outcome in a batch: a result, or why their folder could not be graded. */
export type BatchEntry =
  | { readonly name: string; readonly dir: string; readonly result: GradeResult; readonly invalid?: undefined }
  | { readonly name: string; readonly dir: string; readonly result?: undefined; readonly invalid: string };
