// canvas-import.csv: a file for Canvas's Grades > Import, built from the roster the teacher exported from the
// same course. The rules it follows are those of Canvas's importer (app/models/gradebook_importer.rb):
// - the header is "Student, ID, SIS User ID, SIS Login ID, Section", then one column per assignment
//   titled exactly as the export titles it, "Name (assignment id)": the importer matches a column by the
//   id in parentheses, and a column without one stops the upload on its "resolve" page;
// - a row is matched to a student by ID, then SIS User ID, SIS Login ID, then name;
// - a blank cell clears the grade (posted_grade nil), so a student without a gradable submission has
//   no row at all, and in a row the other assignments' cells repeat what the export holds (no change);
// - anonymous submissions (anon_<id> file names) have no roster row to go to: they are listed instead.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import { findAssignment, type Roster, type RosterAssignment, type RosterStudent } from '../canvas-roster.js';
import { csvDocument } from './csv-text.js';
import { entryIndex, learnersOf, points, scaledPoints } from './entry-status.js';
import type { GradebookOptions, GradebookOutput } from './types.js';

const ANONYMOUS = /^anon_/;
const STUDENT_COLUMNS = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'] as const;

export const NO_ROSTER_WARNING =
  'canvas: no roster, so no canvas-import.csv: export the gradebook from the Canvas course (Grades > Export > Export Entire Gradebook) and pass it with --roster FILE.';

export function canvasReporter(book: Gradebook, options: GradebookOptions): GradebookOutput {
  const roster = options.roster;
  if (!roster) return { files: [], warnings: [NO_ROSTER_WARNING] };
  const warnings: string[] = [];
  const columns = book.exercises.map((x) => columnFor(x, roster, options.canvasAssignment ?? null, warnings));
  const studentOf = matchLearners(book, roster, warnings);
  const entryOf = entryIndex(book);
  const learnerOf = new Map<RosterStudent, string>();
  for (const [learner, student] of studentOf) learnerOf.set(student, learner);

  const notGraded: string[] = [];
  const rows: string[][] = [];
  for (const student of roster.students) {
    const learner = learnerOf.get(student);
    const scores = book.exercises.map((x) => {
      const entry = learner === undefined ? undefined : entryOf(learner, x.id);
      if (entry !== undefined && !gradable(entry)) notGraded.push(`${entry.learner} (${entry.exercise})`);
      return entry !== undefined && gradable(entry) ? scaledPoints(entry.result!.score.earned, x.possible, options.scale ?? null) : null;
    });
    // No gradable submission: no row, so Canvas keeps what the student has.
    if (scores.every((score) => score === null)) continue;
    const cells = scores.map((score, i) => score ?? student.grades[columns[i]!.id] ?? '');
    rows.push([student.name, student.id, student.sisUserId, student.sisLoginId, student.section, ...cells]);
  }
  if (notGraded.length > 0) {
    warnings.push(`canvas: ${count(notGraded.length, 'submission')} could not be graded (invalid, or the grader failed), so Canvas keeps what it has for them: ${notGraded.join(', ')}.`);
  }
  const content = csvDocument([
    [...STUDENT_COLUMNS, ...columns.map((c) => c.header)],
    ['Points Possible', '', '', '', '', ...columns.map((c) => c.pointsPossible ?? '')],
    ...rows,
  ]);
  return { files: [{ path: 'canvas-import.csv', content }], warnings };
}

/** Only a finished grading is a grade: an invalid submission or a grader error leaves Canvas as it was. */
function gradable(entry: BatchEntry): boolean {
  return entry.result !== null && entry.result.status !== 'error';
}

/** The roster's column for the exercise (findAssignment: --assignment, else the title that starts with the id). */
function columnFor(exercise: GradebookExercise, roster: Roster, asked: string | null, warnings: string[]): RosterAssignment {
  const found = findAssignment(roster, exercise.id, asked, '--roster');
  if (found.pointsPossible !== null && Number(found.pointsPossible) !== exercise.possible) {
    warnings.push(
      `canvas: "${found.header}" is out of ${found.pointsPossible} points in Canvas but ${exercise.id} is out of ${points(exercise.possible)}; ` +
        `the scores are written as grade gave them (pass --scale ${Number(found.pointsPossible)} to scale them).`,
    );
  }
  return found;
}

/** Learner -> roster student, by Canvas user id, SIS User ID, SIS Login ID, and last by exact name. */
function matchLearners(book: Gradebook, roster: Roster, warnings: string[]): Map<string, RosterStudent> {
  const keys: readonly ((s: RosterStudent) => string)[] = [(s) => s.id, (s) => s.sisUserId, (s) => s.sisLoginId];
  const matched = new Map<string, RosterStudent>();
  const taken = new Map<RosterStudent, string>();
  const missing: string[] = [];
  const anonymous = learnersOf(book).filter(({ learner }) => ANONYMOUS.test(learner)).map(({ learner }) => learner);
  if (anonymous.length > 0) {
    warnings.push(
      `canvas: ${count(anonymous.length, 'submission')} came from an anonymously graded download (${anonymous.join(', ')}): Canvas's export has no anonymous ids, so they are not in canvas-import.csv; ` +
        'enter them in SpeedGrader, or download the submissions again after Canvas shows the names.',
    );
  }
  for (const { learner, displayName } of learnersOf(book).filter(({ learner }) => !ANONYMOUS.test(learner))) {
    let student: RosterStudent | undefined;
    for (const key of keys) {
      student = roster.students.find((s) => key(s) !== '' && key(s) === learner);
      if (student) break;
    }
    if (!student) {
      for (const name of [displayName, learner]) {
        const named = name === null ? [] : roster.students.filter((s) => s.name === name);
        if (named.length > 1) warnings.push(`canvas: ${named.length} roster students are named "${name}", so ${learner} was matched to none of them.`);
        if (named.length === 1) student = named[0];
        if (named.length > 0) break;
      }
    }
    if (!student) {
      missing.push(learner);
    } else if (taken.has(student)) {
      warnings.push(`canvas: ${learner} and ${taken.get(student)} both match the roster's ${student.name} (${student.id}); only ${taken.get(student)}'s grades are written.`);
    } else {
      matched.set(learner, student);
      taken.set(student, learner);
    }
  }
  if (missing.length > 0) {
    warnings.push(
      `canvas: ${count(missing.length, 'learner')} ${missing.length === 1 ? 'is' : 'are'} not in the roster (matched by Canvas user id, SIS User ID, SIS Login ID or exact name), so not in canvas-import.csv: ${missing.join(', ')}.`,
    );
  }
  return matched;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
