import { describe, expect, test } from 'vitest';
import { UserError } from '../core/errors.js';
import { FakeEngine } from '../test/support/fake-engine.js';
import { shippedExercise } from '../test/support/exercises.js';
import { LABEL } from './labels.js';
import { planLab } from './plan-lab.js';
import { LabInProvision, StartedLab } from './started-lab.js';

const ex01 = shippedExercise('ex01-default-gateway');
const ENTER = '/usr/local/sbin/grade-enter';

/** A lab of ex01 whose container exists and runs on a fake engine. */
async function startedLab(engine = new FakeEngine()) {
  const plan = planLab(ex01, { image: 'grade-lab:test', labId: 'ex01-aaaaaa', token: 'tok' });
  const id = await engine.createContainer({ name: plan.containerName, image: plan.image, labels: plan.labels, memoryBytes: 1, pidsLimit: 1 });
  await engine.startContainer(id);
  const lab = new StartedLab(engine, plan, id);
  return { engine, lab, id };
}

describe('StartedLab commands', () => {
  test("exec runs a tool in the node's network namespace only, under a KILL timeout", async () => {
    const { engine, lab, id } = await startedLab();
    await lab.exec('host-a', ['ip', 'route']);
    await lab.exec('router', ['iptables-save'], { timeoutMs: 2500, maxOutputBytes: 100 });
    expect(engine.execCalls()).toEqual([
      { containerId: id, argv: ['timeout', '-s', 'KILL', '10.00', ENTER, 'net', 'host-a', 'ip', 'route'], options: { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 } },
      { containerId: id, argv: ['timeout', '-s', 'KILL', '2.50', ENTER, 'net', 'router', 'iptables-save'], options: { timeoutMs: 2500, maxOutputBytes: 100 } },
    ]);
  });

  test("runAsLearner runs in all of the node's namespaces, with the environment it is given", async () => {
    const { engine, lab } = await startedLab();
    await lab.runAsLearner('host-b', ['bash', '-c', 'true'], { env: { GRADE_SCRIPT: 'ip a' }, timeoutMs: 120_000 });
    expect(engine.execCalls()[0]).toMatchObject({
      argv: ['timeout', '-s', 'KILL', '120.00', ENTER, 'node', 'host-b', 'bash', '-c', 'true'],
      options: { env: { GRADE_SCRIPT: 'ip a' }, timeoutMs: 120_000 },
    });
  });

  test('exec names a namespace the learner made as NODE/NETNS; a malformed name is a UserError and nothing runs', async () => {
    const { engine, lab } = await startedLab();
    await lab.exec('host-a/NS1', ['ip', 'route']);
    expect(engine.execCalls()[0]!.argv.slice(4, 7)).toEqual([ENTER, 'net', 'host-a/NS1']);
    await expect(async () => lab.exec('host-z/NS1', ['true'])).rejects.toThrow(/"host-z" is not a node of ex01/);
    await expect(async () => lab.exec('host-a/../x', ['true'])).rejects.toThrow(UserError);
    await expect(async () => lab.exec('host-a/ns 1', ['true'])).rejects.toThrow('"ns 1" is not a network namespace name `ip netns add` accepts.');
    expect(engine.execCalls()).toHaveLength(1);
  });

  test("probe runs the lab image's own probe program", async () => {
    const { engine, lab } = await startedLab();
    await lab.probe('ping', ['host-a', 'web', '203.0.113.10'], { timeoutMs: 8000 });
    expect(engine.execCalls()[0]!.argv).toEqual(['timeout', '-s', 'KILL', '8.00', '/usr/local/lib/grade/probe-ping', 'host-a', 'web', '203.0.113.10']);
  });

  test('build runs the script as the container root with the run token', async () => {
    const { engine, lab } = await startedLab();
    await lab.build('echo built', 60_000);
    expect(engine.execCalls()[0]).toMatchObject({ argv: ['timeout', '-s', 'KILL', '60.00', 'bash', '-c', 'echo built'], options: { env: { GRADE_TOKEN: 'tok' } } });
  });

  test('an unknown node is a UserError listing the nodes, and nothing runs', async () => {
    const { engine, lab } = await startedLab();
    const message = '"host-z" is not a node of ex01; its nodes are router, host-a, host-b, server-c, web.';
    await expect(async () => lab.exec('host-z', ['true'])).rejects.toThrow(new UserError(message));
    await expect(async () => lab.runAsLearner('host-z', ['true'])).rejects.toThrow(UserError);
    await expect(async () => lab.shell('host-z')).rejects.toThrow(message);
    expect(engine.execCalls()).toEqual([]);
    expect(engine.methods()).not.toContain('execInteractive');
  });

  test("shell: the learner's root shell on a learner's node; a look-only shell on the lab's own nodes", async () => {
    const { engine, lab, id } = await startedLab();
    await lab.shell('host-a');
    await lab.shell('router');
    await lab.shell('web');
    const shells = engine.calls.filter((c) => c.method === 'execInteractive').map((c) => c.args as [string, string[]]);
    // Each is recorded (shell-history.ts): grade opens the session's file, then grade-enter enters the node.
    expect(shells.map(([container, argv]) => [container, argv.slice(4, 6), argv.slice(6, 9), argv.at(-1)!.trim().split('\n').at(-1)])).toEqual([
      [id, ['open', 'host-a'], [ENTER, 'node', 'host-a'], 'exec bash -l'],
      [id, ['open', 'router'], [ENTER, 'look', 'router'], 'exec bash -l'],
      [id, ['open', 'web'], [ENTER, 'look', 'web'], 'exec bash -l'],
    ]);
  });

  test('a lab without a container yet cannot run anything: only a started lab has exec', async () => {
    const engine = new FakeEngine();
    const pending = new LabInProvision(engine, planLab(ex01, { image: 'grade-lab:test' }));
    expect('runAsLearner' in pending).toBe(false);
    expect(() => pending.started()).toThrow(/has no container yet/);
    expect(engine.calls).toEqual([]);
  });
});

