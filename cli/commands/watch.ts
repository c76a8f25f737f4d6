import { setTimeout as sleep } from 'node:timers/promises';
import pc from 'picocolors';
import { InfraError, UserError, messageOf } from '../../core/errors.js';
import type { Exercise } from '../../core/exercise.js';
import { variantOf } from '../../core/load-exercise.js';
import type { GradeResult } from '../../core/result.js';
import { checkChanges, type ChangeKind, type CheckChange } from '../../grading/check-changes.js';
import { gradeRunningLab } from '../../grading/grade-exercise.js';
import { localizeResult } from '../../grading/localize-result.js';
import { reporters } from '../../reports/reporters.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import { readHistory } from '../../runner/shell-history.js';
import type { StartedLab } from '../../runner/started-lab.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** How often the running lab is checked again, and how often the history is looked at in between. */
const INTERVAL_MS = 3000;
const POLL_MS = 500;
/** ANSI: cursor home, clear the screen (a terminal redraws in place). */
const CLEAR = '\x1b[H\x1b[2J';

export interface WatchOptions {
  readonly verbose?: boolean;
  readonly variant?: string;
  /** How many commands the lab's shell history holds (default: runner/shell-history.ts); a new one means a check at once. */
  readonly historyLength?: (lab: StartedLab) => Promise<number | null>;
}

/**
 * `grade ex01 --watch`: check the running lab again and again, show what changed, and end (exit 0)
 * once every check passes. Ctrl-C stops watching (130); the lab is kept and never tracked, so it runs on.
 */
export async function watchCommand(ctx: CliContext, exercise: Exercise, options: WatchOptions): Promise<number> {
  const engine = await ctx.engine();
  const tty = Boolean(process.stdout.isTTY);
  const c = pc.createColors(ctx.color);
  const find = () => findKeptLab(engine, exercise, ctx.image(), (v) => variantOf(exercise, v, ctx.kinds));
  const first = await find();
  if (!first) throw new UserError(`No ${exercise.id} lab is running: start one with \`grade start ${exercise.id}\`, then watch it with \`grade ${exercise.id} --watch\`.`);
  const running = first.plan.exercise.variant;
  if (options.variant !== undefined && running !== exercise.variant) {
    throw new UserError(`The running ${exercise.id} lab is ${running === null ? "the lesson's own" : `variant "${running}"`}, not "${exercise.variant}"; watch it without --variant.`);
  }
  process.once('SIGINT', () => process.stderr.write(`\nStopped watching; the ${exercise.id} lab keeps running (\`grade stop ${exercise.id}\` removes it).\n`));
  // Counts finished commands: a record appears when a command starts and gets its status when it ends.
  const historyLength = options.historyLength ?? ((lab: StartedLab) => readHistory(lab).then((records) => records.filter((r) => r.exitCode !== null).length));
  const about = `again every ${INTERVAL_MS / 1000} s and after each command; Ctrl-C stops watching, the lab keeps running`;
  let previous: GradeResult | null = null;
  let lab: StartedLab | null = first;
  for (;;) {
    if (!lab) throw new UserError(`The ${exercise.id} lab is no longer running (\`grade stop\`?); stopped watching.`);
    // The history as the check starts: a command that finishes while it runs means another check at once.
    const seen = historyLength(lab).catch(() => null);
    let result: GradeResult;
    try {
      result = localizeResult(await gradeRunningLab(lab, lab.plan.exercise, ctx.kinds), lab.plan.exercise, ctx.lang);
    } catch (error) {
      // The lab may be in the middle of `grade reset`: say so, and look again next round.
      if (!(error instanceof InfraError) || previous === null) throw error;
      process.stdout.write(`${time()} ${c.yellow(`could not check: ${messageOf(error)}`)}\n`);
      await sleep(INTERVAL_MS);
      lab = await find();
      continue;
    }
    const changes = checkChanges(previous?.checks ?? null, result.checks);
    const done = result.status === 'pass';
    if (tty) process.stdout.write(CLEAR + screen(result, changes, c, ctx.color, options.verbose ?? false, done ? c.green(c.bold('Every check passes: stopped watching.')) : c.dim(`Watching ${exercise.id}: checked at ${time()}, ${about}.`)));
    else process.stdout.write(plain(result, changes, previous === null, c, about));
    previous = result;
    if (done) return EXIT.pass;
    await nextRound(lab, await seen, historyLength);
    lab = await find();
  }
}

/** Wait out the interval, or less when the learner's history has grown since `seen` (a new command ran). */
async function nextRound(lab: StartedLab, seen: number | null, historyLength: (lab: StartedLab) => Promise<number | null>): Promise<void> {
  const until = Date.now() + INTERVAL_MS;
  for (;;) {
    const now = await historyLength(lab).catch(() => null);
    if (seen !== null && now !== null && now !== seen) return;
    if (Date.now() >= until) return;
    await sleep(Math.min(POLL_MS, until - Date.now()));
  }
}

const MARK: Record<ChangeKind, string> = { 'now-passing': '▲ now passing', 'now-failing': '▼ now failing', 'now-undecided': '? undecided' };

function changeLines(changes: readonly CheckChange[], c: ReturnType<typeof pc.createColors>, indent: string): string[] {
  return changes.map((ch) => {
    const paint = ch.kind === 'now-passing' ? c.green : ch.kind === 'now-failing' ? c.red : c.yellow;
    return `${indent}${paint(c.bold(MARK[ch.kind]))}  ${ch.title} ${c.dim(`(${ch.id})`)}`;
  });
}

/** A terminal's whole screen: the status line, what changed since the last check, then the checklist as `grade ex01` shows it. */
function screen(result: GradeResult, changes: readonly CheckChange[], c: ReturnType<typeof pc.createColors>, color: boolean, verbose: boolean, status: string): string {
  const changed = changes.length > 0 ? [c.bold('Changed since the last check:'), ...changeLines(changes, c, '  '), ''] : [];
  return [status, '', ...changed, reporters.terminal(result, { color, verbose })].join('\n');
}

/** Without a terminal: one line to start, then only the changes and the new score. */
function plain(result: GradeResult, changes: readonly CheckChange[], first: boolean, c: ReturnType<typeof pc.createColors>, about: string): string {
  const passing = result.checks.filter((ch) => ch.status === 'pass').length;
  const score = `${result.score.earned}/${result.score.possible} points, ${passing} of ${result.checks.length} checks pass`;
  const lines: string[] = [];
  if (first) lines.push(`Watching ${result.exercise.id}: ${score}; checking ${about}.`);
  else if (changes.length > 0) lines.push(...changeLines(changes, c, `${time()} `), `${time()} ${result.exercise.id}: ${score}`);
  if (result.status === 'pass') lines.push(`Every check of ${result.exercise.id} passes (${result.score.earned}/${result.score.possible} points): stopped watching.`);
  return lines.map((l) => `${l}\n`).join('');
}

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}
