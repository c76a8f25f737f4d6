import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planLab } from '../../core/plan-lab.js';
import { provision } from '../../runner/provision.js';
import type { StartedLab } from '../../runner/started-lab.js';
import { engine, exercise, expectNoLabsOfThisProcess, image } from './lab-fixture.js';

// CAP_NET_ADMIN is bit 12, CAP_NET_RAW bit 13: nothing else may be held by what grade runs in a node.
const NET_ONLY = (1n << 12n) | (1n << 13n);

describe('what a learner command may and may not do in a node', () => {
  let lab: StartedLab;
  beforeAll(async () => {
    lab = await provision(engine, planLab(exercise('ex01-default-gateway'), { image }));
  });
  afterAll(async () => {
    await lab?.dispose();
    await expectNoLabsOfThisProcess();
  });
  const sh = (script: string) => lab.exec('router', ['bash', '-c', script]);

  test('holds NET_ADMIN and NET_RAW and nothing else', async () => {
    const status = await sh('grep -E "^Cap(Prm|Eff|Bnd|Inh|Amb)" /proc/self/status');
    const caps = Object.fromEntries(status.stdout.trim().split('\n').map((l) => l.split(/:\s+/) as [string, string]));
    expect(BigInt(`0x${caps.CapBnd}`)).toBe(NET_ONLY);
    expect(BigInt(`0x${caps.CapEff}`)).toBe(NET_ONLY);
    expect(BigInt(`0x${caps.CapPrm}`)).toBe(NET_ONLY);
    expect(BigInt(`0x${caps.CapInh}`)).toBe(0n);
    expect(BigInt(`0x${caps.CapAmb}`)).toBe(0n);
  });

  test('can write /proc/sys/net the lessons\' ways and create a bridge', async () => {
    expect((await sh('echo 0 > /proc/sys/net/ipv4/ip_forward && cat /proc/sys/net/ipv4/ip_forward')).stdout.trim()).toBe('0');
    expect((await sh('sysctl -w net.ipv4.ip_forward=1 >/dev/null && sysctl -n net.ipv4.ip_forward')).stdout.trim()).toBe('1');
    expect((await sh('sudo ip link add v-net-0 type bridge && ip -d link show v-net-0')).stdout).toContain('bridge');
    expect((await sh('sudo bash -c "echo 1 > /proc/sys/net/ipv4/conf/all/forwarding"')).exitCode).toBe(0);
  });

  test('cannot write the rest of /proc/sys, mount or unmount anything', async () => {
    const vm = await sh('echo 1 > /proc/sys/vm/overcommit_memory');
    expect(vm.exitCode).not.toBe(0);
    expect(vm.output).toMatch(/Read-only file system|Permission denied/);
    const kernel = await sh('echo "|/tmp/x" > /proc/sys/kernel/core_pattern');
    expect(kernel.exitCode).not.toBe(0);
    expect((await sh('umount /proc/sys/net')).exitCode).not.toBe(0);
    expect((await sh('mount -t tmpfs none /mnt')).exitCode).not.toBe(0);
    expect((await sh('mount -o remount,rw /proc/sys')).exitCode).not.toBe(0);
  });

  test('tcpdump captures, as the lessons use it, without switching users', async () => {
    const capture = await sh('(sleep 0.5; ping -n -c 1 127.0.0.1 >/dev/null) & sudo tcpdump -n -i lo -c 1 icmp 2>&1; wait');
    expect(capture.output).toMatch(/1 packet captured/);
    expect(capture.output).toContain('127.0.0.1 > 127.0.0.1: ICMP echo request');
  });

  test('cannot regain capabilities through sudo or setuid programs', async () => {
    const status = await sh('sudo grep CapEff /proc/self/status');
    expect(BigInt(`0x${status.stdout.split(/:\s+/)[1]!.trim()}`)).toBe(NET_ONLY);
  });
});
