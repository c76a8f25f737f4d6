// Moodle files, for the two ways Moodle takes grades from a CSV file. Each follows the rules of the
// import code it is for, and holds a row only for a learner Moodle can match who has a grade.
//
// moodle/<exercise>-worksheet.csv, an assignment's offline grading worksheet (mod/assign/feedback/
// offline/importgradeslib.php): with `--worksheet FILE`, the teacher's own download filled in: only
// the Grade (and "Feedback comments") cells of graded learners change, every other byte is kept (the
// import matches the exact headers and "Participant NNN", and skips a row whose "Last modified (grade)"
// is older than Moodle's). A grade above the row's "Maximum Grade" is skipped by Moodle, so points are
// scaled to it. Without --worksheet, for a Moodle download only, a worksheet grade writes itself, whose
// empty "Last modified (grade)" needs the upload's "Allow updating records modified more recently" box.
//
// moodle-import.csv (moodle-import-<exercise>.csv when a batch grades several exercises), for the course
// gradebook (Grades > Import > CSV file; grade/import/csv/classes/load_data.php): one unknown user stops
// the whole import and an empty cell overwrites a grade. So a row is written only for a learner with a
// gradable submission whom Moodle can find: by "Email address" from the worksheet, else by "Username"
// (the learner's folder name). Everyone else is listed in moodle-unmatched.csv and in the summary.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import { parseLmsName } from '../../core/batch-input/lms-names.js';
import { rewriteFields, type MoodleWorksheet, type WorksheetRow } from '../moodle-worksheet.js';
import { csvCell, csvDocument } from './csv-text.js';
import { entryStatus, failedChecks, points, scaledPoints } from './entry-status.js';
import type { GradebookFile, GradebookOptions, GradebookOutput } from './types.js';

const PARTICIPANT = /^\d+$/;
const FROM_MOODLE = /_assignsubmission_/;

interface Unmatched {
  readonly entry: BatchEntry;
  readonly why: string;
}

export function moodleReporter(book: Gradebook, options: GradebookOptions): GradebookOutput {
  const sheet = options.moodleWorksheet ?? null;
  const scale = options.scale ?? null;
  const warnings: string[] = [];
  const unmatched: Unmatched[] = [];
  const files: GradebookFile[] = [];
  for (const exercise of book.exercises) {
    const entries = book.entries.filter((e) => e.exercise === exercise.id);
    const name = book.exercises.length === 1 ? 'moodle-import.csv' : `moodle-import-${exercise.id}.csv`;
    files.push({ path: name, content: importFile(exercise, entries, sheet, scale, unmatched) });
    if (sheet) files.push(filledWorksheet(exercise, entries, sheet, scale, warnings));
    else if (entries.some((e) => gradable(e) && FROM_MOODLE.test(e.source) && PARTICIPANT.test(e.learner))) files.push(newWorksheet(exercise, entries, scale, warnings));
  }
  const notGraded = book.entries.filter((e) => !gradable(e)).map((e) => `${e.learner} (${e.exercise})`);
  if (notGraded.length > 0) warnings.push(`moodle: ${notGraded.length} not graded, so no row for them and Moodle keeps what it has: ${notGraded.join(', ')}.`);
  if (unmatched.length > 0) {
    files.push({ path: 'moodle-unmatched.csv', content: csvDocument([['learner', 'name', 'exercise', 'why'], ...unmatched.map((u) => [u.entry.learner, u.entry.displayName ?? '', u.entry.exercise, u.why])]) });
    warnings.push(`moodle: ${unmatched.length} graded submission(s) have no row Moodle could match, listed in moodle-unmatched.csv: ${unmatched.map((u) => `${u.entry.learner} (${u.entry.exercise})`).join(', ')}.`);
  }
  return { files, warnings };
}

/** The gradebook import of one exercise: a row per gradable learner Moodle can find, never an empty grade. */
function importFile(exercise: GradebookExercise, entries: readonly BatchEntry[], sheet: MoodleWorksheet | null, scale: number | null, unmatched: Unmatched[]): string {
  const byParticipant = new Map(sheet?.rows.map((r) => [r.participant, r]) ?? []);
  const userColumn = sheet?.hasEmail ? 'Email address' : 'Username';
  const rows: string[][] = [];
  for (const entry of entries.filter(gradable)) {
    const user = moodleUser(entry, sheet, byParticipant);
    if (typeof user !== 'string') {
      unmatched.push({ entry, why: user.why });
      continue;
    }
    rows.push([user, entry.displayName ?? '', scaledPoints(entry.result!.score.earned, exercise.possible, scale), shortFeedback(entry, exercise)]);
  }
  return csvDocument([[userColumn, 'Full name', `${exercise.id} ${exercise.title}`, `${exercise.id} feedback`], ...rows]);
}

