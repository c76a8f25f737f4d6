// The exercise's own texts (README, known solutions) as its variant reads them. Rendering happens in
// memory, on read: no rendered copy of an exercise folder is ever written to disk.

import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Exercise } from './exercise.js';
import type { Lang } from './lang.js';
import { renderTemplate } from './render-template.js';
import { readSubmission, type Submission } from './submission.js';

/** A text of the exercise rendered for its variant; an exercise without params is never rendered. */
export function renderForExercise(exercise: Exercise, text: string, shown: string): string {
  return exercise.params.length ? renderTemplate(text, exercise.paramValues, shown) : text;
}

/** The learner's task for this variant in `lang` (README.ko.md for ko, else README.md), or null when the exercise has none. */
export function readmeOf(exercise: Exercise, lang: Lang = 'en'): string | null {
  const translated = join(exercise.dir, 'README.ko.md');
  const file = lang === 'ko' && existsSync(translated) ? translated : join(exercise.dir, 'README.md');
  return existsSync(file) ? renderForExercise(exercise, readFileSync(file, 'utf8'), relative(process.cwd(), file) || file) : null;
}

/** Whether a folder is one of the exercise's own solutions (reference, alternative, wrong case). */
export function isKnownSolution(exercise: Exercise, dir: string): boolean {
  // Real paths: the exercises folder may be reached through a symbolic link (GRADE_EXERCISES, a checkout).
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));
  const known = [exercise.solutionDir, ...exercise.alternatives.map((a) => a.dir), ...exercise.wrongCases.map((w) => w.dir)];
  return known.some((k) => real(k) === real(dir));
}

/**
 * A submission folder for this exercise: the exercise's own solutions are templates and come rendered
 * for its variant; a learner's folder is read exactly as written (rendering it would let `{{...}}`
 * in a learner's commands fit any variant).
 */
export function readSubmissionFor(exercise: Exercise, dir: string): Submission {
  const submission = readSubmission(dir, exercise.nodes);
  if (!exercise.params.length || !isKnownSolution(exercise, dir)) return submission;
  return {
    ...submission,
    files: submission.files.map((f) => ({ ...f, text: renderForExercise(exercise, f.text, relative(process.cwd(), f.path) || f.path) })),
  };
}
