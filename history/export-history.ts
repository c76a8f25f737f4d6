// The shell history of a lab as a submission: one <node>.sh per learner's node, whose commands run
// again in a fresh lab as they ran in the shell, so `grade exNN --submission DIR` reproduces the live
// verdict. What cannot run again as it did is written commented out, with the reason:
//   - a command stopped by a signal (Ctrl-C): whatever it started ended with it;
//   - an editor, an interactive shell, input typed at the terminal: the history does not hold it;
//   - a command that runs until stopped (ping without -c), which would hold the file up.
// A command that failed runs again too, marked: in the same order it fails the same way, and a line
// that partly worked (`a && b`, `a; b`) keeps its part. One that had not finished (a tunnel left in
// the foreground) is started in the background. With `changesOnly`, the commands that only look
// (ip a, ping, cat, iptables -L ...) are left out.
import { classifyCommand } from '../core/classify-command.js';
import type { HistoryRecord } from './history.js';
import type { SubmissionNode } from '../core/submission.js';

export interface ExportOptions {
  /** Leave out the commands that only look. */
  readonly changesOnly: boolean;
  readonly exerciseId: string;
}

export interface ExportedFile {
  readonly node: string;
  readonly text: string;
  /** Commands that will run (the rest are comments). */
  readonly commands: number;
}

type Entry = { readonly run: boolean; readonly lines: string };

/** The files of the learner's nodes that have anything to say, in the exercise's node order. */
export function exportHistory(nodes: readonly SubmissionNode[], records: readonly HistoryRecord[], options: ExportOptions): ExportedFile[] {
  const files: ExportedFile[] = [];
  for (const node of nodes.filter((n) => n.owner === 'learner')) {
    const entries = nodeEntries(records.filter((r) => r.node === node.name), options);
    if (entries.length === 0) continue;
    const header = [
      `# ${node.name}: the commands typed in \`grade shell ${options.exerciseId} ${node.name}\`, exported by \`grade export\`.`,
      ...(options.changesOnly ? ['# Commands that only look were left out.'] : []),
    ];
    files.push({ node: node.name, text: [...header, ...entries.map((e) => e.lines)].join('\n') + '\n', commands: entries.filter((e) => e.run).length });
  }
  return files;
}

function nodeEntries(records: readonly HistoryRecord[], options: ExportOptions): Entry[] {
  const sessions = [...new Set(records.map((r) => r.session))];
  const cds = new Map<string, string[]>();
  const entries: Entry[] = [];
  let current: string | null = null;
  for (const r of records) {
    const entry = entryOf(r, options.changesOnly);
    if (!entry) continue;
    if (sessions.length > 1 && r.session !== current) {
      // Each shell starts in /root with the directory changes typed in it so far.
      const own = cds.get(r.session) ?? [];
      const moved = [...cds.values()].some((list) => list.length > 0);
      entries.push({ run: false, lines: `# shell ${sessions.indexOf(r.session) + 1}${moved ? `\ncd${own.map((c) => `\n${c}`).join('')}` : ''}` });
      current = r.session;
    }
    entries.push(entry);
    if (entry.run && /^\s*(cd|pushd|popd)(\s+[^;&|<>]*)?$/.test(r.command)) cds.set(r.session, [...(cds.get(r.session) ?? []), r.command.trim()]);
  }
  return entries;
}

function entryOf(r: HistoryRecord, changesOnly: boolean): Entry | null {
  const nature = classifyCommand(r.command);
  if (changesOnly && nature.looksOnly) return null;
  if (nature.replayProblem) return commented(r.command, `not run: ${nature.replayProblem}`);
  if (r.exitCode === null) {
    if (nature.looksOnly || r.command.includes('\n')) return commented(r.command, 'not run: it had not finished in the shell');
    return { run: true, lines: `# had not finished in the shell (still running, or its shell was closed): started in the background\n${r.command.replace(/\s*&?\s*$/, '')} &` };
  }
  if (r.exitCode > 128 && r.exitCode <= 192) return commented(r.command, `not run: it was stopped in the shell (exit status ${r.exitCode})`);
  if (r.exitCode !== 0) return { run: true, lines: `# exit status ${r.exitCode} in the shell\n${r.command}` };
  return { run: true, lines: r.command };
}

function commented(command: string, why: string): Entry {
  return { run: false, lines: `# ${why}:\n${command.split('\n').map((l) => `#   ${l}`).join('\n')}` };
}
