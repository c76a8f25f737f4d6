import type { CheckKind } from '../checks/check-kind.js';
import type { Exercise } from '../core/exercise.js';
import type { GradeResult } from '../core/result.js';
import { readSubmissionFor } from '../core/exercise-texts.js';
import type { Engine } from '../runner/engine.js';
import type { LabTracker } from '../runner/lab-tracker.js';
import { gradeSubmission } from './grade-exercise.js';
import { runPool } from './run-pool.js';

export type VerifyCaseKind = 'reference' | 'alternative' | 'wrong';

/** One known solution of an exercise, graded, and whether it failed exactly where it should. */
export interface VerifyCase {
  /** The exercise's id, with its variant when it has one: ex01, ex01@v3. */
  readonly exercise: string;
  readonly name: string;
  readonly kind: VerifyCaseKind;
  readonly expectedFails: readonly string[];
  readonly actualFails: readonly string[];
  /** Checks that failed but should have passed. */
  readonly unexpectedFails: readonly string[];
  /** Checks that passed but should have failed. */
  readonly unexpectedPasses: readonly string[];
  readonly ok: boolean;
  readonly result: GradeResult;
}

export interface VerifyRequest {
  readonly exercises: readonly Exercise[];
  readonly kinds: ReadonlyMap<string, CheckKind>;
  readonly engine: Engine;
  readonly image: string;
  readonly tracker?: LabTracker;
  /** Labs graded at once. */
  readonly concurrency: number;
  readonly onCase?: (c: VerifyCase) => void;
}

interface Job {
  readonly exercise: Exercise;
  readonly name: string;
  readonly kind: VerifyCaseKind;
  readonly dir: string;
  readonly fails: readonly string[];
}

/** Grade every reference, alternative and wrong case; a case is ok when exactly its declared checks fail. */
export async function verifyExercises(req: VerifyRequest): Promise<VerifyCase[]> {
  const jobs: Job[] = req.exercises.flatMap((exercise) => [
    { exercise, name: 'solution', kind: 'reference' as const, dir: exercise.solutionDir, fails: [] },
    ...exercise.alternatives.map((a) => ({ exercise, name: `alternatives/${a.name}`, kind: 'alternative' as const, dir: a.dir, fails: [] })),
    ...exercise.wrongCases.map((w) => ({ exercise, name: `wrong/${w.name}`, kind: 'wrong' as const, dir: w.dir, fails: w.fails })),
  ]);
  return runPool(jobs, req.concurrency, async (job) => {
    const verified = await verifyJob(job, req);
    req.onCase?.(verified);
    return verified;
  });
}

async function verifyJob(job: Job, req: VerifyRequest): Promise<VerifyCase> {
  // The exercise's own solutions are templates when it has params: rendered for its variant, in memory.
  const submission = readSubmissionFor(job.exercise, job.dir);
  const result = await gradeSubmission({
    exercise: job.exercise,
    kinds: req.kinds,
    engine: req.engine,
    image: req.image,
    submission,
    mode: job.kind === 'wrong' ? 'wrong-case' : 'reference',
    label: job.name,
    ...(req.tracker ? { tracker: req.tracker } : {}),
  });
  const actualFails = result.checks.filter((c) => c.status !== 'pass').map((c) => c.id);
  const unexpectedFails = actualFails.filter((id) => !job.fails.includes(id));
  const unexpectedPasses = job.fails.filter((id) => !actualFails.includes(id));
  return {
    exercise: job.exercise.variant === null ? job.exercise.id : `${job.exercise.id}@${job.exercise.variant}`,
    name: job.name,
    kind: job.kind,
    expectedFails: job.fails,
    actualFails,
    unexpectedFails,
    unexpectedPasses,
    ok: result.status !== 'error' && unexpectedFails.length === 0 && unexpectedPasses.length === 0,
    result,
  };
}
