// A learner's shell history: each command typed in `grade shell`, per node and shell session, with
// its exit status and time. runner/shell-history.ts records and reads it in the lab; this file is the
// record's shape and its line format, and knows nothing about Docker.
import type { CommandRecord } from '../core/result.js';

/** One command typed in an interactive `grade shell`. */
export interface HistoryRecord {
  readonly node: string;
  /** The shell it was typed in: one per `grade shell`, named after when it opened ("1732400000123-41"). */
  readonly session: string;
  /** When it was entered, ISO 8601 in UTC. */
  readonly time: string;
  /** null while it has not finished: still running (a tunnel in the foreground), or its shell was closed. */
  readonly exitCode: number | null;
  readonly durationMs: number | null;
  /** As the shell's history holds it: a multi-line command (a loop, a here-document) keeps its newlines. */
  readonly command: string;
}

/** A session's name as it appears in the lab's file names; anything else is refused. */
export const SESSION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

/**
 * The records of one session file. Each command is two lines, written as it starts and as it ends:
 * {"start": epoch ms, "command"} and {"end": epoch ms, "exitCode"}; a start with no end has not
 * finished. Anything else is skipped: a last line still being written, or whatever the learner sent
 * to their own record.
 */
export function parseSessionFile(node: string, session: string, text: string): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  let open: { start: number; command: string } | null = null;
  const close = (end: number | null, exitCode: number | null) => {
    if (!open) return;
    const durationMs = end === null ? null : Math.max(0, end - open.start);
    records.push({ node, session, time: new Date(open.start).toISOString(), exitCode, durationMs, command: open.command });
    open = null;
  };
  for (const line of text.split('\n').slice(0, -1)) {
    const data = jsonObject(line);
    if (!data) continue;
    if (isTime(data.start) && typeof data.command === 'string' && data.command.trim() !== '') {
      close(null, null);
      open = { start: data.start, command: data.command };
    } else if (isTime(data.end) && Number.isInteger(data.exitCode) && (data.exitCode as number) >= 0 && (data.exitCode as number) <= 255) {
      close(data.end, data.exitCode as number);
    }
  }
  close(null, null);
  return records;
}

/** The text of a session file holding these records (the inverse of parseSessionFile). */
export function sessionFileText(records: readonly HistoryRecord[]): string {
  return records
    .map((r) => {
      const start = Date.parse(r.time);
      const lines = [JSON.stringify({ start, command: r.command })];
      if (r.exitCode !== null) lines.push(JSON.stringify({ end: start + (r.durationMs ?? 0), exitCode: r.exitCode }));
      return lines.join('\n') + '\n';
    })
    .join('');
}

/** Oldest first, by when each command was entered; a session's own order is kept. */
export function sortHistory(records: readonly HistoryRecord[]): HistoryRecord[] {
  return [...records].sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.session < b.session ? -1 : a.session > b.session ? 1 : 0));
}

/**
 * A node's history as the commands of a live report, numbered in the order they were entered. Their
 * output is not kept: `output` is empty.
 */
export function historyCommandRecords(records: readonly HistoryRecord[]): CommandRecord[] {
  return records.map((r, index) => ({
    index,
    line: index + 1,
    endLine: index + 1,
    text: r.command,
    status: r.exitCode === null || r.exitCode === 0 ? 'ok' : 'failed',
    exitCode: r.exitCode,
    output: '',
    truncated: false,
    durationMs: r.durationMs,
    ...(r.exitCode === null ? { note: 'had not finished: still running, or its shell was closed' } : {}),
  }));
}

function jsonObject(line: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(line);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 8.64e15;
}
