/**
 * The shell history of a running lab: every command typed in an interactive `grade shell`, on every
 * node, with its exit status, duration and the time it finished. It is the learner's own record (no
 * check reads it); the live report, `grade history` and `grade export` show it.
 *
 * Where it lives: in the lab container, /run/grade/history/<node>/<session>.jsonl, one file per shell
 * session, one JSON record a line (history/history.ts). The folder is a small tmpfs of its own (8 MiB) in
 * grade's /run, outside every node's view, so it goes with the lab (`grade stop`) and a runaway shell
 * can fill only it. Resetting a node in place leaves it alone.
 *
 * How it is written (runner/shell-history.sh, runner/shell-recording.sh): before entering the node,
 * grade (container root) opens a new session file with O_APPEND on file descriptor 77 and hands it to
 * the learner's bash, whose PROMPT_COMMAND (set for that shell only, never in the learner's files)
 * writes one line per command to it. One writer per file, so two shells at once never interleave;
 * leaving and reopening a shell starts a new file and keeps the old ones. The learner cannot reach
 * the files by path; what they send to the descriptor forges only their own record.
 *
 * API, for `grade reset`, `grade exNN --watch` and anything else that handles a lab's history:
 *   readHistory(lab, node?)        every record of the lab (or of one node), oldest first. A record
 *                                  appears when its command starts (exitCode null) and gets its
 *                                  exitCode when it ends: to notice finished commands, count those.
 *   restoreHistory(lab, records)   write records back, e.g. into a lab made again from scratch: the
 *                                  file of each session named in them is replaced by its records;
 *                                  other sessions are left alone. readHistory then returns them.
 *   recordingShell(node, enter)    the argv of an interactive shell whose commands are recorded.
 * `lab` is a StartedLab (anything with runAsGrade). HistoryRecord is defined in history/history.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError, UserError } from '../core/errors.js';
import { SESSION_NAME, parseSessionFile, sessionFileText, sortHistory, type HistoryRecord } from '../history/history.js';
import { packageRoot } from '../core/package-root.js';
import type { ExecOptions, ExecResult } from './lab-exec.js';

export type { HistoryRecord } from '../history/history.js';

/** What the history needs of a lab: a command as the container's root, outside every node. */
export interface HistoryLab {
  runAsGrade(argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

// Linux caps one environment string at 128 KiB; restored files travel in pieces well below that (UTF-8).
const PIECE_CHARS = 32 * 1024;
const NODE_NAME = /^[a-z][a-z0-9-]{0,29}$/;
const READ_LINE = /^([a-z][a-z0-9-]*)\/([A-Za-z0-9_.-]+)\.jsonl ([A-Za-z0-9+/=]*)$/;

/**
 * The argv (for the container's root) of an interactive shell on `node` whose commands are recorded:
 * `enter` is grade-enter's command line up to the node's name (`grade-enter node host-a`).
 */
export function recordingShell(node: string, enter: readonly string[]): string[] {
  return [...historyScript('open', checkedNode(node)), ...enter, 'bash', '-c', script('shell-recording.sh')];
}

/** Every command recorded in the lab (only `node`'s, if given), oldest first. */
export async function readHistory(lab: HistoryLab, node?: string): Promise<HistoryRecord[]> {
  const result = await lab.runAsGrade(historyScript('read', ...(node === undefined ? [] : [checkedNode(node)])), { timeoutMs: 20_000, maxOutputBytes: 32 * 1024 * 1024 });
  if (result.exitCode !== 0 || result.truncated) throw new InfraError(`Reading the lab's shell history failed (${whatFailed(result)}).`);
  const records: HistoryRecord[] = [];
  for (const line of result.stdout.split('\n')) {
    const match = READ_LINE.exec(line);
    if (match) records.push(...parseSessionFile(match[1]!, match[2]!, Buffer.from(match[3]!, 'base64').toString('utf8')));
  }
  return sortHistory(records);
}

/** Write records back into the lab's history: the file of each session they name is replaced by them. */
export async function restoreHistory(lab: HistoryLab, records: readonly HistoryRecord[]): Promise<void> {
  const files = new Map<string, HistoryRecord[]>();
  for (const r of records) {
    if (!SESSION_NAME.test(r.session) || r.session.startsWith('.')) throw new UserError(`"${r.session}" is not a shell session name grade makes.`);
    const path = `${checkedNode(r.node)}/${r.session}.jsonl`;
    files.set(path, [...(files.get(path) ?? []), r]);
  }
  for (const [path, own] of files) {
    const text = sessionFileText(sortHistory(own));
    for (let at = 0; at === 0 || at < text.length; ) {
      const piece = pieceAt(text, at);
      await runOrThrow(lab, historyScript('write', path, at === 0 ? 'first' : 'more'), { GRADE_PIECE: piece });
      at += Math.max(piece.length, 1);
    }
    await runOrThrow(lab, historyScript('commit', path));
  }
}

function historyScript(...args: string[]): string[] {
  return ['bash', '-c', script('shell-history.sh'), 'shell-history', ...args];
}

const scripts = new Map<string, string>();
function script(name: string): string {
  if (!scripts.has(name)) scripts.set(name, readFileSync(join(packageRoot(), 'runner', name), 'utf8'));
  return scripts.get(name)!;
}

/** The text from `at`: whole lines up to the piece size (a longer line goes whole). */
function pieceAt(text: string, at: number): string {
  if (text.length - at <= PIECE_CHARS) return text.slice(at);
  const end = text.lastIndexOf('\n', at + PIECE_CHARS - 1);
  return text.slice(at, (end >= at ? end : text.indexOf('\n', at)) + 1);
}

async function runOrThrow(lab: HistoryLab, argv: readonly string[], env?: Record<string, string>): Promise<void> {
  const result = await lab.runAsGrade(argv, { timeoutMs: 20_000, ...(env ? { env } : {}) });
  if (result.exitCode !== 0) throw new InfraError(`Writing the lab's shell history failed (${whatFailed(result)}).`);
}

function checkedNode(node: string): string {
  if (!NODE_NAME.test(node)) throw new UserError(`"${node}" is not a node name.`);
  return node;
}

function whatFailed(result: ExecResult): string {
  if (result.timedOut) return 'it took too long';
  if (result.truncated) return 'it is larger than grade reads';
  return `exit ${result.exitCode}: ${result.output.trim().split('\n').slice(-2).join(' / ')}`;
}
