import { afterAll, describe, expect, test } from 'vitest';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { gradeSubmission } from '../../grading/grade-exercise.js';
import { LABEL } from '../../runner/labels.js';
import { asLearner, engine, exercise, expectNoLabsOfThisProcess, image, kinds, startLab } from './lab-fixture.js';

const ex01 = exercise('ex01-default-gateway');

describe('labs are isolated from each other and from everything outside them', () => {
  afterAll(expectNoLabsOfThisProcess);

  test('two ex01 labs with identical addresses grade correctly at the same time', async () => {
    const grade = () =>
      gradeSubmission({ exercise: ex01, kinds, engine, image, submission: readSubmissionFor(ex01, ex01.solutionDir), mode: 'reference' });
    const [a, b] = await Promise.all([grade(), grade()]);
    expect(a.labId).not.toBe(b.labId);
    expect([a.status, b.status]).toEqual(['pass', 'pass']);
  });

  test('an address a learner adds in one lab is invisible in another lab that uses the same subnet', async () => {
    await using one = await startLab('ex01-default-gateway');
    await using two = await startLab('ex01-default-gateway');
    expect(one.containerId).not.toBe(two.containerId);
    expect((await asLearner(two, 'host-a', 'ip addr add 192.168.1.99/24 dev eth0')).exitCode).toBe(0);
    const ping = ['ping', '-n', '-c', '2', '-i', '0.2', '-W', '1', '192.168.1.99'];
    expect((await two.exec('host-b', ping)).exitCode).toBe(0);
    expect((await one.exec('host-b', ping)).exitCode).not.toBe(0);
  });

  test('a lab is one container, whose own network namespace has nothing but loopback', async () => {
    await using lab = await startLab('ex01-default-gateway');
    const made = await engine.listLabelled(LABEL.lab, lab.id);
    expect([made.containers.map((c) => c.id), made.networks]).toEqual([[lab.containerId], []]);
    // The container's own namespace (where Docker would have put an interface) is not one of the nodes'.
    const links = await engine.exec(lab.containerId, ['ip', '-o', 'link'], { timeoutMs: 5000, maxOutputBytes: 8192 });
    expect(links.stdout.trim().split('\n').map((l) => l.split(': ')[1])).toEqual(['lo']);
    const routes = await engine.exec(lab.containerId, ['ip', '-4', 'route', 'show', 'table', 'all'], { timeoutMs: 5000, maxOutputBytes: 8192 });
    expect(routes.stdout).not.toMatch(/^default/m);
  });

  test('no node has an address, route or resolver that leads out of the lab', async () => {
    await using lab = await startLab('ex01-default-gateway');
    const labSubnets = ex01.networks.map((n) => n.subnet!.split('.').slice(0, 3).join('.'));
    for (const node of ex01.nodes) {
      const addrs = await lab.exec(node.name, ['bash', '-c', "ip -4 -o addr show | awk '{print $4}'"]);
      const expected = ['127.0.0.1/8', ...node.interfaces.flatMap((i) => i.addresses)].sort();
      expect(addrs.stdout.trim().split('\n').sort(), node.name).toEqual(expected);
      const routes = await lab.exec(node.name, ['ip', '-j', 'route', 'show', 'table', 'all']);
      for (const r of JSON.parse(routes.stdout) as { gateway?: string }[]) {
        if (r.gateway) expect(labSubnets.some((s) => r.gateway!.startsWith(`${s}.`)), `${node.name} gateway ${r.gateway}`).toBe(true);
      }
      // The node's own /etc, as the node itself sees it: an empty resolver configuration.
      const resolv = await lab.probe('files', [node.name, '/etc/resolv.conf']);
      expect(resolv.stdout.trim(), node.name).toBe('### /etc/resolv.conf');
      const nat = await lab.exec(node.name, ['iptables-save', '-t', 'nat']);
      expect(nat.stdout).not.toMatch(/^-A /m);
    }
    // Ask the kernel, never send: nodes without a default route cannot route to anything outside the lab.
    for (const node of ['router', 'host-a', 'host-b']) {
      for (const outside of ['8.8.8.8', '172.17.0.1', '10.255.255.53']) {
        const get = await lab.exec(node, ['ip', 'route', 'get', outside]);
        expect(get.exitCode, `${node} -> ${outside}: ${get.output}`).not.toBe(0);
        expect(get.output).toMatch(/unreachable/i);
      }
    }
  });
});
