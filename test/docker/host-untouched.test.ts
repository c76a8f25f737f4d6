import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import Docker from 'dockerode';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSubmission } from '../../core/submission.js';
import { applySubmission } from '../../runner/apply-submission.js';
import { LABEL } from '../../runner/labels.js';
import type { StartedLab } from '../../runner/started-lab.js';
import { engine, exercise, expectNoLabsOfThisProcess, startLab } from './lab-fixture.js';

// A lab is one container with no Docker network: its links, bridges and NAT rules live in namespaces
// inside it. While one runs, with a learner's bridge and MASQUERADE rule in place, the machine that
// runs it has no new interface, Docker network or iptables rule.

const docker = new Docker();

/** The interfaces of this machine's network namespace (the one the tests run in). */
const hostInterfaces = () => readdirSync('/sys/class/net').sort();

const dockerNetworks = async () => (await docker.listNetworks()).map((n) => n.Name).sort();

/** A program on PATH (or in the sbin folders a non-login PATH may lack), or null. */
function onPath(program: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  return dirs.map((d) => join(d, program)).find((p) => existsSync(p)) ?? null;
}

/** The host's iptables rules, without the timestamps and packet counters that change by themselves. */
async function hostIptables(iptablesSave: string): Promise<string> {
  const run = await execa(iptablesSave, [], { reject: false });
  if (run.exitCode !== 0) throw new Error(`${iptablesSave} failed (exit ${run.exitCode}): ${run.stderr}`);
  return run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.replace(/\[\d+:\d+\]/g, '[0:0]'))
    .join('\n');
}

describe('a running lab leaves the machine that runs it untouched', () => {
  const ex03 = exercise('ex03-bridge-masquerade');
  const iptablesSave = onPath('iptables-save');
  let before: { interfaces: string[]; networks: string[]; iptables: string | null };
  let lab: StartedLab;

  beforeAll(async () => {
    before = {
      interfaces: hostInterfaces(),
      networks: await dockerNetworks(),
      iptables: iptablesSave ? await hostIptables(iptablesSave) : null,
    };
    lab = await startLab('ex03-bridge-masquerade');
    // The learner's bridge, veth ends and MASQUERADE rule, as the reference makes them.
    const applied = await applySubmission(lab, readSubmission(ex03.solutionDir, ex03.nodes).files, ex03.limits);
    expect(applied.flatMap((f) => f.commands).filter((c) => c.status !== 'ok')).toEqual([]);
  });
  afterAll(async () => {
    await lab?.dispose();
    await expectNoLabsOfThisProcess();
  });

  test('the lab is running, with the learner\'s bridge and NAT rule inside it', async () => {
    expect((await lab.exec('host', ['ip', '-br', 'link'])).stdout).toMatch(/^v-net-0\s/m);
    expect((await lab.exec('host', ['iptables-save', '-t', 'nat'])).stdout).toMatch(/^-A POSTROUTING .*-j MASQUERADE/m);
    const made = await engine.listLabelled(LABEL.lab, lab.id);
    expect([made.containers.length, made.networks.length]).toEqual([1, 0]);
  });

  test('no new network interface on the host', () => {
    expect(hostInterfaces()).toEqual(before.interfaces);
  });

  test('no new Docker network', async () => {
    expect(await dockerNetworks()).toEqual(before.networks);
  });

  test('no new iptables rule on the host', async (ctx) => {
    if (!iptablesSave || before.iptables === null) {
      ctx.skip("iptables-save is not installed on this machine, so the host's iptables rules were not compared");
    }
    expect(await hostIptables(iptablesSave!)).toEqual(before.iptables);
  });
});
