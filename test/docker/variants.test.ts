import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { loadExercise, variantOf } from '../../core/load-exercise.js';
import { gradeRunningLab, gradeSubmission } from '../../grading/grade-exercise.js';
import { verifyExercises } from '../../grading/verify.js';
import { validateResult } from '../../reports/validate-result.js';
import { applySubmission } from '../../runner/apply-submission.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import { planLab } from '../../runner/plan-lab.js';
import { provision } from '../../runner/provision.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, kinds, root } from './lab-fixture.js';

// Per-learner variants of ex01 on the real engine: each variant's own solutions behave as the
// lesson's do, and a learner who hands in a neighbour's commands fails.
const ex01 = exercise('ex01-default-gateway');
const [v1, v2] = ['v1', 'v2'].map((id) => variantOf(ex01, id, kinds)) as [typeof ex01, typeof ex01];
const gateway = (ex: typeof ex01) => ex.nodes.find((n) => n.name === 'router')!.interfaces[0]!.addresses[0]!.replace(/\/\d+$/, '');

describe('per-learner variants on the real engine', () => {
  afterAll(expectNoLabsOfThisProcess);
  afterAll(removeTempDirs);

  test('on two variants the reference and alternatives pass and each wrong case fails exactly its declared checks', async () => {
    const cases = await verifyExercises({ exercises: [v1, v2], kinds, engine, image, concurrency: 4 });
    expect(cases).toHaveLength(2 * (1 + ex01.alternatives.length + ex01.wrongCases.length));
    for (const c of cases) {
      expect(c.result.status, `${c.exercise} ${c.name}: ${c.result.error}`).not.toBe('error');
      expect(validateResult(JSON.parse(JSON.stringify(c.result)))).toEqual({ ok: true });
      expect({ case: `${c.exercise} ${c.name}`, failed: [...c.actualFails].sort() }).toEqual({ case: `${c.exercise} ${c.name}`, failed: [...c.expectedFails].sort() });
    }
    const reference = cases.find((c) => c.exercise === 'ex01@v1' && c.kind === 'reference')!;
    expect(reference.result.exercise.variant).toBe('v1');
    // What ran is the variant's own commands, not the lesson's.
    const routes = reference.result.nodes.find((n) => n.name === 'host-a')!.state?.routes;
    expect(routes).toContain(`${String(v1.paramValues.wan)} via ${gateway(v1)}`);
    expect(routes).not.toContain('192.168.1.');
  });

  test("a learner who hands in a neighbour's rendered reference fails every check", async () => {
    expect(v1.paramValues.lan).not.toBe(v2.paramValues.lan);
    const folder = tempDir('grade-neighbour-');
    for (const f of readSubmissionFor(v1, v1.solutionDir).files) writeFileSync(join(folder, `${f.node}.sh`), f.text);
    const result = await gradeSubmission({ exercise: v2, kinds, engine, image, submission: readSubmissionFor(v2, folder), mode: 'submission', label: 'copied-from-v1' });
    expect(result.status).toBe('fail');
    expect(result.exercise.variant).toBe('v2');
    expect(result.checks.filter((c) => c.status === 'pass').map((c) => c.id)).toEqual([]);
    const hostA = result.nodes.find((n) => n.name === 'host-a')!;
    expect(hostA.commands.map((c) => c.status)).toEqual(['failed', 'failed']);
  });

  test('a kept lab remembers its variant: a later check re-attaches it as that variant and grades it so', async () => {
    // A copy under another id, so this kept lab never meets a learner's or another suite's ex01 lab.
    const exercises = tempDir('grade-variant-kept-');
    const dir = join(exercises, 'ex91-variant-gateway');
    cpSync(join(root, 'exercises', 'ex01-default-gateway'), dir, { recursive: true });
    writeFileSync(join(dir, 'exercise.yaml'), readFileSync(join(dir, 'exercise.yaml'), 'utf8').replace(/^id: ex01$/m, 'id: ex91'));
    const lesson = loadExercise(dir, kinds);
    const alice = variantOf(lesson, 'alice', kinds);
    const started = await provision(engine, planLab(alice, { image, keep: true }));
    try {
      const lab = await findKeptLab(engine, lesson, image, (v) => variantOf(lesson, v, kinds));
      expect(lab?.plan.exercise.variant).toBe('alice');
      expect(lab!.plan.exercise.paramValues).toEqual(alice.paramValues);
      const before = await gradeRunningLab(lab!, lab!.plan.exercise, kinds);
      expect([before.status, before.score.earned, before.exercise.variant]).toEqual(['fail', 0, 'alice']);
      await applySubmission(lab!, readSubmissionFor(alice, alice.solutionDir).files, alice.limits);
      const after = await gradeRunningLab(lab!, lab!.plan.exercise, kinds);
      expect([after.status, after.score.earned, after.score.possible]).toEqual(['pass', 12, 12]);
    } finally {
      await started.dispose();
    }
  });
});
