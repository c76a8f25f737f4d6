import { hostname } from 'node:os';
import { describe, expect, test } from 'vitest';
import { shippedExercise } from '../test/support/exercises.js';
import { labBuildScript } from './lab-build-script.js';
import { LABEL } from './labels.js';
import { labScope } from './lab-scope.js';
import { planLab, planLinks } from './plan-lab.js';

const ex01 = shippedExercise('ex01-default-gateway');
const ex03 = shippedExercise('ex03-bridge-masquerade');
const IMAGE = 'grade-lab:0123456789ab';

describe('planLab', () => {
  test('labels the lab with its id, exercise, owner, keep flag, token and scope; the container is grade-<labId>', () => {
    const plan = planLab(ex01, { image: IMAGE, labId: 'ex01-abc123', token: 'tok', ownerPid: 4242, keep: true });
    expect(plan.labels).toEqual({
      [LABEL.lab]: 'ex01-abc123',
      [LABEL.exercise]: 'ex01',
      [LABEL.ownerPid]: '4242',
      [LABEL.ownerHost]: hostname(),
      [LABEL.keep]: 'true',
      [LABEL.token]: 'tok',
      [LABEL.scope]: labScope(),
    });
    expect(labScope()).toMatch(/^test-/); // vitest.config.ts gives the suite a scope of its own
    expect([plan.labId, plan.containerName, plan.image, plan.token, plan.keep]).toEqual(['ex01-abc123', 'grade-ex01-abc123', IMAGE, 'tok', true]);
  });

  test("a variant's lab carries its variant, so a later `grade ex01` checks that variant; the lesson's has no such label", () => {
    const alice = shippedExercise('ex01-default-gateway', 'alice');
    expect(planLab(alice, { image: IMAGE }).labels[LABEL.variant]).toBe('alice');
    expect(planLab(ex01, { image: IMAGE }).labels).not.toHaveProperty(LABEL.variant);
  });

  test('by default: a fresh random lab id and token, owned by this process, not kept', () => {
    const one = planLab(ex01, { image: IMAGE });
    const two = planLab(ex01, { image: IMAGE });
    expect(one.labId).toMatch(/^ex01-[0-9a-f]{6}$/);
    expect(one.token).toMatch(/^[0-9a-f]{16}$/);
    expect([two.labId, two.token]).not.toEqual([one.labId, one.token]);
    expect(one.containerName).toBe(`grade-${one.labId}`);
    expect(one.labels[LABEL.token]).toBe(one.token);
    expect([one.labels[LABEL.ownerPid], one.labels[LABEL.keep], one.keep]).toEqual([String(process.pid), 'false', false]);
  });

  test('every node of the exercise, in its order, and the build script for these links', () => {
    const plan = planLab(ex01, { image: IMAGE, labId: 'ex01-abc123', token: 'tok' });
    expect(plan.nodes.map((n) => n.spec.name)).toEqual(['router', 'host-a', 'host-b', 'server-c', 'web']);
    expect(plan.buildScript).toBe(labBuildScript(ex01, plan.links));
  });
});

describe('planLinks', () => {
  test("ex01: each network is a bridge of the switch namespace, with a port for each member's interface", () => {
    expect(planLinks(ex01)).toEqual([
      {
        network: 'lan',
        bridge: 'br0',
        ends: [
          { node: 'router', ifname: 'eth0', port: 'n0p0' },
          { node: 'host-a', ifname: 'eth0', port: 'n0p1' },
          { node: 'host-b', ifname: 'eth0', port: 'n0p2' },
        ],
      },
      { network: 'wan', bridge: 'br1', ends: [{ node: 'router', ifname: 'eth1', port: 'n1p0' }, { node: 'server-c', ifname: 'eth0', port: 'n1p1' }] },
      { network: 'internet', bridge: 'br2', ends: [{ node: 'router', ifname: 'eth2', port: 'n2p0' }, { node: 'web', ifname: 'eth0', port: 'n2p1' }] },
    ]);
  });

  test("ex03: two-member links go through the switch too, where grade's probes can watch them", () => {
    expect(planLinks(ex03).map((l) => [l.network, l.bridge, l.ends.map((e) => `${e.node}:${e.ifname}@${e.port}`)])).toEqual([
      ['lan', 'br0', ['host:eth0@n0p0', 'lan-server:eth0@n0p1']],
      ['red-link', 'br1', ['host:veth-red-br@n1p0', 'red:eth0@n1p1']],
      ['blue-link', 'br2', ['host:veth-blue-br@n2p0', 'blue:eth0@n2p1']],
    ]);
  });

  test('a network with one member still gets a bridge, so its interface has a peer', () => {
    const alone = { ...ex01, nodes: ex01.nodes.filter((n) => n.name !== 'web') };
    expect(planLinks(alone)[2]).toEqual({ network: 'internet', bridge: 'br2', ends: [{ node: 'router', ifname: 'eth2', port: 'n2p0' }] });
  });

  test('bridge and port names fit a Linux interface name (15 bytes) and are unique in the lab', () => {
    const names = planLinks(ex01).flatMap((l) => [l.bridge, ...l.ends.map((e) => e.port)]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(15);
  });
});
