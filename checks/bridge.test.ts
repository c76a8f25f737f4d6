import { describe, expect, test } from 'vitest';
import { contextOf, fakeLab, timedOut, type Reply } from '../test/support/fake-lab.js';
import { BRIDGE_DOWN_ONE_PORT, BRIDGE_NO_SUCH_DEVICE, BRIDGE_PLAIN_INTERFACE, BRIDGE_UP, replay } from '../test/support/fake-lab-recordings.js';
import { bridgeCheck } from './bridge.js';

// The bridge check against `ip -j` output recorded in ex03's host: the kernel's own account of the
// interface, read from outside the node with the lab image's ip.

const v0 = { node: 'host', name: 'v-net-0', ports: ['veth-red-br', 'veth-blue-br'], address: '192.168.15.5/24' };
type Params = Parameters<typeof bridgeCheck.run>[0];

async function bridge(params: Params, reply: Reply) {
  const lab = fakeLab({ exec: () => reply });
  return { outcome: await bridgeCheck.run(params, contextOf(lab)), calls: lab.calls };
}

describe('bridge: up, with its ports and address', () => {
  test('passes, listing what it found; the name is an argument, never part of the script', async () => {
    const { outcome, calls } = await bridge(v0, replay(BRIDGE_UP));
    expect(outcome).toMatchObject({
      status: 'pass',
      expected: 'host has a bridge v-net-0, up, with ports veth-red-br, veth-blue-br, holding 192.168.15.5/24',
      observed: 'v-net-0 is a bridge, up, with ports veth-red-br, veth-blue-br, holding 192.168.15.5/24',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ via: 'exec', at: 'host' });
    expect(calls[0]?.argv).toEqual(['bash', '-c', 'ip -j -d addr show dev "$1"; echo; ip -j link show master "$1"', 'bridge-check', 'v-net-0']);
  });

  test('evidence: the commands a person would type, and all ip printed', async () => {
    const { outcome } = await bridge(v0, replay(BRIDGE_UP));
    expect(outcome.evidence).toEqual([
      { node: 'host', command: 'ip -d addr show dev v-net-0; ip link show master v-net-0', exitCode: 0, output: BRIDGE_UP.stdout, truncated: false, timedOut: false },
    ]);
  });

  test('without ports or address asked, any bridge that is up will do', async () => {
    expect((await bridge({ node: 'host', name: 'v-net-0' }, replay(BRIDGE_UP))).outcome.status).toBe('pass');
  });
});

describe('bridge: what is wrong, all of it', () => {
  test('no such interface', async () => {
    const { outcome } = await bridge({ ...v0, name: 'v-net-9' }, replay(BRIDGE_NO_SUCH_DEVICE));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'host has no interface named v-net-9' });
  });

  test('down, with a port detached', async () => {
    const { outcome } = await bridge(v0, replay(BRIDGE_DOWN_ONE_PORT));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'v-net-0 is down; veth-blue-br is not attached (attached: veth-red-br)' });
  });

  test('a plain interface by that name is no bridge, has no ports, and holds another address', async () => {
    const { outcome } = await bridge({ ...v0, name: 'eth0' }, replay(BRIDGE_PLAIN_INTERFACE));
    expect(outcome).toMatchObject({
      status: 'fail',
      observed: 'eth0 is a veth interface, not a bridge; veth-red-br and veth-blue-br are not attached (attached: none); eth0 holds 192.168.1.2/24, not 192.168.15.5/24',
    });
  });

  test('the wrong address on the bridge', async () => {
    const { outcome } = await bridge({ ...v0, address: '192.168.15.1/24' }, replay(BRIDGE_UP));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'v-net-0 holds 192.168.15.5/24, not 192.168.15.1/24' });
  });
});

describe("bridge: grade's own faults", () => {
  test('output that is not ip\'s JSON is an error', async () => {
    const { outcome } = await bridge(v0, { stdout: '[{"ifname": "v-net-0",\n\n[]\n' });
    expect(outcome).toMatchObject({ status: 'error', observed: 'could not read the output of ip -j' });
  });

  test('ip cut off at the time limit is an error, not "no interface"', async () => {
    const { outcome } = await bridge(v0, timedOut());
    expect(outcome).toMatchObject({ status: 'error', observed: 'ip did not finish in time' });
    const killed = await bridge(v0, { exitCode: null });
    expect(killed.outcome).toMatchObject({ status: 'error', observed: 'ip was stopped before it finished' });
  });

  test('an infrastructure fault is thrown', async () => {
    await expect(bridge(v0, new Error('exec failed: container gone'))).rejects.toThrow('container gone');
  });
});
