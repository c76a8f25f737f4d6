// What changed between two checks of the same running lab (`grade exNN --watch`): pure, so the
// watch loop only has to render it.
import type { CheckResult, CheckStatus } from '../core/result.js';

/** now-passing: it passes and did not; now-failing: it fails and did not; now-undecided: the grader could not decide it (error). */
export type ChangeKind = 'now-passing' | 'now-failing' | 'now-undecided';

export interface CheckChange {
  readonly id: string;
  readonly title: string;
  readonly kind: ChangeKind;
  readonly from: CheckStatus;
  readonly to: CheckStatus;
}

const KIND: Record<CheckStatus, ChangeKind> = { pass: 'now-passing', fail: 'now-failing', error: 'now-undecided' };

/**
 * The checks whose status differs from the previous round, in the order of `after`. The first round
 * (`before` null) has nothing to compare with, and a check that was not there before is not a change.
 */
export function checkChanges(before: readonly CheckResult[] | null, after: readonly CheckResult[]): CheckChange[] {
  if (before === null) return [];
  const was = new Map(before.map((c) => [c.id, c.status]));
  return after.flatMap((c) => {
    const from = was.get(c.id);
    return from === undefined || from === c.status ? [] : [{ id: c.id, title: c.title, kind: KIND[c.status], from, to: c.status }];
  });
}
