import { describe, expect, test } from 'vitest';
import { clearCleanupFailures, leftBehind } from '../core/cleanup-failures.js';
import { InfraError } from '../core/errors.js';
import { engineError, FakeEngine } from '../test/support/fake-engine.js';
import { shippedExercise } from '../test/support/exercises.js';
import { planLab } from './plan-lab.js';
import { provision } from './provision.js';
import { LabInProvision, StartedLab, type TrackedLab } from './started-lab.js';

const ex01 = shippedExercise('ex01-default-gateway');
const IMAGE = 'grade-lab:test';
const plan = () => planLab(ex01, { image: IMAGE, labId: 'ex01-aaaaaa', token: 'tok' });

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('provision succeeded'),
    (error: unknown) => error,
  );
}

describe('provision', () => {
  test("creates the plan's container, starts it, and runs the build script once with the run's token", async () => {
    const engine = new FakeEngine([IMAGE]);
    const p = plan();
    const lab = await provision(engine, p);
    expect(engine.methods()).toEqual(['imageExists', 'createContainer', 'startContainer', 'exec']);
    expect(engine.calls[1]!.args[0]).toMatchObject({ name: 'grade-ex01-aaaaaa', image: IMAGE, labels: p.labels });
    const [id] = [...engine.containers.keys()];
    expect(lab.containerId).toBe(id);
    expect(engine.containers.get(id!)).toMatchObject({ running: true, labels: p.labels });
    expect(engine.execCalls()).toEqual([
      { containerId: id, argv: ['timeout', '-s', 'KILL', '60.00', 'bash', '-c', p.buildScript], options: expect.objectContaining({ env: { GRADE_TOKEN: 'tok' } }) },
    ]);
  });

  test('a missing image is an InfraError with the setup hint, before anything is made', async () => {
    const engine = new FakeEngine(['grade-lab:other']);
    const error = await failureOf(provision(engine, plan()));
    expect(error).toEqual(new InfraError('The lab image grade-lab:test is missing or out of date: run `npm run setup` to build it.'));
    expect(engine.methods()).toEqual(['imageExists']);
  });

  test('a build script that fails is an InfraError naming the exercise and the last lines; the container is removed', async () => {
    const engine = new FakeEngine([IMAGE]);
    engine.onExec = () => ({ exitCode: 1, stdout: 'made router\nmade host-a\nnode host-b did not start (nothing)\nlab_node failed\n' });
    const error = await failureOf(provision(engine, plan()));
    expect(error).toBeInstanceOf(InfraError);
    expect((error as Error).message).toBe(
      'Building the lab of ex01 failed (it exited with 1: made host-a / node host-b did not start (nothing) / lab_node failed).',
    );
    expect(engine.containers.size).toBe(0);
    expect(engine.methods()).toContain('removeContainer');
  });

  test('a removal that fails after a failed build: the build error is thrown, the container left behind is recorded', async () => {
    clearCleanupFailures();
    const engine = new FakeEngine([IMAGE]);
    engine.onExec = () => ({ exitCode: 1, stdout: 'lab_node failed\n' });
    const refusal = engineError(500, 'removal refused');
    engine.fail('removeContainer', refusal);
    const error = await failureOf(provision(engine, plan()));
    expect((error as Error).message).toMatch(/^Building the lab of ex01 failed/);
    expect(engine.containers.size).toBe(1);
    expect(leftBehind()).toEqual([{ what: 'remove the half-built lab ex01-aaaaaa', leftBehind: true, error: refusal }]);
    clearCleanupFailures();
  });

  test('a build that takes too long says so', async () => {
    const engine = new FakeEngine([IMAGE]);
    engine.onExec = () => ({ exitCode: null, timedOut: true });
    expect(await failureOf(provision(engine, plan()))).toEqual(new InfraError('Building the lab of ex01 failed (it took too long).'));
    expect(engine.containers.size).toBe(0);
  });

  test.each(['createContainer', 'startContainer', 'exec'] as const)('when %s fails, what was made is removed and the original error rethrown', async (method) => {
    const engine = new FakeEngine([IMAGE]);
    const refusal = engineError(500, `${method} refused`);
    engine.fail(method, refusal);
    expect(await failureOf(provision(engine, plan()))).toBe(refusal);
    expect(engine.containers.size).toBe(0);
    // Disposing looks for the lab by its label too, in case a create went through after all.
    expect(engine.methods().at(-1)).toBe('listLabelled');
  });

  test('a failed rollback does not hide the original error', async () => {
    const engine = new FakeEngine([IMAGE]);
    const refusal = engineError(500, 'start refused');
    engine.fail('startContainer', refusal).fail('removeContainer', engineError(500, 'remove refused'));
    expect(await failureOf(provision(engine, plan()))).toBe(refusal);
  });

  test('onCreated is told about the lab in the making before anything exists: the same lab id as the started lab provision returns', async () => {
    const engine = new FakeEngine([IMAGE]);
    let told: TrackedLab | undefined;
    let seen: string[] = [];
    const lab = await provision(engine, plan(), {
      onCreated: (l) => {
        told = l;
        seen = engine.methods();
        expect(engine.containers.size).toBe(0);
      },
    });
    expect(seen).toEqual(['imageExists']);
    expect(told).toBeInstanceOf(LabInProvision);
    expect(lab).toBeInstanceOf(StartedLab);
    expect(told?.id).toBe(lab.id);
  });

  test('the lab in the making and the started lab remove the lab once, whichever is disposed', async () => {
    const engine = new FakeEngine([IMAGE]);
    let told: TrackedLab | undefined;
    const lab = await provision(engine, plan(), { onCreated: (l) => (told = l) });
    await Promise.all([told!.dispose(), lab.dispose()]);
    expect(engine.containers.size).toBe(0);
    expect(engine.methods().filter((m) => m === 'removeContainer' || m === 'listLabelled')).toEqual(['removeContainer', 'listLabelled']);
  });

  test('a lab in the making cannot run anything: it has no started() before its container exists', () => {
    const pending = new LabInProvision(new FakeEngine([IMAGE]), plan());
    expect(() => pending.started()).toThrow(/has no container yet/);
  });

  test('onCreated is not called when the image is missing: there is nothing to tear down', async () => {
    let called = false;
    await failureOf(provision(new FakeEngine([]), plan(), { onCreated: () => (called = true) }));
    expect(called).toBe(false);
  });
});
