// The end of a batch (and of `grade merge`): the gradebook, rendered by every gradebook reporter and
// written through the one output stage, plus the JUnit file when asked for.

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import type { BatchEntry, BatchItem, Gradebook, GradebookExercise } from '../core/batch-entry.js';
import { findAssignment, parseCanvasRoster, type Roster } from '../lms/canvas-roster.js';
import { parseMoodleWorksheet, type MoodleWorksheet } from '../lms/moodle-worksheet.js';
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import type { Exercise } from '../core/exercise.js';
import { variantOf } from '../core/load-exercise.js';
import { readSubmissionFor } from '../core/exercise-texts.js';
import type { ItemExercise } from '../grading/grade-batch.js';
import { localizeResult } from '../grading/localize-result.js';
import { gradebookReporters, knownGradebookFormats, scriptLines } from '../lms/gradebook/index.js';
import { renderGradesCsv } from '../lms/gradebook/grades-csv.js';
import { batchJunitSuite, renderJunit } from '../reports/junit-reporter.js';
import { writeOutputs } from '../reports/output-stage.js';
import type { CliContext } from './context.js';

/** `--worksheet FILE`: the Moodle grading worksheet the teacher downloaded, read to be handed back filled in. */
export function readWorksheetOption(path: string): MoodleWorksheet {
  const file = resolve(path);
  if (!existsSync(file)) {
    throw new UserError(`--worksheet ${path}: no such file; download it from the Moodle assignment (View all submissions > Grading action: Download grading worksheet).`);
  }
  return parseMoodleWorksheet(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file);
}

/** `--scale N`: a positive number of points. */
export function scaleOption(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`--scale ${text}: give the LMS's maximum grade as a positive number, e.g. --scale 100.`);
  return n;
}

export interface LmsOptions {
  readonly roster?: string;
  readonly assignment?: string;
  readonly worksheet?: string;
  readonly scale?: string;
}

/** The LMS files a batch was given, read and checked on their own (before the batch folder is looked at). */
export function readLmsOptions(raw: LmsOptions): LmsSettings {
  const roster = raw.roster ? readRosterOption(raw.roster) : null;
  const assignment = raw.assignment ?? null;
  if (assignment !== null && !roster) throw new UserError('--assignment names a column of the Canvas roster: pass the roster too, with --roster FILE.');
  return { roster, canvasAssignment: assignment, moodleWorksheet: raw.worksheet ? readWorksheetOption(raw.worksheet) : null, scale: raw.scale ? scaleOption(raw.scale) : null };
}

/** Checked before anything is graded: a Canvas column that is absent or ambiguous, or a one-exercise option on several, stops here. */
export function checkLmsSettings(lms: LmsSettings, exercises: readonly Exercise[], raw: LmsOptions): void {
  if ((lms.canvasAssignment !== null || lms.moodleWorksheet) && exercises.length !== 1) {
    throw new UserError(`--assignment and --worksheet are for one exercise's grades; grade one exercise (\`grade batch ex01 DIR\`), not ${exercises.length}.`);
  }
  if (lms.roster) for (const x of exercises) findAssignment(lms.roster, x.id, lms.canvasAssignment, `--roster ${raw.roster}`);
}

export interface LmsSettings {
  readonly roster: Roster | null;
  readonly canvasAssignment: string | null;
  readonly moodleWorksheet: MoodleWorksheet | null;
  readonly scale: number | null;
}

export function readRosterOption(path: string): Roster {
  const file = resolve(path);
  if (!existsSync(file)) throw new UserError(`--roster ${path}: no such file; export the gradebook from Canvas (Grades > Export > Export Entire Gradebook) and pass that CSV.`);
  return parseCanvasRoster(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file);
}

/** Which exercise (and variant) each item is graded against: with `variants`, the learner's own. */
/** An exercise as a variant renders it; one rendering per exercise and variant, however often a batch asks. */
export type VariantForms = (exercise: Exercise, variant: string | null) => Exercise;

export function variantForms(ctx: CliContext): VariantForms {
  const made = new Map<string, Exercise>();
  return (exercise, variant) => {
    if (variant === null || exercise.params.length === 0) return exercise;
    const key = `${exercise.id}\u0000${variant}`;
    let form = made.get(key);
    if (!form) made.set(key, (form = variantOf(exercise, variant, ctx.kinds)));
    return form;
  };
}

export function itemExercises(forms: VariantForms, exercises: readonly Exercise[], variants: boolean): (item: BatchItem) => ItemExercise {
  const byId = new Map(exercises.map((e) => [e.id, e]));
  return (item) => {
    const exercise = byId.get(item.exercise);
    if (!exercise) throw new Error(`grade: internal error, discovery returned an exercise it was not given: ${item.exercise}`);
    if (!variants || exercise.params.length === 0) return { exercise, variant: null };
    const rendered = forms(exercise, item.learner);
    return { exercise: rendered, variant: rendered.variant };
  };
}

