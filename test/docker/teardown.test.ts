import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { InfraError } from '../../core/errors.js';
import type { Exercise } from '../../core/exercise.js';
import { LABEL } from '../../runner/labels.js';
import { planLab } from '../../runner/plan-lab.js';
import { provision } from '../../runner/provision.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, root } from './lab-fixture.js';

const bin = join(root, 'bin', 'grade.js');

async function labExists(labId: string): Promise<boolean> {
  const found = await engine.listLabelled(LABEL.lab, labId);
  return found.containers.length + found.networks.length > 0;
}

describe('no lab outlives its run', () => {
  afterAll(expectNoLabsOfThisProcess);
  afterAll(removeTempDirs);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} in the middle of grading removes the lab`, async () => {
      const sub = tempDir('grade-signal-');
      writeFileSync(join(sub, 'host-a.sh'), 'sleep 15\n');
      const child = execa('node', [bin, 'ex01', '--submission', sub], { cwd: sub, reject: false, env: { NO_COLOR: '1' } });
      // Wait until its lab exists, then interrupt it.
      let labId: string | undefined;
      for (let i = 0; i < 100 && !labId; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const found = await engine.listLabelled(LABEL.ownerPid, String(child.pid));
        labId = found.containers[0]?.labels[LABEL.lab];
      }
      expect(labId).toBeDefined();
      await new Promise((r) => setTimeout(r, 1500));
      child.kill(signal);
      const run = await child;
      expect(run.exitCode).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(await labExists(labId!)).toBe(false);
    });
  }

  test('a lab whose owner process died is reaped by the next grade command', async () => {
    const orphan = await provision(engine, planLab(exercise('ex01-default-gateway'), { image, ownerPid: 2 ** 22 + 12345 }));
    expect(await labExists(orphan.id)).toBe(true);
    const run = await execa('node', [bin, 'stop', 'ex01'], { reject: false });
    expect(run.exitCode).toBe(0);
    expect(await labExists(orphan.id)).toBe(false);
  });

  test('a lab whose build fails half-way is removed, and the build\'s error is what is thrown', async () => {
    const ex01 = exercise('ex01-default-gateway');
    const broken: Exercise = { ...ex01, nodes: ex01.nodes.map((n) => (n.name === 'host-b' ? { ...n, setup: 'echo grade-test-broken-setup >&2; exit 7' } : n)) };
    const plan = planLab(broken, { image });
    const made: string[] = [];
    const failure = await provision(engine, plan, { onCreated: (lab) => made.push(lab.id) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InfraError);
    expect((failure as Error).message).toMatch(/^Building the lab of ex01 failed \(it exited with 1: .*grade-test-broken-setup/);
    expect(made).toEqual([plan.labId]);
    expect(await labExists(plan.labId)).toBe(false);
  });
});
