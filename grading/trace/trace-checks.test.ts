import { describe, expect, it } from 'vitest';
import type { CheckSpec, Exercise } from '../../core/exercise.js';
import type { CheckResult, NodeReport } from '../../core/result.js';
import { nodeState, addrText, TWO_NETS, twoNets } from './fixtures.js';
import { flowOf, traceChecks } from './trace-checks.js';

const spec = (kind: string, params: Record<string, unknown>): CheckSpec => ({ id: 'c', title: 't', kind, points: 1, because: [], params });

describe('flowOf', () => {
  it('reads the flows of reach, tcp and http checks that expect to connect', () => {
    expect(flowOf(spec('reach', { node: 'a', to: '10.0.0.1', far: 'b' }))).toEqual({ from: 'a', to: '10.0.0.1', proto: 'icmp', far: 'b' });
    expect(flowOf(spec('tcp', { node: 'a', to: '10.0.0.1', port: 7000, listener: 'b' }))).toEqual({ from: 'a', to: '10.0.0.1', proto: 'tcp', port: 7000, far: 'b' });
    expect(flowOf(spec('http', { node: 'a', url: 'http://203.0.113.1:8080/?n={{nonce}}', expect: 'x' }))).toEqual({ from: 'a', to: '203.0.113.1', proto: 'tcp', port: 8080 });
  });

  it('leaves out must-not-reach checks and other kinds; namespaces and host names are unknown', () => {
    expect(flowOf(spec('reach', { node: 'a', to: '10.0.0.1', expect: false }))).toBeNull();
    expect(flowOf(spec('tcp', { node: 'a', to: '10.0.0.1', port: 22, connect: false }))).toBeNull();
    expect(flowOf(spec('route', { node: 'a', to: '10.0.0.1' }))).toBeNull();
    expect(flowOf(spec('reach', { node: 'a', to: '10.0.0.1', netns: 'NS1' }))).toMatchObject({ unknown: { from: 'a', kind: 'unknown' } });
    expect(flowOf(spec('http', { node: 'a', url: 'http://web.example/', expect: 'x' }))).toMatchObject({ unknown: { reason: expect.stringContaining('web.example') } });
  });
});

describe('traceChecks', () => {
  const exercise = {
    nodes: TWO_NETS.nodes.map((n) => ({ name: n.name, owner: 'learner' })),
    checks: [spec('reach', { node: 'network01', to: '192.168.100.2' }), { ...spec('reach', { node: 'network02', to: '192.168.150.2' }), id: 'd' }, { ...spec('sysctl', { node: 'router' }), id: 'e' }],
  } as unknown as Exercise;
  const result = (id: string, status: CheckResult['status']): CheckResult => ({
    id, title: id, kind: 'reach', points: 1, earned: 0, status, expected: '', observed: '', evidence: [], durationMs: 0,
  });
  const nodes = (states: Map<string, ReturnType<typeof nodeState>>): NodeReport[] =>
    [...states].map(([name, state]) => ({ name, role: 'host', submissionFile: null, commands: [], state }));

  it('adds the path to passing checks and the broken hop to failing ones; errors and other kinds stay as they are', () => {
    const states = twoNets({ network02: nodeState(addrText([['eth0', '192.168.100.2/24']]), ['192.168.100.0/24 dev eth0 scope link']) });
    const [c, d, e] = traceChecks(exercise, TWO_NETS, [result('c', 'fail'), result('d', 'error'), result('e', 'fail')], nodes(states));
    expect(c?.brokenHop).toMatchObject({ from: 'network02', kind: 'no-way-back' });
    expect(c?.path).toHaveLength(2);
    expect(d).toEqual(result('d', 'error'));
    expect(e).toEqual(result('e', 'fail'));
    const [pass] = traceChecks(exercise, TWO_NETS, [{ ...result('c', 'pass'), earned: 1 }], nodes(twoNets()));
    expect(pass?.path).toHaveLength(4);
    expect(pass?.brokenHop).toBeUndefined();
  });

  it('says "unknown" at the far end when the final state lets the packets through but the check failed', () => {
    const [c] = traceChecks(exercise, TWO_NETS, [result('c', 'fail')], nodes(twoNets()));
    expect(c?.brokenHop).toMatchObject({ from: 'network02', to: null, kind: 'unknown' });
  });
});