function columnsOf(exercise: Exercise): GradebookExercise {
  return {
    id: exercise.id,
    title: exercise.title,
    possible: exercise.checks.reduce((sum, c) => sum + c.points, 0),
    checks: exercise.checks.map((c) => ({ id: c.id, title: c.title, points: c.points, ...(c.hint ? { hint: c.hint } : {}) })),
  };
}

/**
 * An entry as learners and the teacher read it: titles and hints in the language asked for (`--lang`),
 * from the exercise as the learner's variant rendered it. Records keep the result as graded.
 */
export function localizer(forms: VariantForms, lang: Lang, exercises: readonly Exercise[]): (entry: BatchEntry) => BatchEntry {
  const byId = new Map(exercises.map((e) => [e.id, e]));
  return (entry) => {
    const exercise = byId.get(entry.exercise);
    if (!entry.result || !exercise) return entry;
    return { ...entry, result: localizeResult(entry.result, forms(exercise, entry.variant), lang) };
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The gradebook of some entries: only exercises that have entries (or the one asked for), entries by learner then exercise. */
export function gradebookOf(exercises: readonly Exercise[], entries: readonly BatchEntry[]): Gradebook {
  const used = new Set(entries.map((e) => e.exercise));
  const shown = exercises.length === 1 ? exercises : exercises.filter((e) => used.has(e.id));
  return {
    exercises: shown.map(columnsOf),
    entries: [...entries].sort((a, b) => compare(a.learner, b.learner) || compare(a.exercise, b.exercise)),
  };
}

/**
 * The lines every learner shares with the reference (solution/ and alternatives/, rendered for each
 * variant graded): similarity ignores them, so only what learners wrote beyond it can look alike.
 */
function baseLines(forms: VariantForms, exercises: readonly Exercise[], entries: readonly BatchEntry[]): Record<string, string[]> {
  const lines: Record<string, string[]> = {};
  for (const exercise of exercises) {
    const variants = [...new Set(entries.filter((e) => e.exercise === exercise.id && e.variant !== null).map((e) => e.variant!))];
    const set = new Set<string>();
    for (const form of [exercise, ...variants.map((v) => forms(exercise, v))]) {
      for (const dir of [form.solutionDir, ...form.alternatives.map((a) => a.dir)]) {
        for (const file of readSubmissionFor(form, dir).files) scriptLines(file.text).forEach((l) => set.add(l));
      }
    }
    lines[exercise.id] = [...set];
  }
  return lines;
}

/** grades.csv of what is graded so far (the batch rewrites it after every entry). */
export async function writePartialGrades(out: string, exercises: readonly Exercise[], entries: readonly BatchEntry[]): Promise<void> {
  await writeOutputs(out, [{ path: 'grades.csv', content: renderGradesCsv(gradebookOf(exercises, entries)) }]);
}

export interface GradebookWriteOptions {
  readonly forms: VariantForms;
  readonly lang: Lang;
  readonly lms: LmsSettings;
  readonly junit: string | null;
  readonly warn: (line: string) => void;
}

/** Render every gradebook format and write them; returns the top-level files written, for the summary. */
export async function writeGradebook(out: string, exercises: readonly Exercise[], entries: readonly BatchEntry[], options: GradebookWriteOptions): Promise<string[]> {
  const book = gradebookOf(exercises, entries.map(localizer(options.forms, options.lang, exercises)));
  // No date: `grade merge` of shards must write the same bytes as one unsharded run.
  const reporterOptions = { ...options.lms, baseLines: baseLines(options.forms, exercises, entries) };
  const shown = new Set<string>();
  const notes: string[] = [];
  for (const format of knownGradebookFormats) {
    // Canvas's import is built from its roster: without --roster there is nothing to say.
    if (format === 'canvas' && !options.lms.roster) continue;
    const { files, warnings } = gradebookReporters[format](book, { ...reporterOptions, lmsNotes: notes });
    await writeOutputs(out, files);
    warnings.forEach(options.warn);
    notes.push(...warnings);
    for (const f of files) shown.add(f.path.includes('/') ? `${f.path.split('/')[0]}/` : f.path);
  }
  if (options.junit) {
    const suites = book.entries.map(batchJunitSuite);
    await writeOutputs(dirname(options.junit), [{ path: basename(options.junit), content: renderJunit(suites) }]);
  }
  return [...shown].sort(compare);
}
