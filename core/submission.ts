import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from './errors.js';

/** A submission: for each node, the commands a learner would type there. */
export interface Submission {
  readonly dir: string;
  readonly files: readonly SubmissionFile[];
}

export interface SubmissionFile {
  readonly node: string;
  readonly path: string;
  /** Text with Windows line endings already normalised. */
  readonly text: string;
}

// The file travels to the node in an environment variable, which Linux caps at 128 KiB.
const MAX_FILE_BYTES = 96 * 1024;

/** The <node>.sh files of a folder, checked against the exercise's nodes. */
export function submissionNodeFiles(dir: string, nodeNames: readonly string[], shownFrom = process.cwd()): Map<string, string> {
  const shown = relative(shownFrom, dir) || dir;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${shown} is not a folder; a submission is a folder of <node>.sh files.`);
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.endsWith('.sh')) continue;
    const node = entry.slice(0, -3);
    if (!nodeNames.includes(node)) {
      throw new UserError(`${join(shown, entry)} is for a node "${node}" this exercise does not have; name files after its nodes: ${nodeNames.map((n) => `${n}.sh`).join(', ')}.`);
    }
    files.set(node, join(dir, entry));
  }
  return files;
}

export function readSubmission(dir: string, nodeNames: readonly string[]): Submission {
  const files = [...submissionNodeFiles(dir, nodeNames)].map(([node, path]) => {
    const bytes = readFileSync(path);
    const shown = relative(process.cwd(), path) || path;
    if (bytes.length > MAX_FILE_BYTES) throw new UserError(`${shown} is ${bytes.length} bytes; a node's commands must fit in ${MAX_FILE_BYTES / 1024} KiB.`);
    if (bytes.includes(0)) throw new UserError(`${shown} is not a text file; write the commands as plain text.`);
    return { node, path, text: normaliseScript(bytes.toString('utf8')) };
  });
  if (files.length === 0) throw new UserError(`${relative(process.cwd(), dir) || dir} has no <node>.sh files; add one per node you configured (${nodeNames.map((n) => `${n}.sh`).join(', ')}).`);
  return { dir, files };
}

/** Windows line endings and a byte-order mark, as editors leave them, must not break commands. */
export function normaliseScript(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
