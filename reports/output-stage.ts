// The one output stage: every file grade writes (a learner's report, a batch's gradebooks, its records)
// is rendered first, as a path and a content, then written here, atomically, under one root folder.

import { basename, dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import type { GradeResult } from '../core/result.js';
import { reporters } from './reporters.js';
import { writeFileAtomic } from './write-atomic.js';

/** A rendered file: where it goes, relative to the output folder ('/'-separated), and what it holds. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** The files of one graded result: result.json and report.html, in `dir` (relative). */
export function resultFiles(result: GradeResult, dir = ''): OutputFile[] {
  const at = (name: string) => (dir ? `${dir}/${name}` : name);
  const options = { color: false };
  return [
    { path: at('result.json'), content: reporters.json(result, options) },
    { path: at('report.html'), content: reporters.html(result, options) },
  ];
}

/** Write each file under `root`, atomically. A path that would leave `root` is a bug in a reporter. */
export async function writeOutputs(root: string, files: readonly OutputFile[]): Promise<void> {
  for (const file of files) {
    const relative = normalize(file.path);
    if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`)) {
      throw new Error(`grade: internal error, an output file would leave its folder: ${file.path}`);
    }
    await writeFileAtomic(join(root, relative), file.content);
  }
}

/** One file at a path the user chose (`--junit FILE`), through the same atomic writer. */
export async function writeOutputFile(path: string, content: string): Promise<void> {
  const target = resolve(path);
  await writeOutputs(dirname(target), [{ path: basename(target), content }]);
}
