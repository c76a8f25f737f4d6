import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from './errors.js';
import type { NodeOwner } from './exercise.js';

/** What a submission is checked against: the exercise's nodes and who configures each. */
export interface SubmissionNode {
  readonly name: string;
  readonly owner: NodeOwner;
}

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

/** The <node>.sh files of a folder, checked against the exercise's nodes: only the learner's own may have one. */
export function submissionNodeFiles(dir: string, nodes: readonly SubmissionNode[], shownFrom = process.cwd()): Map<string, string> {
  const shown = relative(shownFrom, dir) || dir;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${shown} is not a folder; a submission is a folder of <node>.sh files.`);
  const mine = learnerFileNames(nodes);
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.endsWith('.sh')) continue;
    const node = nodes.find((n) => n.name === entry.slice(0, -3));
    if (!node) {
      throw new UserError(`${join(shown, entry)} is for a node "${entry.slice(0, -3)}" this exercise does not have; name files after its nodes: ${mine}.`);
    }
    if (node.owner === 'lab') {
      throw new UserError(`${join(shown, entry)} is for ${node.name}, which the lab runs and the learner does not configure; submit files only for ${mine}.`);
    }
    files.set(node.name, join(dir, entry));
  }
  return files;
}

function learnerFileNames(nodes: readonly SubmissionNode[]): string {
  return nodes.filter((n) => n.owner === 'learner').map((n) => `${n.name}.sh`).join(', ');
}

export function readSubmission(dir: string, nodes: readonly SubmissionNode[]): Submission {
  const files = [...submissionNodeFiles(dir, nodes)].map(([node, path]) => {
    const bytes = readFileSync(path);
    const shown = relative(process.cwd(), path) || path;
    if (bytes.length > MAX_FILE_BYTES) throw new UserError(`${shown} is ${bytes.length} bytes; a node's commands must fit in ${MAX_FILE_BYTES / 1024} KiB.`);
    if (bytes.includes(0)) throw new UserError(`${shown} is not a text file; write the commands as plain text.`);
    return { node, path, text: normaliseScript(bytes.toString('utf8')) };
  });
  if (files.length === 0) throw new UserError(`${relative(process.cwd(), dir) || dir} has no <node>.sh files; add one per node you configured (${learnerFileNames(nodes)}).`);
  return { dir, files };
}

/** Windows line endings and a byte-order mark, as editors leave them, must not break commands. */
export function normaliseScript(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
