// The gradebook reporters' shared shapes. A gradebook reporter renders a whole batch (a Gradebook)
// into files for a teacher or an LMS; it never touches the filesystem: the caller writes each file.

import type { Gradebook } from '../../core/batch-entry.js';
import type { Roster } from '../canvas-roster.js';
import type { MoodleWorksheet } from '../moodle-worksheet.js';

/** One file to write, relative to the batch output folder, '/'-separated. */
export interface GradebookFile {
  readonly path: string;
  readonly content: string;
}

export interface GradebookOptions {
  /** The Canvas gradebook export (`--roster FILE`), parsed with parseCanvasRoster; only the canvas reporter reads it. */
  readonly roster?: Roster | null;
  /** `--assignment`: the Canvas roster column (header, id or title) the one exercise's grades go to. */
  readonly canvasAssignment?: string | null;
  /** `--scale N`: scores written to LMS files out of N instead of the exercise's points. */
  readonly scale?: number | null;
  /** `--worksheet FILE`: the Moodle offline grading worksheet the teacher downloaded, to fill in. */
  readonly moodleWorksheet?: MoodleWorksheet | null;
  /** The other reporters' warnings, which the summary page lists for the teacher. */
  readonly lmsNotes?: readonly string[];
  /** When the batch ran, for the summary page's footer only (never in CSV files, which must not change on a resume). */
  readonly generatedAt?: string;
  /** Per exercise id: the reference solution's lines (solution/ and alternatives/), which similarity ignores. */
  readonly baseLines?: Readonly<Record<string, readonly string[]>>;
}

/** What a reporter made: the files, and sentences for the teacher about what it could not do (never fatal). */
export interface GradebookOutput {
  readonly files: readonly GradebookFile[];
  readonly warnings: readonly string[];
}

export type GradebookReporter = (book: Gradebook, options: GradebookOptions) => GradebookOutput;
