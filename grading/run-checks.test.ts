import { describe, expect, test } from 'vitest';
import type { CheckKind } from '../checks/check-kind.js';
import { InfraError } from '../core/errors.js';
import type { CheckSpec } from '../core/exercise.js';
import type { LabExec } from '../runner/lab-exec.js';
import { runChecks } from './run-checks.js';

// A fake kind that reports the status named in its params: this tests the grader's bookkeeping, not a lab.
const fake: CheckKind<{ outcome: string }> = {
  name: 'fake',
  description: 'test double',
  schema: {},
  nodesOf: () => [],
  async run(p) {
    if (p.outcome === 'throw') throw new InfraError('the engine went away');
    return { status: p.outcome as 'pass' | 'fail', expected: 'e', observed: `observed ${p.outcome}`, evidence: [] };
  },
};
const kinds = new Map([['fake', fake as unknown as CheckKind]]);
const lab: LabExec = { nodeNames: [], exec: () => Promise.reject(new Error('unused')) };
const spec = (id: string, outcome: string, extra: Partial<CheckSpec> = {}): CheckSpec => ({ id, title: id, kind: 'fake', points: 2, because: [], params: { outcome }, hint: `hint ${id}`, ...extra });

describe('runChecks', () => {
  test('points only for passes, hints only on failures, a throwing check is an error with the reason', async () => {
    const [a, b, c] = await runChecks([spec('a', 'pass'), spec('b', 'fail'), spec('c', 'throw')], kinds, lab, 't');
    expect([a!.earned, a!.hint]).toEqual([2, undefined]);
    expect([b!.status, b!.earned, b!.hint]).toEqual(['fail', 0, 'hint b']);
    expect([c!.status, c!.observed]).toEqual(['error', 'the check could not run: the engine went away']);
  });

  test('a failed check lists the failed checks it names in `because`, and only those', async () => {
    const results = await runChecks(
      [spec('ping', 'fail', { because: ['forward', 'nat'] }), spec('forward', 'fail'), spec('nat', 'pass'), spec('ok', 'pass', { because: ['forward'] })],
      kinds,
      lab,
      't',
    );
    expect(results[0]!.causes).toEqual([{ id: 'forward', observed: 'observed fail' }]);
    expect(results[3]!.causes).toBeUndefined();
  });
});