/** The value of the import's user column for an entry, or why Moodle could not match it. */
function moodleUser(entry: BatchEntry, sheet: MoodleWorksheet | null, byParticipant: ReadonlyMap<string, WorksheetRow>): string | { why: string } {
  if (/^anon_/.test(entry.learner)) return { why: 'an anonymous Canvas submission, which no Moodle user matches' };
  if (fromCanvas(entry)) return { why: 'a Canvas user id from a Canvas download, which no Moodle user matches: use canvas-import.csv' };
  if (sheet?.hasEmail) {
    const row = byParticipant.get(entry.learner);
    if (row === undefined || row.email === '') return { why: `not a participant with an email address in ${sheet.source}` };
    return row.email;
  }
  if (FROM_MOODLE.test(entry.source)) {
    return { why: 'a Moodle participant number, which the gradebook import cannot match: use the worksheet, or pass --worksheet with the assignment\'s grading worksheet' };
  }
  return entry.learner;
}

/** The teacher's worksheet with Grade (and Feedback comments) filled in for graded participants; all else byte-for-byte. */
function filledWorksheet(exercise: GradebookExercise, entries: readonly BatchEntry[], sheet: MoodleWorksheet, scale: number | null, warnings: string[]): GradebookFile {
  const byLearner = new Map(entries.map((e) => [e.learner, e]));
  const replacements = new Map<WorksheetRow['gradeField'], string>();
  const scaledTo = new Set<number>();
  for (const row of sheet.rows) {
    const entry = byLearner.get(row.participant);
    if (entry === undefined || !gradable(entry)) continue;
    // Moodle skips a grade above the row's Maximum Grade: write points out of that maximum.
    const maximum = row.maximum ?? scale;
    if (maximum !== null && maximum !== exercise.possible) scaledTo.add(maximum);
    replacements.set(row.gradeField, scaledPoints(entry.result!.score.earned, exercise.possible, maximum));
    if (row.feedbackField) replacements.set(row.feedbackField, csvCell(shortFeedback(entry, exercise)) || '""');
  }
  if (scaledTo.size > 0) warnings.push(`moodle: ${exercise.id} is out of ${points(exercise.possible)} points but the worksheet's Maximum Grade is ${[...scaledTo].join(', ')}: grades were scaled to it.`);
  return { path: `moodle/${exercise.id}-worksheet.csv`, content: rewriteFields(sheet, replacements) };
}

/** A worksheet of grade's own, for a Moodle download graded without --worksheet: graded participants only. */
function newWorksheet(exercise: GradebookExercise, entries: readonly BatchEntry[], scale: number | null, warnings: string[]): GradebookFile {
  const header = ['Identifier', 'Full name', 'Grade', 'Maximum Grade', 'Last modified (grade)', 'Feedback comments'];
  const maximum = points(scale ?? exercise.possible);
  const rows = entries
    .filter((e) => gradable(e) && PARTICIPANT.test(e.learner))
    .map((e) => [`Participant ${e.learner}`, e.displayName ?? '', scaledPoints(e.result!.score.earned, exercise.possible, scale), maximum, '', shortFeedback(e, exercise)]);
  warnings.push(
    `moodle: moodle/${exercise.id}-worksheet.csv is grade's own worksheet, with no "Last modified (grade)": tick "Allow updating records that have been modified more recently in Moodle than in the spreadsheet" when you upload it, ` +
      'or better, pass the assignment\'s own worksheet with --worksheet FILE (View all submissions > Grading action: Download grading worksheet).',
  );
  return { path: `moodle/${exercise.id}-worksheet.csv`, content: csvDocument([header, ...rows]) };
}

/** Whether the entry came from a Canvas download: its source's last name is one Canvas writes. */
function fromCanvas(entry: BatchEntry): boolean {
  const last = entry.source.split(/[:/]/).filter(Boolean).pop() ?? '';
  return parseLmsName(last, false)?.lms === 'canvas';
}

function gradable(entry: BatchEntry): boolean {
  return entry.result !== null && entry.result.status !== 'error';
}

/** One or two sentences for an LMS feedback field: the score and the titles of the checks that failed. */
export function shortFeedback(entry: BatchEntry, exercise: GradebookExercise): string {
  const status = entryStatus(entry);
  if (status === 'invalid') return `Not graded: ${entry.invalid ?? 'the submission could not be read'}`;
  const result = entry.result!;
  if (status === 'error') return 'Not graded yet: the grader could not finish this run, which is not your fault; it will be graded again.';
  // Names the exercise, the learner's variant and the points, so a feedback cell says what it grades.
  const score = `${exercise.id}${entry.variant ? ` (variant ${entry.variant})` : ''}: ${points(result.score.earned)}/${points(exercise.possible)} points.`;
  const failed = failedChecks(result).map((c) => c.title);
  return failed.length === 0 ? `${score} Every check passed.` : `${score} Not yet right: ${failed.join('; ')}.`;
}
