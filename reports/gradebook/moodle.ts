// Moodle files, for the two ways Moodle takes grades from a CSV file:
//
// moodle-import.csv, for the course gradebook (Grades > Import > CSV file; grade/import/csv). The user
// column "Username" holds grade's learner id: map it to Moodle's `username` (or to `idnumber` or
// `email` when the batch folders are named by those). Per exercise a grade column "exNN Title" (map
// it to an existing grade item or to "new grade item") and a feedback column "exNN feedback" (map it
// to that item's feedback). Moodle's import stops at the first row whose user it cannot find.
//
// moodle/<exercise>-worksheet.csv, an assignment's offline grading worksheet (mod/assign/feedback/
// offline), written when the learner ids are Moodle participant numbers, i.e. when the batch folder
// is an assignment's "Download all submissions" ("Full Name_123456_assignsubmission_file_"). Moodle
// finds the columns by title: "Identifier" ("Participant 123456"), "Grade", "Last modified (grade)"
// and "Feedback comments". The last-modified cell is left empty, so a grade already in Moodle is
// only replaced when the upload form's "Allow updating records that have been modified more recently
// in Moodle than in the spreadsheet" box is ticked.
//
// A submission that could not be graded (invalid, or a grader error) gets an empty grade.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import { csvDocument } from './csv-text.js';
import { entryIndex, entryStatus, failedChecks, learnersOf, points } from './entry-status.js';
import type { GradebookFile, GradebookOptions, GradebookOutput } from './types.js';

const PARTICIPANT = /^\d+$/;

export function moodleReporter(book: Gradebook, _options: GradebookOptions): GradebookOutput {
  const entryOf = entryIndex(book);
  const header = ['Username', 'Full name', ...book.exercises.flatMap((x) => [`${x.id} ${x.title}`, `${x.id} feedback`])];
  const rows = learnersOf(book).map(({ learner, displayName }) => [
    learner,
    displayName ?? '',
    ...book.exercises.flatMap((x) => {
      const entry = entryOf(learner, x.id);
      return entry === undefined ? ['', ''] : [grade(entry), shortFeedback(entry, x)];
    }),
  ]);
  const files: GradebookFile[] = [{ path: 'moodle-import.csv', content: csvDocument([header, ...rows]) }];
  const warnings: string[] = [];
  for (const exercise of book.exercises) {
    const entries = book.entries.filter((e) => e.exercise === exercise.id);
    if (entries.length === 0) continue;
    if (entries.every((e) => PARTICIPANT.test(e.learner))) files.push(worksheet(exercise, entries));
    // Only a batch that looks like a Moodle download (some ids are numbers) needs telling.
    else if (entries.some((e) => PARTICIPANT.test(e.learner))) warnings.push(`moodle: the ${exercise.id} learner ids are not all Moodle participant numbers, so no offline grading worksheet for it; import moodle-import.csv in the gradebook instead.`);
  }
  const notGraded = book.entries.filter((e) => grade(e) === '').map((e) => `${e.learner} (${e.exercise})`);
  if (notGraded.length > 0) warnings.push(`moodle: ${notGraded.length} not graded, so their grade cells are empty: ${notGraded.join(', ')}.`);
  return { files, warnings };
}

function worksheet(exercise: GradebookExercise, entries: readonly BatchEntry[]): GradebookFile {
  const header = ['Identifier', 'Full name', 'Grade', 'Maximum Grade', 'Last modified (grade)', 'Feedback comments'];
  const rows = entries.map((e) => [`Participant ${e.learner}`, e.displayName ?? '', grade(e), points(exercise.possible), '', shortFeedback(e, exercise)]);
  return { path: `moodle/${exercise.id}-worksheet.csv`, content: csvDocument([header, ...rows]) };
}

function grade(entry: BatchEntry): string {
  return entry.result === null || entry.result.status === 'error' ? '' : points(entry.result.score.earned);
}

/** One or two sentences for an LMS feedback field: the score and the titles of the checks that failed. */
export function shortFeedback(entry: BatchEntry, exercise: GradebookExercise): string {
  const status = entryStatus(entry);
  if (status === 'invalid') return `Not graded: ${entry.invalid ?? 'the submission could not be read'}`;
  const result = entry.result!;
  if (status === 'error') return 'Not graded yet: the grader could not finish this run, which is not your fault; it will be graded again.';
  const score = `${points(result.score.earned)}/${points(exercise.possible)} points.`;
  const failed = failedChecks(result).map((c) => c.title);
  return failed.length === 0 ? `${score} Every check passed.` : `${score} Not yet right: ${failed.join('; ')}.`;
}
