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
  /** What the command printed in all, when more than was kept. */
  size?: number;
}

const WORD = /^[A-Z]+$/;
const NUMBER = /^(0|[1-9][0-9]{0,11})$/;

/**
 * Read the runner's records (runner/submission-runner.sh) back into one CommandRecord per command of
 * the learner's file. Only the runner writes its stdout, outside the node; still, a line that is not a
 * well-formed record is set aside and said, so the learner's report shows it, never a crash.
 */
export function parseRunnerOutput(stdout: string, scriptText: string, end: RunnerEnd): CommandRecord[] {
  const lines = scriptText.split('\n');
  const drafts: Draft[] = [];
  const out = stdout.split('\n');
  // A runner cut off mid-line (its limit) leaves a partial last line: not a record, nobody's fault.
  const partial = stdout.endsWith('\n') ? '' : out.pop() ?? '';
  let finished = false;
  let ended = false;
  let unreadable = 0;
  for (let k = 0; k < out.length; k++) {
    const [kind, ...args] = out[k]!.split(' ');
    if (kind === '' && args.length === 0) continue;
    const nums = args.map((a) => (NUMBER.test(a) ? Number(a) : NaN));
    const current = drafts.at(-1);
    const valid = WORD.test(kind ?? '') && nums.every((n) => Number.isSafeInteger(n));
    if (!valid) {
      unreadable++;
    } else if ((kind === 'BEGIN' || kind === 'SYNTAX') && nums.length === 3 && nums[1]! >= 1 && nums[2]! >= nums[1]! && nums[2]! <= lines.length) {
      drafts.push({ index: drafts.length, line: nums[1]!, endLine: nums[2]!, exitCode: null, output: '', truncated: false, durationMs: null, ...(kind === 'SYNTAX' ? { status: 'syntax-error' as const, note: 'bash could not read this command: it is incomplete or malformed, so it was not run' } : {}) });
    } else if (kind === 'OUT' && current && nums.length === 3) {
      const data = out[k + 1] ?? partial;
      k++;
      current.output = Buffer.from(data, 'base64').toString('utf8');
      current.truncated = nums[2]! > nums[1]! || (k >= out.length && partial !== '');
      if (nums[2]! > nums[1]!) current.size = nums[2]!;
    } else if (kind === 'END' && current && nums.length === 4) {
      current.exitCode = nums[1]!;
      current.durationMs = nums[2]!;
      if (nums[3] === 1 || nums[3] === 2) {
        current.status = 'timed-out';
        current.note = nums[3] === 1
          ? `cut off after ${end.commandSeconds} s; a command that waits forever (ping without -c, a server) stops the others`
          : `the submission on this node reached its ${end.limitSeconds} s limit during this command`;
      } else {
        current.status = current.exitCode === 0 ? 'ok' : 'failed';
      }
    } else if (kind === 'ENDED' && nums.length === 1) {
      // The command before the last BEGIN ended the shell: the one begun did not run.
      if (current && current.status === undefined) drafts.pop();
      const last = drafts.at(-1);
      if (last) last.note = 'this command ended the shell, so nothing after it ran';
      ended = true;
      break;
    } else if (kind === 'DONE') {
      finished = true;
    } else {
      unreadable++;
    }
  }
  const records = drafts.map((d) => finish(d, lines, end));
  if (!finished) records.push(...notRun(lines, drafts.at(-1)?.endLine ?? 0, records.length, ended));
  if (unreadable > 0) return withUnreadable(records, unreadable);
  return records;
}

function finish(d: Draft, lines: readonly string[], end: RunnerEnd): CommandRecord {
  let status = d.status;
  let note = d.note;
  let exitCode = d.exitCode;
  if (!status) {
    // Began but never ended: the whole run was cut off by its limit, or the runner was stopped.
    status = 'timed-out';
    exitCode = null;
    note = end.timedOut
      ? `the submission on this node reached its ${end.limitSeconds} s limit during this command`
      : 'grade lost sight of this command before it ended';
  }
  if (d.size !== undefined) note = [note, `it printed ${d.size} bytes; only the first ${Buffer.byteLength(d.output)} are kept`].filter(Boolean).join('; ');
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
}

/** Said on the last record when the runner's stdout held lines that are not its records. */
function withUnreadable(records: CommandRecord[], count: number): CommandRecord[] {
  const why = `the submission's output could not be read as records: ${count} line(s) were not grade's and were set aside`;
  const last = records.at(-1);
  if (!last) return [{ index: 0, line: 1, endLine: 1, text: '', status: 'not-run', exitCode: null, output: '', truncated: false, durationMs: null, note: why }];
  return [...records.slice(0, -1), { ...last, note: last.note ? `${last.note}; ${why}` : why }];
}

/** Commands after the last one that ran, listed so the learner sees they were skipped. */
function notRun(lines: string[], afterLine: number, firstIndex: number, ended: boolean): CommandRecord[] {
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
    note: ended ? 'not run: an earlier command ended the shell' : 'not run: an earlier command ended the shell or the time limit was reached',
  }];
}
