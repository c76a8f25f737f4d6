import { describe, expect, it } from 'vitest';
import type { CheckResult, CheckStatus } from '../core/result.js';
import { checkChanges } from './check-changes.js';

function check(id: string, status: CheckStatus): CheckResult {
  return { id, title: `title of ${id}`, kind: 'reach', points: 2, earned: status === 'pass' ? 2 : 0, status, expected: '', observed: '', evidence: [], durationMs: 1 };
}

describe('checkChanges', () => {
  it('reports nothing on the first round', () => {
    expect(checkChanges(null, [check('a', 'fail'), check('b', 'pass')])).toEqual([]);
  });

  it('reports nothing when every status is the same', () => {
    const round = [check('a', 'fail'), check('b', 'pass'), check('c', 'error')];
    expect(checkChanges(round, round.map((c) => ({ ...c, durationMs: 9, observed: 'other words' })))).toEqual([]);
  });

  it('names the newly passing, newly failing and undecided checks, in the order of the new round', () => {
    const before = [check('a', 'fail'), check('b', 'pass'), check('c', 'pass'), check('d', 'error')];
    const after = [check('d', 'fail'), check('c', 'error'), check('b', 'fail'), check('a', 'pass')];
    expect(checkChanges(before, after)).toEqual([
      { id: 'd', title: 'title of d', kind: 'now-failing', from: 'error', to: 'fail' },
      { id: 'c', title: 'title of c', kind: 'now-undecided', from: 'pass', to: 'error' },
      { id: 'b', title: 'title of b', kind: 'now-failing', from: 'pass', to: 'fail' },
      { id: 'a', title: 'title of a', kind: 'now-passing', from: 'fail', to: 'pass' },
    ]);
  });

  it('ignores a check the previous round did not have', () => {
    expect(checkChanges([check('a', 'fail')], [check('a', 'fail'), check('new', 'pass')])).toEqual([]);
  });
});