describe('StartedLab.dispose', () => {
  test('removes the container and anything else labelled with the lab, and leaves other labs alone', async () => {
    const { engine, lab, id } = await startedLab();
    // A create still in flight when the lab was stopped: it exists, but the lab never learnt its id.
    const straggler = engine.addContainer({ [LABEL.lab]: 'ex01-aaaaaa' });
    const other = engine.addContainer({ [LABEL.lab]: 'ex01-bbbbbb' });
    await lab.dispose();
    expect([...engine.containers.keys()]).toEqual([other]);
    const removed = engine.calls.filter((c) => c.method === 'removeContainer').map((c) => c.args[0]);
    expect(removed).toEqual([id, straggler]);
    expect(engine.calls.filter((c) => c.method === 'listLabelled').map((c) => c.args)).toEqual([[LABEL.lab, 'ex01-aaaaaa']]);
  });

  test('is idempotent: at once or later, the engine is asked once', async () => {
    const { engine, lab } = await startedLab();
    await Promise.all([lab.dispose(), lab.dispose()]);
    await lab.dispose();
    await lab[Symbol.asyncDispose]();
    expect(engine.methods().filter((m) => m === 'removeContainer' || m === 'listLabelled')).toEqual(['removeContainer', 'listLabelled']);
  });

  test('`await using` disposes of the lab at the end of the block', async () => {
    const engine = new FakeEngine();
    {
      await using started = (await startedLab(engine)).lab;
      expect(started.nodeNames).toHaveLength(5);
    }
    expect(engine.containers.size).toBe(0);
  });

  test('a lab that never got its container still looks for one by label', async () => {
    const engine = new FakeEngine();
    const plan = planLab(ex01, { image: 'grade-lab:test', labId: 'ex01-cccccc' });
    engine.addContainer(plan.labels);
    await new LabInProvision(engine, plan).dispose();
    expect(engine.containers.size).toBe(0);
  });
});
