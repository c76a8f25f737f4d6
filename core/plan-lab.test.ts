import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkKinds } from '../checks/registry.js';
import { LABEL } from '../runner/labels.js';
import type { Exercise, NodeSpec } from './exercise.js';
import { loadExercise } from './load-exercise.js';
import { planLab } from './plan-lab.js';

const EX01 = fileURLToPath(new URL('../exercises/ex01-default-gateway', import.meta.url));
const ex01 = loadExercise(EX01, checkKinds());
const IMAGE = 'grade-lab:test';

describe('planLab', () => {
  test('names every network and container after the lab id', () => {
    const plan = planLab(ex01, { image: IMAGE, labId: 'ex01-abc123' });
    expect(plan.labId).toBe('ex01-abc123');
    expect(plan.image).toBe(IMAGE);
    expect(plan.exercise).toBe(ex01);
    expect(plan.networks.map((n) => [n.name, n.dockerName])).toEqual([
      ['lan', 'grade-ex01-abc123-lan'],
      ['wan', 'grade-ex01-abc123-wan'],
      ['internet', 'grade-ex01-abc123-internet'],
    ]);
    expect(plan.nodes.map((n) => [n.spec.name, n.containerName])).toEqual([
      ['router', 'grade-ex01-abc123-router'],
      ['host-a', 'grade-ex01-abc123-host-a'],
      ['host-b', 'grade-ex01-abc123-host-b'],
      ['server-c', 'grade-ex01-abc123-server-c'],
      ['web', 'grade-ex01-abc123-web'],
    ]);
    expect(plan.nodes.map((n) => n.spec)).toEqual(ex01.nodes);
  });

  test('every network and container carries the lab, exercise, owner, keep and token labels', () => {
    const plan = planLab(ex01, { image: IMAGE, labId: 'ex01-abc123', token: 'feedc0de', ownerPid: 4242 });
    const common = {
      [LABEL.lab]: 'ex01-abc123',
      [LABEL.exercise]: 'ex01',
      [LABEL.ownerPid]: '4242',
      [LABEL.ownerHost]: hostname(),
      [LABEL.keep]: 'false',
      [LABEL.token]: 'feedc0de',
    };
    for (const n of plan.networks) expect(n.labels).toEqual({ ...common, [LABEL.network]: n.name });
    for (const n of plan.nodes) expect(n.labels).toEqual({ ...common, [LABEL.node]: n.spec.name });
    expect(common).toMatchObject({ 'dev.grade.lab': 'ex01-abc123', 'dev.grade.token': 'feedc0de' });
  });

  test('the owner pid defaults to this process; keep marks a lab grade start leaves running', () => {
    const plain = planLab(ex01, { image: IMAGE });
    expect(plain.keep).toBe(false);
    expect(plain.nodes[0]!.labels[LABEL.ownerPid]).toBe(String(process.pid));
    const kept = planLab(ex01, { image: IMAGE, keep: true });
    expect(kept.keep).toBe(true);
    for (const n of [...kept.networks, ...kept.nodes]) expect(n.labels[LABEL.keep]).toBe('true');
  });

  test('docker networks follow the order of the node\'s interfaces', () => {
    const plan = planLab(ex01, { image: IMAGE, labId: 'ex01-000000' });
    const router = plan.nodes.find((n) => n.spec.name === 'router')!;
    expect(router.dockerNetworks).toEqual(['grade-ex01-000000-lan', 'grade-ex01-000000-wan', 'grade-ex01-000000-internet']);
    expect(plan.nodes.find((n) => n.spec.name === 'web')!.dockerNetworks).toEqual(['grade-ex01-000000-internet']);

    // Interfaces listed in another order than the networks: the interface order wins.
    const swapped: NodeSpec = { ...ex01.nodes[0]!, interfaces: [...ex01.nodes[0]!.interfaces].reverse() };
    const other: Exercise = { ...ex01, nodes: [swapped, ...ex01.nodes.slice(1)] };
    const plan2 = planLab(other, { image: IMAGE, labId: 'ex01-000000' });
    expect(plan2.nodes[0]!.dockerNetworks).toEqual(['grade-ex01-000000-internet', 'grade-ex01-000000-wan', 'grade-ex01-000000-lan']);
  });

  test('each node\'s setup script holds its addresses, routes and sysctls; ip_forward is 0 unless set', () => {
    const plan = planLab(ex01, { image: IMAGE });
    const script = (name: string) => plan.nodes.find((n) => n.spec.name === name)!.setupScript;
    expect(script('router')).toContain("ip addr add '192.168.1.1/24' dev 'eth0'");
    expect(script('router')).toContain("ip addr add '192.168.2.1/24' dev 'eth1'");
    expect(script('router')).toContain("ip addr add '203.0.113.1/24' dev 'eth2'");
    expect(script('router')).toContain("echo '1' > '/proc/sys/net/ipv4/ip_forward'");
    expect(script('host-a')).toContain("ip addr add '192.168.1.10/24' dev 'eth0'");
    expect(script('host-a')).toContain("echo '0' > '/proc/sys/net/ipv4/ip_forward'");
    expect(script('host-a')).not.toContain('ip route add');
    expect(script('server-c')).toContain("ip route add 'default' via '192.168.2.1'");
    expect(script('web')).toContain("ip route add 'default' via '203.0.113.1'");
    expect(script('web')).not.toContain('192.168.2.1/24');
  });

  test('every node\'s /etc/hosts names every node at its first address', () => {
    const plan = planLab(ex01, { image: IMAGE });
    const hosts = '127.0.0.1\tlocalhost\n192.168.1.1\trouter\n192.168.1.10\thost-a\n192.168.1.11\thost-b\n192.168.2.10\tserver-c\n203.0.113.10\tweb';
    for (const n of plan.nodes) expect(n.setupScript).toContain(`printf '%s\\n' '${hosts}' > /etc/hosts`);
  });

  test('a node without any address is left out of /etc/hosts', () => {
    const bare: NodeSpec = { ...ex01.nodes[2]!, interfaces: [{ name: 'eth0', network: 'lan', addresses: [] }] };
    const plan = planLab({ ...ex01, nodes: [ex01.nodes[0]!, ex01.nodes[1]!, bare, ...ex01.nodes.slice(3)] }, { image: IMAGE });
    expect(plan.nodes[0]!.setupScript).not.toMatch(/\thost-b/);
    expect(plan.nodes[0]!.setupScript).toMatch(/192\.168\.1\.10\thost-a/);
  });

  test('services and the setup snippet reach the setup script', () => {
    const server: NodeSpec = {
      ...ex01.nodes[3]!,
      services: [{ name: 'token', command: `socat TCP-LISTEN:12345,fork SYSTEM:'echo "$GRADE_TOKEN"'`, port: 12345 }],
      setup: 'echo ready > /tmp/ready',
    };
    const plan = planLab({ ...ex01, nodes: [...ex01.nodes.slice(0, 3), server, ex01.nodes[4]!] }, { image: IMAGE });
    const script = plan.nodes[3]!.setupScript;
    expect(script).toContain('echo ready > /tmp/ready');
    expect(script).toContain("setsid bash -c 'socat TCP-LISTEN:12345,fork SYSTEM:'\\''echo \"$GRADE_TOKEN\"'\\''' > '/var/log/grade-token.log' 2>&1 < /dev/null &");
    expect(script).toContain("ss -Hltn 'sport = :12345'");
  });

  test('labId and token options are used as given', () => {
    const plan = planLab(ex01, { image: IMAGE, labId: 'ex01-given', token: 'given-token' });
    expect(plan.labId).toBe('ex01-given');
    expect(plan.token).toBe('given-token');
  });

  test('two plans of the same exercise get different lab ids and tokens', () => {
    const a = planLab(ex01, { image: IMAGE });
    const b = planLab(ex01, { image: IMAGE });
    expect(a.labId).toMatch(/^ex01-[0-9a-f]{6}$/);
    expect(a.token).toMatch(/^[0-9a-f]{16}$/);
    expect(a.labId).not.toBe(b.labId);
    expect(a.token).not.toBe(b.token);
    expect(a.networks[0]!.dockerName).not.toBe(b.networks[0]!.dockerName);
  });

  test('planning is pure: the exercise is not changed', () => {
    const before = JSON.stringify(ex01);
    planLab(ex01, { image: IMAGE });
    expect(JSON.stringify(ex01)).toBe(before);
  });
});
