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
export const MAX_FILE_BYTES = 96 * 1024;

/** The <node>.sh files of a folder, checked against the exercise's nodes: only the learner's own may have one. */
export function submissionNodeFiles(dir: string, nodes: readonly SubmissionNode[], shownFrom = process.cwd()): Map<string, string> {
  const shown = relative(shownFrom, dir) || dir;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${shown} is not a folder; a submission is a folder of <node>.sh files.`);
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.endsWith('.sh')) continue;
    const problem = nodeFileNameProblem(join(shown, entry), entry, nodes);
    if (problem) throw new UserError(problem);
    files.set(entry.slice(0, -3), join(dir, entry));
  }
  return files;
}

/** Why a <name>.sh file may not be in a submission (no such node, or a node the lab runs), or null when it may. */
export function nodeFileNameProblem(shown: string, fileName: string, nodes: readonly SubmissionNode[]): string | null {
  const name = fileName.slice(0, -3);
  const node = nodes.find((n) => n.name === name);
  if (!node) return `${shown} is for a node "${name}" this exercise does not have; name files after its nodes: ${learnerFileNames(nodes)}.`;
  if (node.owner === 'lab') return `${shown} is for ${node.name}, which the lab runs and the learner does not configure; submit files only for ${learnerFileNames(nodes)}.`;
  return null;
}

/** Why a node file's bytes cannot be sent to its node (too large, not text), or null when they can. */
export function nodeFileContentProblem(shown: string, bytes: Buffer): string | null {
  if (bytes.length > MAX_FILE_BYTES) return nodeFileSizeProblem(shown, bytes.length);
  if (bytes.includes(0)) return `${shown} is not a text file; write the commands as plain text.`;
  return null;
}

/** The size rule alone, for callers that check a file's size before reading it. */
export function nodeFileSizeProblem(shown: string, size: number): string | null {
  return size > MAX_FILE_BYTES ? `${shown} is ${size} bytes; a node's commands must fit in ${MAX_FILE_BYTES / 1024} KiB.` : null;
}

/** What to say about a folder that holds no <node>.sh file. */
export function noNodeFilesProblem(shown: string, nodes: readonly SubmissionNode[]): string {
  return `${shown} has no <node>.sh files; add one per node you configured (${learnerFileNames(nodes)}).`;
}

/** The file names a learner may submit, for messages: "host-a.sh, host-b.sh". */
export function learnerFileNames(nodes: readonly SubmissionNode[]): string {
  return nodes.filter((n) => n.owner === 'learner').map((n) => `${n.name}.sh`).join(', ');
}

export function readSubmission(dir: string, nodes: readonly SubmissionNode[]): Submission {
  const files = [...submissionNodeFiles(dir, nodes)].map(([node, path]) => {
    const bytes = readFileSync(path);
    const problem = nodeFileContentProblem(relative(process.cwd(), path) || path, bytes);
    if (problem) throw new UserError(problem);
    return { node, path, text: normaliseScript(bytes.toString('utf8')) };
  });
  if (files.length === 0) throw new UserError(noNodeFilesProblem(relative(process.cwd(), dir) || dir, nodes));
  return { dir, files };
}

/** Windows line endings and a byte-order mark, as editors leave them, must not break commands. */
export function normaliseScript(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
