// grades.csv: one row per learner, for a spreadsheet. Columns: learner, name, then per exercise its
// score and status (pass, fail, error, invalid) and, when learners have variants, the variant; with exactly one exercise also each check's earned
// points (or `error`); then total, `similar to` (gradebook/similar.ts) and a note (why a submission is
// invalid, or the grader's error). No times or dates: a resumed batch must write the same bytes.

import type { Gradebook } from '../../core/batch-entry.js';
import { csvDocument } from './csv-text.js';
import { entryIndex, entryNote, entryStatus, learnersOf, points } from './entry-status.js';
import { findSimilar, similarTo, type Similarity } from './similar.js';
import type { GradebookOptions, GradebookOutput } from './types.js';

export function renderGradesCsv(book: Gradebook, similarity: Similarity = findSimilar(book)): string {
  const single = book.exercises.length === 1 ? book.exercises[0] : undefined;
  const checkIds = single?.checks.map((c) => c.id) ?? [];
  // Per-learner variants: which rendering of the exercise each learner's points are for.
  const variants = book.entries.some((e) => e.variant !== null);
  const header = [
    'learner',
    'name',
    ...book.exercises.flatMap((x) => [`${x.id} score`, `${x.id} status`, ...(variants ? [`${x.id} variant`] : [])]),
    ...checkIds,
    'total',
    'similar to',
    'note',
  ];
  const entryOf = entryIndex(book);
  const many = book.exercises.length > 1;
  const labelled = (exercise: string, text: string) => (many ? `${exercise}: ${text}` : text);
  const rows = learnersOf(book).map(({ learner, displayName }) => {
    const entries = book.exercises.map((x) => entryOf(learner, x.id));
    const perExercise = entries.flatMap((e) => [
      ...(e === undefined ? ['', ''] : [e.result ? points(e.result.score.earned) : '', entryStatus(e)]),
      ...(variants ? [e?.variant ?? ''] : []),
    ]);
    const checkCells = checkIds.map((id) => {
      const check = entries[0]?.result?.checks.find((c) => c.id === id);
      return check === undefined ? '' : check.status === 'error' ? 'error' : points(check.earned);
    });
    const total = entries.reduce((sum, e) => sum + (e?.result?.score.earned ?? 0), 0);
    const similar = book.exercises
      .map((x) => similarTo(similarity, learner, x.id))
      .map((others, i) => (others.length === 0 ? null : labelled(book.exercises[i]!.id, others.join(' '))))
      .filter((s) => s !== null);
    const notes = entries
      .map((e) => (e === undefined ? null : entryNote(e)))
      .map((note, i) => (note === null ? null : labelled(book.exercises[i]!.id, note)))
      .filter((s) => s !== null);
    return [learner, displayName ?? '', ...perExercise, ...checkCells, points(total), similar.join('; '), notes.join('; ')];
  });
  return csvDocument([header, ...rows]);
}

export function gradesCsvReporter(book: Gradebook, options: GradebookOptions): GradebookOutput {
  const similarity = findSimilar(book, { baseLines: options.baseLines });
  return { files: [{ path: 'grades.csv', content: renderGradesCsv(book, similarity) }], warnings: [] };
}
