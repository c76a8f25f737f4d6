import { describe, expect, test } from 'vitest';
import { contextOf, fakeLab, timedOut, type Reply } from '../test/support/fake-lab.js';
import {
  NETNS_MISSING, ROUTE_DIRECT, ROUTE_UNREACHABLE, ROUTE_VIA_GATEWAY, ROUTE_WITH_LINKS, ROUTE_WITH_LINKS_VETH_NAMED_TUN, replay,
} from '../test/support/fake-lab-recordings.js';
import { routeCheck } from './route.js';

// The route check against `ip -j route get` recorded in ex03: the node's kernel says which way it
// sends a packet, and with devKind what kind of interface that is (never what it is called).

type Params = Parameters<typeof routeCheck.run>[0];

async function route(params: Params, reply: Reply) {
  const lab = fakeLab({ exec: () => reply });
  return { outcome: await routeCheck.run(params, contextOf(lab)), calls: lab.calls };
}

const viaHost = { node: 'red', to: '192.168.1.3', via: '192.168.15.5' };

describe('route: the way the kernel sends the packet', () => {
  test('passes on the gateway; asks ip route get in the node', async () => {
    const { outcome, calls } = await route(viaHost, replay(ROUTE_VIA_GATEWAY));
    expect(outcome).toMatchObject({ status: 'pass', expected: 'red sends packets for 192.168.1.3 via 192.168.15.5', observed: 'red sends packets for 192.168.1.3 via 192.168.15.5 out of eth0' });
    expect(calls).toEqual([{ via: 'exec', at: 'red', argv: ['ip', '-j', 'route', 'get', '192.168.1.3'], options: {} }]);
  });

  test('evidence: the command a person would type and its JSON', async () => {
    const { outcome } = await route(viaHost, replay(ROUTE_VIA_GATEWAY));
    expect(outcome.evidence).toEqual([{ node: 'red', command: 'ip route get 192.168.1.3', exitCode: 0, output: ROUTE_VIA_GATEWAY.stdout, truncated: false, timedOut: false }]);
  });

  test('dev, and gateway and dev together', async () => {
    expect((await route({ node: 'host', to: '192.168.15.2', dev: 'v-net-0' }, replay(ROUTE_DIRECT))).outcome).toMatchObject({ status: 'pass', observed: 'host sends packets for 192.168.15.2 directly out of v-net-0 (no gateway)' });
    expect((await route({ ...viaHost, dev: 'eth1' }, replay(ROUTE_VIA_GATEWAY))).outcome.status).toBe('fail');
  });

  test('fails on another gateway, or none', async () => {
    expect((await route({ ...viaHost, via: '192.168.15.1' }, replay(ROUTE_VIA_GATEWAY))).outcome).toMatchObject({ status: 'fail', observed: 'red sends packets for 192.168.1.3 via 192.168.15.5 out of eth0' });
    expect((await route({ node: 'host', to: '192.168.15.2', via: '192.168.1.1' }, replay(ROUTE_DIRECT))).outcome.status).toBe('fail');
  });

  test('no route at all fails in one sentence', async () => {
    const { outcome } = await route({ node: 'lan-server', to: '10.9.9.9', via: '192.168.1.2' }, replay(ROUTE_UNREACHABLE));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'lan-server has no route to 10.9.9.9' });
  });

  test('a namespace the learner did not make fails in one sentence', async () => {
    const { outcome, calls } = await route({ ...viaHost, netns: 'ns1' }, replay(NETNS_MISSING));
    expect(calls[0]?.at).toBe('red/ns1');
    expect(outcome).toMatchObject({ status: 'fail', observed: 'network namespace ns1 does not exist in the node (see ip netns list)' });
  });
});

describe('route: devKind (the kind of interface, whatever its name)', () => {
  test('reads the links too, in the same exec; passes on a bridge', async () => {
    const { outcome, calls } = await route({ node: 'host', to: '192.168.15.2', devKind: ['bridge'] }, replay(ROUTE_WITH_LINKS));
    expect(calls[0]?.argv).toEqual(['bash', '-c', 'ip -j route get "$1" && echo && ip -j -d link show', 'route', '192.168.15.2']);
    expect(outcome).toMatchObject({ status: 'pass', observed: 'host sends packets for 192.168.15.2 directly out of v-net-0 (a bridge interface) (no gateway)' });
    expect(outcome.evidence[0]?.command).toBe('ip route get 192.168.15.2; ip -d link show');
  });

  test('a veth the learner named tun0 is no tunnel (hostile)', async () => {
    const { outcome } = await route({ node: 'host', to: '10.200.1.1', devKind: ['tun', 'vxlan'] }, replay(ROUTE_WITH_LINKS_VETH_NAMED_TUN));
    expect(outcome).toMatchObject({ status: 'fail', expected: 'host sends packets for 10.200.1.1 out of a tun or vxlan interface', observed: 'host sends packets for 10.200.1.1 directly out of tun0 (a veth interface) (no gateway)' });
  });

  test('a device missing from the link list is a plain interface, which no kind matches', async () => {
    const routes = ROUTE_WITH_LINKS.stdout.split('\n')[0];
    const { outcome } = await route({ node: 'host', to: '192.168.15.2', devKind: ['bridge'] }, { stdout: `${routes}\n\n[]\n` });
    expect(outcome).toMatchObject({ status: 'fail', observed: expect.stringContaining('v-net-0 (a plain interface)') });
  });
});

describe("route: grade's own faults", () => {
  test('ip cut off at the time limit, or output that is not its JSON, is an error', async () => {
    expect((await route(viaHost, timedOut())).outcome).toMatchObject({ status: 'error', observed: 'ip route get did not answer in time' });
    expect((await route(viaHost, { stdout: '[{"dst":' })).outcome).toMatchObject({ status: 'error', observed: 'could not read the output of ip -j route get' });
  });

  test('an infrastructure fault is thrown', async () => {
    await expect(route(viaHost, new Error('exec failed: container gone'))).rejects.toThrow('container gone');
  });
});
