// What a batch shows while it runs. On a terminal: one status line redrawn in place (done/total,
// counts, rate, ETA), with a line above it for each submission that did not pass. Elsewhere (CI logs):
// one plain line per submission. Quiet: nothing until the summary.

import { visibleLine } from '../reports/visible-text.js';
import type pc from 'picocolors';
import type { BatchEntry } from '../core/batch-entry.js';

export type ProgressStyle = 'live' | 'lines' | 'quiet';

type Colors = ReturnType<typeof pc.createColors>;

export interface Counts {
  pass: number;
  fail: number;
  error: number;
  invalid: number;
  reused: number;
}

export class BatchProgress {
  readonly counts: Counts = { pass: 0, fail: 0, error: 0, invalid: 0, reused: 0 };
  private done = 0;
  /** Entries graded in this run (not reused), for the rate. */
  private graded = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly style: ProgressStyle,
    private readonly colors: Colors,
    private readonly write: (text: string) => void,
  ) {}

  /** Count an entry and show it as the style says. */
  add(entry: BatchEntry, reused: boolean): void {
    this.done++;
    if (reused) this.counts.reused++;
    else if (entry.result) this.graded++;
    this.counts[entry.result ? entry.result.status : 'invalid']++;
    if (this.style === 'lines') this.write(`${entryLine(entry, reused, this.colors)}\n`);
    if (this.style === 'live') {
      const notable = !entry.result || entry.result.status !== 'pass';
      this.write(`\r\x1b[2K${notable ? `${entryLine(entry, reused, this.colors)}\n` : ''}${this.statusLine()}`);
    }
  }

  /** Ends the live line, so what follows starts on a fresh one. */
  finish(): void {
    if (this.style === 'live' && this.total > 0) this.write('\n');
  }

  statusLine(): string {
    const c = this.counts;
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? this.graded / elapsed : 0;
    const left = this.total - this.done;
    const eta = rate > 0 ? `ETA ${formatSeconds(left / rate)}` : 'ETA --';
    const counts = [
      this.colors.green(`${c.pass} pass`),
      this.colors.red(`${c.fail} fail`),
      this.colors.yellow(`${c.error} error`),
      this.colors.yellow(`${c.invalid} invalid`),
    ].join(' · ');
    return `${this.done}/${this.total}  ${counts}  ${rate.toFixed(1)}/s  ${left ? eta : `done in ${formatSeconds(elapsed)}`}`;
  }
}

function formatSeconds(s: number): string {
  const whole = Math.round(s);
  return whole >= 60 ? `${Math.floor(whole / 60)} min ${whole % 60} s` : `${whole} s`;
}

function entryLine(entry: BatchEntry, reused: boolean, colors: Colors): string {
  // Learner ids and reasons come from file names: spelled out, so no escape of theirs reaches the terminal.
  const who = visibleLine(`${entry.learner} ${entry.exercise}`);
  if (!entry.result) return `${colors.yellow('?')} ${who}: invalid: ${visibleLine(entry.invalid ?? '')}`;
  const r = entry.result;
  const mark = r.status === 'pass' ? colors.green('✔') : r.status === 'fail' ? colors.red('✘') : colors.yellow('!');
  const note = reused ? colors.dim('  (recorded earlier, same submission)') : '';
  return `${mark} ${who}  ${r.score.earned}/${r.score.possible}${r.error ? `  ${visibleLine(r.error)}` : ''}${note}`;
}
