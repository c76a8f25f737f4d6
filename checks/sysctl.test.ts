import { describe, expect, test } from 'vitest';
import { contextOf, fakeLab, timedOut, type Reply } from '../test/support/fake-lab.js';
import { SYSCTL_NO_SUCH_KEY, SYSCTL_ON, SYSCTL_TWO_VALUES, replay } from '../test/support/fake-lab-recordings.js';
import { sysctlCheck } from './sysctl.js';

// The sysctl check against `sysctl -n` recorded in ex03's host: the kernel's current value, read in
// the node's network namespace with the lab image's own sysctl.

type Params = Parameters<typeof sysctlCheck.run>[0];

async function sysctl(params: Params, reply: Reply) {
  const lab = fakeLab({ exec: () => reply });
  return { outcome: await sysctlCheck.run(params, contextOf(lab)), calls: lab.calls };
}

const forwarding = { node: 'host', key: 'net.ipv4.ip_forward', value: 1 };

describe('sysctl: the current value', () => {
  test('passes on the value; reads it with sysctl -n in the node', async () => {
    const { outcome, calls } = await sysctl(forwarding, replay(SYSCTL_ON));
    expect(outcome).toMatchObject({ status: 'pass', expected: 'net.ipv4.ip_forward = 1 on host', observed: 'net.ipv4.ip_forward is 1 on host' });
    expect(calls).toEqual([{ via: 'exec', at: 'host', argv: ['sysctl', '-n', 'net.ipv4.ip_forward'], options: {} }]);
  });

  test('evidence: the command a person would type and its output', async () => {
    const { outcome } = await sysctl(forwarding, replay(SYSCTL_ON));
    expect(outcome.evidence).toEqual([{ node: 'host', command: 'sysctl net.ipv4.ip_forward', exitCode: 0, output: '1\n', truncated: false, timedOut: false }]);
  });

  test('fails on another value', async () => {
    const { outcome } = await sysctl(forwarding, { stdout: '0\n' });
    expect(outcome).toMatchObject({ status: 'fail', observed: 'net.ipv4.ip_forward is 0 on host' });
  });

  test('a key written with slashes is asked dotted', async () => {
    const { calls } = await sysctl({ ...forwarding, key: 'net/ipv4/ip_forward' }, replay(SYSCTL_ON));
    expect(calls[0]?.argv).toEqual(['sysctl', '-n', 'net.ipv4.ip_forward']);
  });

  test('a value of several words compares with its tab as one space; a string value as written', async () => {
    const range = { node: 'host', key: 'net.ipv4.ip_local_port_range', value: '32768 60999' };
    expect((await sysctl(range, replay(SYSCTL_TWO_VALUES))).outcome).toMatchObject({ status: 'pass', observed: 'net.ipv4.ip_local_port_range is 32768 60999 on host' });
    expect((await sysctl({ ...range, value: '32768 61000' }, replay(SYSCTL_TWO_VALUES))).outcome.status).toBe('fail');
  });
});

describe("sysctl: grade's own faults", () => {
  test("a key the kernel does not have is the exercise's error, quoting sysctl", async () => {
    const { outcome } = await sysctl({ ...forwarding, key: 'net.ipv4.no_such_key' }, replay(SYSCTL_NO_SUCH_KEY));
    expect(outcome).toMatchObject({ status: 'error', observed: 'could not read net.ipv4.no_such_key: sysctl: cannot stat /proc/sys/net/ipv4/no_such_key: No such file or directory' });
  });

  test('sysctl cut off at the time limit is an error; an infrastructure fault is thrown', async () => {
    expect((await sysctl(forwarding, timedOut())).outcome.status).toBe('error');
    await expect(sysctl(forwarding, new Error('exec failed: container gone'))).rejects.toThrow('container gone');
  });
});
