// The gradebook formats `grade batch` can write, each a function from the whole batch to files:
// the batch's counterpart of reports/reporters.ts. Reporters only render; the caller writes the files.

import { gradesCsvReporter } from './grades-csv.js';
import { canvasReporter } from './canvas.js';
import { classroomReporter } from './classroom.js';
import { feedbackReporter } from './feedback.js';
import { moodleReporter } from './moodle.js';
import { summaryReporter } from './summary.js';
import type { GradebookReporter } from './types.js';

/** The names `--gradebook` (or whatever the CLI calls it) accepts, in the order help text lists them. */
export const knownGradebookFormats = ['grades-csv', 'canvas', 'moodle', 'classroom', 'feedback', 'summary'] as const;

export type GradebookFormat = (typeof knownGradebookFormats)[number];

export const gradebookReporters: Readonly<Record<GradebookFormat, GradebookReporter>> = {
  'grades-csv': gradesCsvReporter,
  canvas: canvasReporter,
  moodle: moodleReporter,
  classroom: classroomReporter,
  feedback: feedbackReporter,
  summary: summaryReporter,
};

export function isGradebookFormat(name: string): name is GradebookFormat {
  return Object.hasOwn(gradebookReporters, name);
}

/** The reporter for a format name; throws an Error naming the known formats otherwise. */
export function gradebookReporterFor(name: string): GradebookReporter {
  if (!isGradebookFormat(name)) {
    throw new Error(`unknown gradebook format "${name}": use one of ${knownGradebookFormats.join(', ')}`);
  }
  return gradebookReporters[name];
}
