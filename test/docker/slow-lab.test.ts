// A lab held to a tenth of a core grades the ex01 reference as it does on a fast machine: timeouts
// follow the lab's measured slowness (runner/image/exec-batch.sh), so a slow machine never turns a
// correct submission into an error or a fail. `npm run bench -- slow` does every exercise at 5 %.
import { afterAll, describe, expect, test } from 'vitest';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { gradeSubmission } from '../../grading/grade-exercise.js';
import { cpuQuotaEngine } from '../../scripts/cpu-quota-engine.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, kinds } from './lab-fixture.js';

describe('a slow lab', () => {
  afterAll(expectNoLabsOfThisProcess);

  test('the ex01 reference gets full marks with the lab held to 10 % of a core', async () => {
    const ex01 = exercise('ex01-default-gateway');
    const submission = readSubmissionFor(ex01, ex01.solutionDir);
    const r = await gradeSubmission({ exercise: ex01, kinds, engine: cpuQuotaEngine(engine, 0.1), image, submission, mode: 'reference' });
    expect(r.error).toBeNull();
    expect(r.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} ${c.observed}`)).toEqual([]);
    expect(r.status).toBe('pass');
  }, 1_200_000);
});
