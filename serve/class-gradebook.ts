// The class's gradebooks: `grade batch`'s writer over the hand-in records, into the class folder.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Roster } from '../lms/canvas-roster.js';
import type { Exercise } from '../core/exercise.js';
import type { Lang } from '../core/lang.js';
import { writeGradebook, type VariantForms } from '../cli/write-gradebook.js';
import { classEntries } from './hand-in.js';

export interface ClassGradebook {
  readonly classDir: string;
  readonly exercises: readonly Exercise[];
  readonly forms: VariantForms;
  readonly lang: Lang;
  readonly canvas: Roster | null;
}

export async function writeClassGradebook(g: ClassGradebook): Promise<string[]> {
  const entries = classEntries(g.classDir);
  if (entries.length === 0) return [];
  return writeGradebook(g.classDir, g.exercises, entries, { forms: g.forms, lang: g.lang, lms: { roster: g.canvas, canvasAssignment: null, moodleWorksheet: null, scale: null }, junit: null, warn: () => undefined });
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/;

/** The gradebook files a teacher may download: the class folder's own files, by plain name. */
export function gradebookFiles(classDir: string): string[] {
  try {
    return readdirSync(classDir)
      .filter((n) => FILE_NAME.test(n) && statSync(join(classDir, n)).isFile())
      .sort();
  } catch {
    return [];
  }
}
