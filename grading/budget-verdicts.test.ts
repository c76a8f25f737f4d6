import { describe, expect, test } from 'vitest';
import type { CheckResult } from '../core/result.js';
import { parseBudgetUse } from '../runner/budget-use.js';
import { checkKinds } from '../checks/registry.js';
import { shippedExercise } from '../test/support/exercises.js';
import { exhaustionOf, withBudgetVerdicts } from './budget-verdicts.js';
import { addressHolders } from './run-checks.js';

const ex01 = shippedExercise('ex01-default-gateway');
const kinds = checkKinds();

function result(id: string, status: CheckResult['status'], observed: string): CheckResult {
  const spec = ex01.checks.find((c) => c.id === id)!;
  return { id, title: spec.title, kind: spec.kind, points: spec.points, earned: status === 'pass' ? spec.points : 0, status, expected: 'x', observed, evidence: [], durationMs: 1 };
}

describe('budget verdicts', () => {
  test('probe-budget output: the mode and one line per learner node; anything else is left out', () => {
    expect(parseBudgetUse('mode v1 (memory, pids, cpu)\nhost-a 2 0\nhost-b 0 7\nnoise here\n')).toEqual({
      mode: 'v1 (memory, pids, cpu)',
      nodes: [
        { node: 'host-a', oomKills: 2, pidsMaxHits: 0 },
        { node: 'host-b', oomKills: 0, pidsMaxHits: 7 },
      ],
    });
    expect(parseBudgetUse('').mode).toMatch(/^none: /);
  });

  test('the sentence names the node and what ran out', () => {
    expect(exhaustionOf({ node: 'host-a', oomKills: 1, pidsMaxHits: 0 })).toBe('host-a: the node ran out of memory (the kernel killed 1 of its processes)');
    expect(exhaustionOf({ node: 'host-a', oomKills: 0, pidsMaxHits: 3 })).toBe('host-a: the node ran out of processes (3 forks refused at its limit)');
    expect(exhaustionOf({ node: 'host-a', oomKills: 0, pidsMaxHits: 0 })).toBeNull();
  });

  test("an exhausted node's checks that did not pass fail with the reason; a pass stays; other nodes' checks are untouched", () => {
    const checks = [
      result('host-a-reaches-server-c', 'error', 'the check could not run: x'),
      result('host-a-route-wan', 'fail', 'host-a has no route to 192.168.2.10'),
      result('host-a-route-internet', 'pass', 'ok'),
      result('host-b-route-wan', 'error', 'the check could not run: y'),
    ];
    const use = { mode: 'v1 (memory, pids)', nodes: [{ node: 'host-a', oomKills: 2, pidsMaxHits: 0 }, { node: 'host-b', oomKills: 0, pidsMaxHits: 0 }] };
    const out = withBudgetVerdicts(checks, ex01.checks, kinds, addressHolders(ex01), use);
    expect(out.map((c) => [c.id, c.status, c.earned])).toEqual([
      ['host-a-reaches-server-c', 'fail', 0],
      ['host-a-route-wan', 'fail', 0],
      ['host-a-route-internet', 'pass', 1],
      ['host-b-route-wan', 'error', 0],
    ]);
    expect(out[0]!.observed).toBe('host-a: the node ran out of memory (the kernel killed 2 of its processes); the check could not run: x');
    expect(out[1]!.observed).toMatch(/^host-a: the node ran out of memory .*; host-a has no route/);
  });

  test('the far node a check aims at counts too (the holder of its address)', () => {
    const checks = [result('host-b-reaches-server-c', 'fail', 'no reply')];
    const use = { mode: 'v1 (memory, pids)', nodes: [{ node: 'server-c', oomKills: 0, pidsMaxHits: 4 }] };
    const [out] = withBudgetVerdicts(checks, ex01.checks, kinds, addressHolders(ex01), use);
    expect(out!.observed).toBe('server-c: the node ran out of processes (4 forks refused at its limit); no reply');
  });
});
