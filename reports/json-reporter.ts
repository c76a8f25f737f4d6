// The machine-readable report: the GradeResult itself, as pretty JSON, checked against
// reports/results-schema.json on the way out so consumers can rely on the schema.

import type { GradeResult } from '../core/result.js';
import { validateResult } from './validate-result.js';

/** Pretty JSON of `result`. Throws when it does not match the schema: that is a bug in the grader. */
export function renderJson(result: GradeResult): string {
  const outcome = validateResult(result);
  if (!outcome.ok) {
    throw new Error(
      `grade: internal error, the result does not match results-schema.json:\n  ${outcome.errors.join('\n  ')}`,
    );
  }
  return `${JSON.stringify(result, null, 2)}\n`;
}
