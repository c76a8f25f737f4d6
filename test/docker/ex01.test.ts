import { afterAll, describe, expect, test } from 'vitest';
import { verifyExercises } from '../../grading/verify.js';
import { validateResult } from '../../reports/validate-result.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, kinds } from './lab-fixture.js';

describe('ex01 on the real engine', () => {
  afterAll(expectNoLabsOfThisProcess);

  test('the reference and alternatives pass every check; each wrong case fails exactly its declared checks', async () => {
    const ex01 = exercise('ex01-default-gateway');
    const cases = await verifyExercises({ exercises: [ex01], kinds, engine, image, concurrency: 3 });
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const c of cases) {
      expect(c.result.status, `${c.name}: ${c.result.error}`).not.toBe('error');
      expect(validateResult(JSON.parse(JSON.stringify(c.result)))).toEqual({ ok: true });
      expect({ case: c.name, failed: [...c.actualFails].sort() }).toEqual({ case: c.name, failed: [...c.expectedFails].sort() });
    }
    const reference = cases.find((c) => c.kind === 'reference')!;
    expect(reference.result.status).toBe('pass');
    expect(reference.result.score.earned).toBe(reference.result.score.possible);
    // The report shows what ran and the final state of each node.
    const hostA = reference.result.nodes.find((n) => n.name === 'host-a')!;
    expect(hostA.commands.map((c) => c.status)).toEqual(['ok', 'ok']);
    expect(hostA.state?.routes).toContain('192.168.2.0/24 via 192.168.1.1');
    const typo = cases.find((c) => c.name === 'wrong/gateway-typo')!;
    const route = typo.result.checks.find((c) => c.id === 'host-a-route-wan')!;
    expect(route.observed).toContain('via 192.168.1.100');
    expect(route.hint).toBeTruthy();
  });
});
