import { describe, expect, test, vi } from 'vitest';
import { checkKinds } from '../checks/registry.js';
import { clearCleanupFailures, leftBehind } from '../core/cleanup-failures.js';
import { InfraError } from '../core/errors.js';
import { readSubmission } from '../core/submission.js';
import { LabTracker } from '../runner/lab-tracker.js';
import { shippedExercise } from '../test/support/exercises.js';
import { engineError, FakeEngine } from '../test/support/fake-engine.js';
import { gradeSubmission } from './grade-exercise.js';

const IMAGE = 'grade-lab:test';
const ex01 = shippedExercise('ex01-default-gateway');
const submission = readSubmission(ex01.solutionDir, ex01.nodes);

/** Grade ex01's solution on a fake engine, with a tracker whose adds and removes are watched. */
function grade(engine: FakeEngine) {
  const tracker = new LabTracker();
  const added = vi.spyOn(tracker, 'add');
  const removed = vi.spyOn(tracker, 'remove');
  const result = gradeSubmission({ exercise: ex01, kinds: checkKinds(), engine, image: IMAGE, submission, mode: 'submission', label: 'alice', tracker });
  /** The labs the tracker still holds: added and never removed (the tracker knows a lab by its id). */
  const held = () => added.mock.calls.map(([lab]) => lab).filter((lab) => !removed.mock.calls.some(([r]) => r.id === lab.id));
  return { result, added, held };
}

describe('gradeSubmission when the lab cannot be made', () => {
  test('a failed build is an error result with the reason; the lab is removed and no longer tracked', async () => {
    const engine = new FakeEngine([IMAGE]);
    engine.onExec = () => ({ exitCode: 1, stdout: 'node web did not start\n' });
    const { result, added, held } = grade(engine);
    const graded = await result;
    expect(graded.status).toBe('error');
    expect(graded.error).toBe('Building the lab of ex01 failed (it exited with 1: node web did not start).');
    expect([graded.checks, graded.nodes, graded.score]).toEqual([[], [], { earned: 0, possible: 12 }]);
    expect(graded.submission).toEqual({ mode: 'submission', path: ex01.solutionDir, label: 'alice' });
    expect(added).toHaveBeenCalledTimes(1);
    expect(held()).toEqual([]);
    expect(engine.containers.size).toBe(0);
  });

  test('a missing image is an error result with the setup hint; no lab was ever tracked', async () => {
    const { result, added } = grade(new FakeEngine([]));
    const graded = await result;
    expect([graded.status, graded.error]).toEqual(['error', `The lab image ${IMAGE} is missing or out of date: run \`npm run setup\` to build it.`]);
    expect(added).not.toHaveBeenCalled();
  });

  test('a fault that is not an InfraError is a bug: it propagates, and the lab is still removed and untracked', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const engine = new FakeEngine([IMAGE]).fail('startContainer', bug);
    const { result, held } = grade(engine);
    await expect(result).rejects.toBe(bug);
    expect(held()).toEqual([]);
    expect(engine.containers.size).toBe(0);
  });
});

describe('gradeSubmission when the lab cannot be removed after a fault', () => {
  test('the fault is the result; the failed removal is counted as left behind, not swallowed', async () => {
    clearCleanupFailures();
    const engine = new FakeEngine([IMAGE]);
    const fault = new InfraError('the engine stopped answering');
    let execs = 0;
    // The first exec builds the lab; the second (the first submission file) meets an engine fault.
    engine.onExec = () => {
      if (++execs === 2) throw fault;
      return {};
    };
    const refusal = engineError(500, 'remove refused');
    engine.fail('removeContainer', refusal);
    const graded = await grade(engine).result;
    expect([graded.status, graded.error]).toEqual(['error', 'the engine stopped answering']);
    expect(leftBehind()).toEqual([{ what: expect.stringMatching(/^remove lab ex01-/), leftBehind: true, error: refusal }]);
    clearCleanupFailures();
  });
});

describe('gradeSubmission on a lab that builds', () => {
  test("runs each file of the submission as the learner on its node, then removes the lab and stops tracking it", async () => {
    const engine = new FakeEngine([IMAGE]);
    const { result, added, held } = grade(engine);
    const graded = await result;
    // The files start together, so they reach the lab as one batch (runner/exec-batch.ts): one line a file.
    const batches = engine.execCalls().filter((c) => c.argv.includes('/usr/local/lib/grade/exec-batch'));
    const lines = batches.flatMap((c) => (c.options.env?.GRADE_BATCH ?? '').split('\n'));
    for (const file of submission.files) {
      // The runner starts outside the node and enters it for each command (runner/submission-runner.sh).
      const line = lines.find((l) => l.includes(`'GRADE_ENTER=/usr/local/sbin/grade-enter node ${file.node}'`));
      expect(line, file.node).toBeDefined();
      expect(line).toContain(`GRADE_SCRIPT=${file.text.split('\n')[0]!.replace(/'/g, "\\'")}`);
    }
    expect(graded.labId).toBe(added.mock.calls[0]![0].id);
    expect(held()).toEqual([]);
    expect(engine.containers.size).toBe(0);
  });
});
