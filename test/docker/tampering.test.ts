import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Exercise } from '../../core/exercise.js';
import { allExercises } from '../../core/find-exercise.js';
import type { GradeResult } from '../../core/result.js';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { readSubmission } from '../../core/submission.js';
import { gradeSubmission } from '../../grading/grade-exercise.js';
import { loadTamperingCases, type TamperingCase } from '../support/tampering-case.js';
import { userErrorOf } from '../support/user-error.js';
import { engine, expectNoLabsOfThisProcess, image, kinds, root } from './lab-fixture.js';

// A determined learner tries to earn points without doing the work (test/tampering/<case>/case.yaml says
// how); every check a trick targets must earn nothing. Each exercise's reference solution is graded
// alongside, so the suite also proves that the same checks do pass when the work is done.
const LABS_AT_ONCE = 3;
const exercises = allExercises(kinds);
const cases = loadTamperingCases(join(root, 'test', 'tampering'), exercises);

/** At most `max` jobs at once; a finished job hands its slot to the next one waiting. */
function limiter(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running < max) running++;
    else await new Promise<void>((slot) => waiting.push(slot));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

const graded = new Map<string, Promise<GradeResult>>();

function gradeInFreshLab(key: string, exercise: Exercise, dir: string, limit: ReturnType<typeof limiter>): void {
  const result = limit(() =>
    // The reference is a template when the exercise has params; a tampering case is read as written.
    gradeSubmission({ exercise, kinds, engine, image, submission: readSubmissionFor(exercise, dir), mode: 'submission', label: key }),
  );
  result.catch(() => undefined); // awaited by its test; this only keeps a rejection from counting as unhandled meanwhile
  graded.set(key, result);
}

function resultOf(key: string): Promise<GradeResult> {
  return graded.get(key)!;
}

/** "id status earned/points: observed" for the report of a check. */
function line(r: GradeResult, id: string): string {
  const c = r.checks.find((k) => k.id === id);
  return c ? `${id} ${c.status} ${c.earned}/${c.points}: ${c.observed}` : `${id}: not in the result`;
}

describe('tampering: forged behaviour earns nothing, and the reference earns everything', () => {
  beforeAll(() => {
    const limit = limiter(LABS_AT_ONCE);
    for (const exercise of exercises) gradeInFreshLab(`reference:${exercise.id}`, exercise, exercise.solutionDir, limit);
    for (const c of cases) if (!c.refused) gradeInFreshLab(c.name, c.exercise, c.dir, limit);
  });

  afterAll(async () => {
    await Promise.allSettled(graded.values());
    await expectNoLabsOfThisProcess();
  });

  test('the fixtures cover every exercise', () => {
    expect(new Set(cases.map((c) => c.exercise.id))).toEqual(new Set(exercises.map((e) => e.id)));
  });

  for (const exercise of exercises) {
    test(`${exercise.id}: the reference solution earns every point (control)`, async () => {
      const r = await resultOf(`reference:${exercise.id}`);
      expect(r.error).toBeNull();
      const missed = r.checks.filter((c) => c.earned !== c.points).map((c) => line(r, c.id));
      expect(missed).toEqual([]);
      expect(r.status).toBe('pass');
    });
  }

  for (const c of cases.filter((k) => k.refused)) {
    test(`${c.name}: refused as an invalid submission, naming the learner's nodes`, () => {
      const message = userErrorOf(() => readSubmission(c.dir, c.exercise.nodes));
      const labNodes = c.exercise.nodes.filter((n) => n.owner === 'lab').map((n) => n.name);
      expect(labNodes.some((n) => message.includes(`${n}.sh is for ${n}, which the lab runs`)), message).toBe(true);
      for (const n of c.exercise.nodes.filter((k) => k.owner === 'learner')) expect(message).toContain(`${n.name}.sh`);
    });
  }

  for (const c of cases.filter((k) => !k.refused)) {
    test(`${c.name}: ${c.targets.join(', ')} earn nothing`, async () => {
      const r = await resultOf(c.name);
      expectArmed(c, r);
      // A targeted check must fail as the learner's failure: a pass is a forgery that worked, and an error
      // (the machine's fault, never graded as a fail) is a verdict the learner escaped.
      const forged = c.targets.filter((id) => r.checks.find((k) => k.id === id)?.status !== 'fail').map((id) => line(r, id));
      expect(forged, `${c.name}: ${c.trick}`).toEqual([]);
      expect(c.targets.map((id) => r.checks.find((k) => k.id === id)!.earned)).toEqual(c.targets.map(() => 0));
      expect(r.error, `${c.name}: the grade is an error, not a verdict`).toBeNull();
      expectNoLeaks(c, r);
    });
  }
});

/** The trick really was in place: its signs show in the output of the node's own commands. */
function expectArmed(c: TamperingCase, r: GradeResult): void {
  for (const sign of c.armed) {
    const outputs = r.nodes.find((n) => n.name === sign.node)?.commands.map((k) => k.output) ?? [];
    const pattern = new RegExp(sign.output, 'm');
    expect(outputs.some((o) => pattern.test(o)), `${c.name}: no output on ${sign.node} matches /${sign.output}/:\n${outputs.join('\n---\n').slice(0, 3000)}`).toBe(true);
  }
}

/** Nothing the grader can read but the learner cannot reaches the report. */
function expectNoLeaks(c: TamperingCase, r: GradeResult): void {
  const text = JSON.stringify(r);
  const leaks = c.reportMustNotContain.filter((s) => text.includes(s)).map((s) => {
    const at = text.indexOf(s);
    return `${s} in …${text.slice(Math.max(0, at - 120), at + 120)}…`;
  });
  expect(leaks, `${c.name}: the report shows what only the grader could read`).toEqual([]);
}
