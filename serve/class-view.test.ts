import { describe, expect, test } from 'vitest';
import type { CheckResult } from '../core/result.js';
import { classView } from './class-view.js';

const check = (id: string, status: CheckResult['status']) => ({ id, title: id, status, points: 2, earned: status === 'pass' ? 2 : 0 }) as CheckResult;

describe('classView', () => {
  test('scores, time spent and each check\'s pass rate over the learners checked so far', () => {
    const view = classView({ id: 'ex01', title: 'T' }, [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }], [
      { id: 'x', name: 'X', state: 'working', running: true, joinedAt: 1000, lastActivity: 61_000, checks: [check('a', 'pass'), check('b', 'fail')], handedIn: null },
      { id: 'y', name: 'Y', state: 'working', running: true, joinedAt: 0, lastActivity: null, checks: [check('a', 'pass'), check('b', 'pass')], handedIn: null },
      { id: 'z', name: 'Z', state: 'invited', running: false, joinedAt: null, lastActivity: null, checks: null, handedIn: null },
    ]);
    expect(view.learners.map((l) => [l.id, l.passing, l.earned, l.possible, l.timeSpentMs])).toEqual([
      ['x', 1, 2, 4, 60_000],
      ['y', 2, 4, 4, 0],
      ['z', 0, 0, 0, 0],
    ]);
    expect(view.checks).toEqual([
      { id: 'a', title: 'A', passing: 2, of: 2 },
      { id: 'b', title: 'B', passing: 1, of: 2 },
    ]);
  });
});
