import type { CommandRecord } from '../core/result.js';

/** Facts about how the runner itself ended, for commands it never reported on. */
export interface RunnerEnd {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly limitSeconds: number;
  readonly commandSeconds: number;
}

interface Draft {
  index: number;
  line: number;
  endLine: number;
  status?: CommandRecord['status'];
  exitCode: number | null;
  output: string;
  truncated: boolean;
  durationMs: number | null;
  note?: string;
}

/** Read the runner's marked records back into one CommandRecord per command of the learner's file. */
export function parseRunnerOutput(stdout: string, mark: string, scriptText: string, end: RunnerEnd): CommandRecord[] {
  const raw = Buffer.from(stdout, 'utf8');
  const lines = scriptText.split('\n');
  const drafts: Draft[] = [];
  let pos = 0;
  let finished = false;
  const prefix = Buffer.from(`${mark} `);
  while (pos < raw.length) {
    const at = raw.indexOf(prefix, pos);
    if (at < 0) break;
    const eol = raw.indexOf(0x0a, at);
    if (eol < 0) break;
    const words = raw.subarray(at + prefix.length, eol).toString('utf8').trim().split(' ');
    pos = eol + 1;
    const [kind, ...args] = words;
    const nums = args.map(Number);
    const current = drafts.at(-1);
    if (kind === 'BEGIN' || kind === 'SYNTAX') {
      drafts.push({ index: nums[0]!, line: nums[1]!, endLine: nums[2]!, exitCode: null, output: '', truncated: false, durationMs: null, ...(kind === 'SYNTAX' ? { status: 'syntax-error' as const, note: 'bash could not read this command: it is incomplete or malformed, so it was not run' } : {}) });
    } else if (kind === 'OUT' && current) {
      const next = raw.indexOf(0x0a, pos);
      const stop = next < 0 ? raw.length : next;
      current.output = Buffer.from(raw.subarray(pos, stop).toString('ascii'), 'base64').toString('utf8');
      current.truncated = (nums[2] ?? 0) > (nums[1] ?? 0) || next < 0;
      pos = stop + 1;
    } else if (kind === 'END' && current) {
      current.exitCode = nums[1] ?? null;
      current.durationMs = nums[2] ?? null;
      if (nums[3] === 1) {
        current.status = 'timed-out';
        current.note = `cut off after ${end.commandSeconds} s; a command that waits forever (ping without -c, a server) stops the others`;
      } else {
        current.status = current.exitCode === 0 ? 'ok' : 'failed';
      }
    } else if (kind === 'DONE') {
      finished = true;
    }
  }
  const records: CommandRecord[] = drafts.map((d) => {
    let status = d.status;
    let note = d.note;
    let exitCode = d.exitCode;
    if (!status) {
      // Began but never ended: either the file called exit, or the whole submission hit its limit.
      status = end.timedOut ? 'timed-out' : 'ok';
      exitCode = end.timedOut ? null : end.exitCode;
      note = end.timedOut
        ? `the submission on this node reached its ${end.limitSeconds} s limit during this command`
        : 'this command ended the shell, so nothing after it ran';
      if (!end.timedOut && exitCode !== 0) status = 'failed';
    }
    // An unfinished command read on to the end of the file: its blank last lines are not part of it.
    let endLine = d.endLine;
    if (status === 'syntax-error') while (endLine > d.line && !lines[endLine - 1]?.trim()) endLine--;
    return {
      index: d.index,
      line: d.line,
      endLine,
      text: lines.slice(d.line - 1, endLine).join('\n'),
      status,
      exitCode,
      output: d.output,
      truncated: d.truncated,
      durationMs: d.durationMs,
      ...(note ? { note } : {}),
    };
  });
  if (!finished) records.push(...notRun(lines, drafts.at(-1)?.endLine ?? 0, records.length));
  return records;
}

/** Commands after the last one that ran, listed so the learner sees they were skipped. */
function notRun(lines: string[], afterLine: number, firstIndex: number): CommandRecord[] {
  const rest = lines.slice(afterLine);
  const start = rest.findIndex((l) => l.trim() && !l.trim().startsWith('#'));
  if (start < 0) return [];
  const lastNonBlank = rest.length - [...rest].reverse().findIndex((l) => l.trim());
  return [{
    index: firstIndex,
    line: afterLine + start + 1,
    endLine: afterLine + lastNonBlank,
    text: rest.slice(start, lastNonBlank).join('\n'),
    status: 'not-run',
    exitCode: null,
    output: '',
    truncated: false,
    durationMs: null,
    note: 'not run: an earlier command ended the shell or the time limit was reached',
  }];
}
