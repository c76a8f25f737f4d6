import { describe, expect, test } from 'vitest';
import type { CheckKind } from '../checks/check-kind.js';
import { InfraError } from '../core/errors.js';
import type { CheckSpec } from '../core/exercise.js';
import type { LabExec } from '../runner/lab-exec.js';
import { exerciseOf, nodeSpec } from '../test/support/exercises.js';
import { FORGET_SCRIPT, placesOf } from './learned-state.js';
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

describe('runChecks: no verdict depends on the order of the checks', () => {
  // A one-sided tunnel: a knows the way to b (configured); b knows the way to a only once it has
  // learned it from a's traffic (a neighbour or forwarding entry), which the lab forgets on FORGET_SCRIPT.
  function tunnelLab() {
    const learned = new Set<string>();
    const configured = new Set(['a>b']);
    const forgets: string[] = [];
    const lab: LabExec = {
      nodeNames: ['a', 'b'],
      async exec(node, argv) {
        if (argv.join(' ') === `bash -c ${FORGET_SCRIPT}`) {
          forgets.push(node);
          learned.delete(`${node}:learned`);
        }
        return { exitCode: 0, output: '', stdout: '', stderr: '', truncated: false, timedOut: false, durationMs: 0 };
      },
      probe: unused,
    };
    const talk: CheckKind<{ from: string; to: string }> = {
      name: 'talk',
      description: 'test double',
      schema: {},
      nodesOf: (p) => [p.from, p.to],
      confirmFailure: () => true,
      async run(p) {
        await new Promise((r) => setTimeout(r, 1));
        const ok = configured.has(`${p.from}>${p.to}`) || learned.has(`${p.from}:learned`);
        learned.add(`${p.to}:learned`); // the far side learns the way back from what it received
        return { status: ok ? 'pass' : 'fail', expected: 'e', observed: ok ? 'through' : 'lost', evidence: [] };
      },
    };
    return { lab, talk: talk as unknown as CheckKind, learned, forgets };
  }
  const talkSpec = (id: string, from: string, to: string): CheckSpec => ({ id, title: id, kind: 'talk', points: 1, because: [], params: { from, to } });
  const exercise = exerciseOf({ nodes: [nodeSpec('a'), nodeSpec('b')], checks: [talkSpec('a-to-b', 'a', 'b'), talkSpec('b-to-a', 'b', 'a'), spec('file', 'pass')] });

  test('the direction that works only through learned state fails in every order, the other passes', async () => {
    const verdicts = [];
    for (const order of [['a-to-b', 'b-to-a'], ['b-to-a', 'a-to-b'], undefined]) {
      const { lab, talk, learned } = tunnelLab();
      learned.add('b:learned'); // the learner's own script made a speak first
      const results = await runChecks(exercise, new Map([...kinds, ['talk', talk]]), lab, 't', order ? { order } : {});
      verdicts.push(results.map((r) => `${r.id} ${r.status}`));
    }
    expect(verdicts[0]).toEqual(['a-to-b pass', 'b-to-a fail', 'file pass']);
    expect(verdicts[1]).toEqual(verdicts[0]);
    expect(verdicts[2]).toEqual(verdicts[0]);
  });

  test('before each check that sends traffic, every learner node forgets what it learned', async () => {
    const { lab, talk, forgets } = tunnelLab();
    await runChecks(exercise, new Map([...kinds, ['talk', talk]]), lab, 't', { order: ['b-to-a', 'a-to-b'] });
    // Before the first try of each, in both nodes (b-to-a's second try follows only its own traffic).
    expect(forgets).toEqual(['a', 'b', 'a', 'b']);
  });
});

describe('placesOf', () => {
  test('every learner node, and each namespace a check names in one', () => {
    const ex = exerciseOf({
      nodes: [nodeSpec('a'), nodeSpec('b')],
      checks: [
        { ...spec('r', 'pass'), params: { node: 'a', netns: 'NS1', far: 'b', farNetns: 'NS2' } },
        { ...spec('t', 'pass'), params: { node: 'a', listener: 'b', listenerNetns: 'NS3' } },
      ],
    });
    expect(placesOf(ex).sort()).toEqual(['a', 'a/NS1', 'b', 'b/NS2', 'b/NS3']);
    const withServer = exerciseOf({ nodes: [nodeSpec('a'), nodeSpec('srv', { owner: 'lab' })], checks: [] });
    expect(placesOf(withServer)).toEqual(['a']);
  });
});
