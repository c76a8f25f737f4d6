import { describe, expect, test } from 'vitest';
import type { CheckKind } from '../checks/check-kind.js';
import { InfraError } from '../core/errors.js';
import type { CheckSpec } from '../core/exercise.js';
import type { LabExec } from '../runner/lab-exec.js';
import { exerciseOf, nodeSpec } from '../test/support/exercises.js';
import { addressHolders, runChecks } from './run-checks.js';

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
// Reports which node the exercise gives the address in its params, as a reach check asks for its far end.
const holder: CheckKind<{ to: string }> = {
  name: 'holder',
  description: 'test double',
  schema: {},
  nodesOf: () => [],
  async run(p, { holderOf, token }) {
    return { status: 'pass', expected: token, observed: holderOf(p.to) ?? 'nobody', evidence: [] };
  },
};
// Fails its first try, passes the next; `confirm` says whether the grader may try again.
function flaky(): CheckKind<{ confirm: boolean }> & { tries: number } {
  const kind = {
    name: 'flaky',
    description: 'test double',
    schema: {},
    nodesOf: () => [],
    tries: 0,
    confirmFailure: (p: { confirm: boolean }) => p.confirm,
    async run() {
      kind.tries++;
      const status = kind.tries === 1 ? ('fail' as const) : ('pass' as const);
      return { status, expected: 'e', observed: status, evidence: [{ node: 'n', command: `try ${kind.tries}`, exitCode: 0, output: '', truncated: false, timedOut: false }] };
    },
  };
  return kind;
}
const kinds = new Map([
  ['fake', fake as unknown as CheckKind],
  ['holder', holder as unknown as CheckKind],
]);
const unused = () => Promise.reject(new Error('unused'));
const lab: LabExec = { nodeNames: [], exec: unused, probe: unused };
const spec = (id: string, outcome: string, extra: Partial<CheckSpec> = {}): CheckSpec => ({ id, title: id, kind: 'fake', points: 2, because: [], params: { outcome }, hint: `hint ${id}`, ...extra });

describe('runChecks', () => {
  test('a failure is tried once more only where the kind allows it; the second try decides, both show as evidence', async () => {
    for (const confirm of [true, false]) {
      const kind = flaky();
      const [r] = await runChecks(exerciseOf({ checks: [{ ...spec('f', ''), kind: 'flaky', params: { confirm } }] }), new Map([['flaky', kind as unknown as CheckKind]]), lab, 't');
      expect([r!.status, kind.tries, r!.evidence.map((e) => e.command)]).toEqual(confirm ? ['pass', 2, ['try 1', 'try 2']] : ['fail', 1, ['try 1']]);
    }
  });

  test('points only for passes, hints only on failures, a throwing check is an error with the reason', async () => {
    const checks = [spec('a', 'pass'), spec('b', 'fail'), spec('c', 'throw')];
    const [a, b, c] = await runChecks(exerciseOf({ checks }), kinds, lab, 't');
    expect([a!.earned, a!.hint]).toEqual([2, undefined]);
    expect([b!.status, b!.earned, b!.hint]).toEqual(['fail', 0, 'hint b']);
    expect([c!.status, c!.observed]).toEqual(['error', 'the check could not run: the engine went away']);
  });

  test('a failed check lists the failed checks it names in `because`, and only those', async () => {
    const checks = [spec('ping', 'fail', { because: ['forward', 'nat'] }), spec('forward', 'fail'), spec('nat', 'pass'), spec('ok', 'pass', { because: ['forward'] })];
    const results = await runChecks(
      exerciseOf({ checks }),
      kinds,
      lab,
      't',
    );
    expect(results[0]!.causes).toEqual([{ id: 'forward', observed: 'observed fail' }]);
    expect(results[3]!.causes).toBeUndefined();
  });

  test('checks get the run\'s token and the node the exercise gives an address', async () => {
    const nodes = [
      nodeSpec('router', { interfaces: [{ name: 'eth0', network: 'lan', addresses: ['192.168.1.1/24'] }, { name: 'eth1', network: 'wan', addresses: ['10.0.0.1/8', '10.9.9.9/8'] }] }),
      nodeSpec('host-a', { interfaces: [{ name: 'eth0', network: 'lan', addresses: ['192.168.1.10/24'] }] }),
    ];
    const ask = (id: string, to: string): CheckSpec => ({ id, title: id, kind: 'holder', points: 1, because: [], params: { to } });
    const checks = [ask('a', '192.168.1.10'), ask('b', '10.9.9.9'), ask('c', '192.168.1.99')];
    const results = await runChecks(exerciseOf({ nodes, checks }), kinds, lab, 'tok-1');
    expect(results.map((r) => [r.expected, r.observed])).toEqual([
      ['tok-1', 'host-a'],
      ['tok-1', 'router'],
      ['tok-1', 'nobody'],
    ]);
  });
});

describe('addressHolders', () => {
  test('maps each address, without its prefix, to its node; unknown addresses to undefined', () => {
    const holderOf = addressHolders(exerciseOf({ nodes: [nodeSpec('web', { interfaces: [{ name: 'eth0', network: 'internet', addresses: ['203.0.113.10/24'] }] })] }));
    expect([holderOf('203.0.113.10'), holderOf('203.0.113.10/24'), holderOf('203.0.113.1')]).toEqual(['web', undefined, undefined]);
  });
});
