// canvas-import.csv: a file for Canvas's Grades > Import, built from the roster the teacher exported from the
// same course. Canvas's importer (app/models/gradebook_importer.rb) reads: a header "Student, ID,
// SIS User ID, SIS Login ID, Section", then one column per assignment titled "Name (assignment id)" (a
// title without an id makes Canvas create a new assignment); a "Points Possible" row, which gives a
// new assignment its points; then one row per student, matched by ID, SIS User ID, SIS Login ID, then
// name. An empty cell changes nothing, so roster students without a submission keep what they have.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import type { Roster, RosterAssignment, RosterStudent } from '../../core/canvas-roster.js';
import { csvDocument } from './csv-text.js';
import { entryIndex, learnersOf, points } from './entry-status.js';
import type { GradebookOptions, GradebookOutput } from './types.js';

const STUDENT_COLUMNS = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'] as const;

export const NO_ROSTER_WARNING =
  'canvas: no roster, so no canvas-import.csv: export the gradebook from the Canvas course (Grades > Export > Export Entire Gradebook) and pass it with --roster FILE.';

interface Column {
  readonly header: string;
  readonly pointsPossible: string;
}

export function canvasReporter(book: Gradebook, options: GradebookOptions): GradebookOutput {
  const roster = options.roster;
  if (!roster) return { files: [], warnings: [NO_ROSTER_WARNING] };
  const warnings: string[] = [];
  const columns = book.exercises.map((x) => columnFor(x, roster, warnings));
  const studentOf = matchLearners(book, roster, warnings);
  const entryOf = entryIndex(book);

  const learnerOf = new Map<RosterStudent, string>();
  for (const [learner, student] of studentOf) learnerOf.set(student, learner);
  const notGraded: string[] = [];
  const rows = roster.students.map((student) => {
    const learner = learnerOf.get(student);
    const cells = book.exercises.map((x) => {
      const entry = learner === undefined ? undefined : entryOf(learner, x.id);
      if (entry === undefined) return '';
      if (!gradable(entry)) notGraded.push(`${entry.learner} (${entry.exercise})`);
      return gradable(entry) ? points(entry.result!.score.earned) : '';
    });
    return [student.name, student.id, student.sisUserId, student.sisLoginId, student.section, ...cells];
  });
  if (notGraded.length > 0) {
    warnings.push(`canvas: ${count(notGraded.length, 'submission')} could not be graded (invalid, or the grader failed), so their cells are empty: ${notGraded.join(', ')}.`);
  }
  const content = csvDocument([
    [...STUDENT_COLUMNS, ...columns.map((c) => c.header)],
    ['Points Possible', '', '', '', '', ...columns.map((c) => c.pointsPossible)],
    ...rows,
  ]);
  return { files: [{ path: 'canvas-import.csv', content }], warnings };
}

/** Only a finished grading is a grade: an invalid submission or a grader error leaves Canvas as it was. */
function gradable(entry: BatchEntry): boolean {
  return entry.result !== null && entry.result.status !== 'error';
}

/** The roster's assignment whose title starts with the exercise id keeps its title and id; else a new one. */
function columnFor(exercise: GradebookExercise, roster: Roster, warnings: string[]): Column {
  const startsWithId = new RegExp(`^${exercise.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i');
  const matches = roster.assignments.filter((a) => startsWithId.test(a.title));
  const found: RosterAssignment | undefined = matches[0];
  if (matches.length > 1) {
    warnings.push(`canvas: ${matches.length} roster assignments start with ${exercise.id} (${matches.map((a) => `"${a.header}"`).join(', ')}); grades go to the first.`);
  }
  if (found === undefined) return { header: `${exercise.id} ${exercise.title}`, pointsPossible: points(exercise.possible) };
  if (found.pointsPossible !== null && Number(found.pointsPossible) !== exercise.possible) {
    warnings.push(
      `canvas: "${found.header}" is out of ${found.pointsPossible} points in Canvas but ${exercise.id} is out of ${points(exercise.possible)}; the scores are written as grade gave them.`,
    );
  }
  return { header: found.header, pointsPossible: found.pointsPossible ?? '' };
}

/** Learner -> roster student, by Canvas user id, SIS User ID, SIS Login ID, and last by exact name. */
function matchLearners(book: Gradebook, roster: Roster, warnings: string[]): Map<string, RosterStudent> {
  const keys: readonly ((s: RosterStudent) => string)[] = [(s) => s.id, (s) => s.sisUserId, (s) => s.sisLoginId];
  const matched = new Map<string, RosterStudent>();
  const taken = new Map<RosterStudent, string>();
  const missing: string[] = [];
  for (const { learner, displayName } of learnersOf(book)) {
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
