import { createHash } from 'node:crypto';
import type { GradeResult } from './result.js';

/**
 * One learner's submission for one exercise, as found in a batch folder (any layout: a folder, an
 * archive, an LMS download, a cloned repository). Either `dir` holds the <node>.sh files to grade, or
 * `invalid` says in one sentence what was wrong and what was expected.
 */
export interface BatchItem {
  /** The id gradebooks know the learner by: a Canvas user id, a Moodle participant id, a GitHub user name, or the folder's name. */
  readonly learner: string;
  /** The learner's name as the LMS wrote it into file names, when it did. */
  readonly displayName: string | null;
  /** The exercise id (ex01, ...). */
  readonly exercise: string;
  /** Where the submission came from, relative to the batch folder, for the teacher to find it. */
  readonly source: string;
  /** A folder of <node>.sh files (extracted from an archive into the batch's work folder when it came in one). */
  readonly dir: string | null;
  readonly invalid: string | null;
}

/** One learner's outcome for one exercise: a result, or why the submission could not be graded. */
export interface BatchEntry {
  readonly learner: string;
  readonly displayName: string | null;
  readonly exercise: string;
  readonly source: string;
  /** The variant id the exercise was rendered for, when the batch grades per-learner variants. */
  readonly variant: string | null;
  readonly result: GradeResult | null;
  readonly invalid: string | null;
}

/** What an exercise contributes to a gradebook's columns. */
export interface GradebookExercise {
  readonly id: string;
  readonly title: string;
  readonly possible: number;
  readonly checks: readonly { readonly id: string; readonly title: string; readonly points: number; readonly hint?: string }[];
}

/** Everything a batch produced: the exercises graded and one entry per learner and exercise, sorted by learner then exercise. */
export interface Gradebook {
  readonly exercises: readonly GradebookExercise[];
  readonly entries: readonly BatchEntry[];
}

// What file systems refuse or mangle in a name: separators, Windows' reserved characters, controls
// and invisible format characters (bidi overrides, zero-width), and '~', which marks our own suffix.
const REFUSED = /[/\\:*?"<>|~\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]+/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_CHARS = 80;

/**
 * A learner id as one path segment, readable (Unicode NFC, Hangul kept) and one-to-one: when cleaning
 * changed anything (or the id has capitals, which clash on case-insensitive disks), a stable suffix
 * from the id itself keeps two ids apart. Unsuffixed segments never hold '~', suffixed ones always do.
 */
export function safeSegment(id: string): string {
  const nfc = id.normalize('NFC');
  let cleaned = nfc.replace(REFUSED, '-').replace(/^[\s.-]+/, '').replace(/[\s.]+$/, '');
  if (WINDOWS_RESERVED.test(cleaned)) cleaned = `_${cleaned}`;
  cleaned = [...cleaned].slice(0, MAX_CHARS).join('');
  if (cleaned !== '' && cleaned === id && cleaned === cleaned.toLowerCase()) return cleaned;
  return `${cleaned || 'learner'}~${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 10)}`;
}

/** Where a batch writes an entry's report.html and result.json, relative to the batch's output folder. */
export function entryReportDir(entry: Pick<BatchEntry, 'learner' | 'exercise'>): string {
  return `${safeSegment(entry.learner)}/${safeSegment(entry.exercise)}`;
}
