// How the gradebook reporters name an entry's outcome: the result's own status, or `invalid` when the
// submission could not be graded at all. Reporters only read these; none of them recomputes a grade.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import type { CheckResult, GradeResult } from '../../core/result.js';

export type EntryStatus = 'pass' | 'fail' | 'error' | 'invalid';

export const ENTRY_STATUSES: readonly EntryStatus[] = ['pass', 'fail', 'error', 'invalid'];

export function entryStatus(entry: BatchEntry): EntryStatus {
  return entry.result === null ? 'invalid' : entry.result.status;
}

/** Why an entry has no usable score: the invalid reason or the grader's error; null for pass and fail. */
export function entryNote(entry: BatchEntry): string | null {
  if (entry.result === null) return entry.invalid ?? 'the submission could not be graded';
  return entry.result.status === 'error' ? entry.result.error ?? 'the grader could not finish' : null;
}

export function failedChecks(result: GradeResult): readonly CheckResult[] {
  return result.checks.filter((c) => c.status === 'fail');
}

/** The learners of a gradebook in its order (entries are sorted by learner), each with the name an LMS gave. */
export function learnersOf(book: Gradebook): readonly { readonly learner: string; readonly displayName: string | null }[] {
  const seen = new Map<string, string | null>();
  for (const e of book.entries) {
    if (!seen.has(e.learner) || (seen.get(e.learner) === null && e.displayName !== null)) seen.set(e.learner, e.displayName);
  }
  return [...seen].map(([learner, displayName]) => ({ learner, displayName }));
}

/** The entry of one learner for one exercise, if the batch had one. */
export function entryIndex(book: Gradebook): (learner: string, exercise: string) => BatchEntry | undefined {
  const index = new Map(book.entries.map((e) => [`${e.learner}\u0000${e.exercise}`, e]));
  return (learner, exercise) => index.get(`${learner}\u0000${exercise}`);
}

export function exerciseOf(book: Gradebook, id: string): GradebookExercise | undefined {
  return book.exercises.find((x) => x.id === id);
}

/** A score as people write it: 7, 7.5, never 7.500000001. */
export function points(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Points out of the exercise's `possible`, scaled to `scale` (an LMS's maximum grade) when asked. */
export function scaledPoints(earned: number, possible: number, scale: number | null): string {
  return points(scale === null || possible === 0 ? earned : (earned * scale) / possible);
}
