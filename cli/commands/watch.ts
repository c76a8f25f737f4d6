import { setTimeout as sleep } from 'node:timers/promises';
import pc from 'picocolors';
import { InfraError, UserError, messageOf } from '../../core/errors.js';
import type { Exercise } from '../../core/exercise.js';
import type { Lang } from '../../core/lang.js';
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
import { cliText, type CliKey } from '../messages.js';

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
  if (!first) throw new UserError(cliText(ctx.lang, 'noLabToWatch', { id: exercise.id }));
  const running = first.plan.exercise.variant;
  if (options.variant !== undefined && running !== exercise.variant) {
    throw new UserError(cliText(ctx.lang, running === null ? 'watchLessonVariant' : 'watchOtherVariant', { id: exercise.id, running: running ?? '', variant: exercise.variant ?? '' }));
  }
  process.once('SIGINT', () => process.stderr.write(`\n${cliText(ctx.lang, 'stoppedWatching', { id: exercise.id })}\n`));
  // Counts finished commands: a record appears when a command starts and gets its status when it ends.
  const historyLength = options.historyLength ?? ((lab: StartedLab) => readHistory(lab).then((records) => records.filter((r) => r.exitCode !== null).length));
  let previous: GradeResult | null = null;
  let lab: StartedLab | null = first;
  for (;;) {
    if (!lab) throw new UserError(cliText(ctx.lang, 'labGone', { id: exercise.id }));
    // The history as the check starts: a command that finishes while it runs means another check at once.
    const seen = historyLength(lab).catch(() => null);
    let result: GradeResult;
    try {
      result = localizeResult(await gradeRunningLab(lab, lab.plan.exercise, ctx.kinds), lab.plan.exercise, ctx.lang);
    } catch (error) {
      // The lab may be in the middle of `grade reset`: say so, and look again next round.
      if (!(error instanceof InfraError) || previous === null) throw error;
      process.stdout.write(`${time()} ${c.yellow(cliText(ctx.lang, 'couldNotCheck', { error: messageOf(error) }))}\n`);
      await sleep(INTERVAL_MS);
      lab = await find();
      continue;
    }
    const changes = checkChanges(previous?.checks ?? null, result.checks);
    if (tty) process.stdout.write(CLEAR + watchScreen(result, changes, { c, color: ctx.color, verbose: options.verbose ?? false }));
    else process.stdout.write(watchUpdate(result, changes, previous === null, c));
    previous = result;
    if (result.status === 'pass') return EXIT.pass;
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

type Colors = ReturnType<typeof pc.createColors>;

const MARK: Record<ChangeKind, CliKey> = { 'now-passing': 'nowPassing', 'now-failing': 'nowFailing', 'now-undecided': 'nowUndecided' };

function changeLines(changes: readonly CheckChange[], c: Colors, indent: string, lang: Lang): string[] {
  return changes.map((ch) => {
    const paint = ch.kind === 'now-passing' ? c.green : ch.kind === 'now-failing' ? c.red : c.yellow;
    return `${indent}${paint(c.bold(cliText(lang, MARK[ch.kind])))}  ${ch.title} ${c.dim(`(${ch.id})`)}`;
  });
}

/**
 * A terminal's whole screen: the status line, what changed since the last check, then the checklist as
 * `grade ex01` shows it; all in the language of the (localized) result.
 */
export function watchScreen(result: GradeResult, changes: readonly CheckChange[], show: { c: Colors; color: boolean; verbose: boolean }): string {
  const { c } = show;
  const lang = result.lang ?? 'en';
  const status = result.status === 'pass'
    ? c.green(c.bold(cliText(lang, 'allPassStopped')))
    : c.dim(cliText(lang, 'watching', { id: result.exercise.id, time: time(), s: INTERVAL_MS / 1000 }));
  const changed = changes.length > 0 ? [c.bold(cliText(lang, 'changedSince')), ...changeLines(changes, c, '  ', lang), ''] : [];
  return [status, '', ...changed, reporters.terminal(result, { color: show.color, verbose: show.verbose })].join('\n');
}

/** Without a terminal: one line to start, then only the changes and the new score, in the result's language. */
export function watchUpdate(result: GradeResult, changes: readonly CheckChange[], first: boolean, c: Colors): string {
  const lang = result.lang ?? 'en';
  const { id } = result.exercise;
  const { earned, possible } = result.score;
  const passing = result.checks.filter((ch) => ch.status === 'pass').length;
  const score = cliText(lang, 'watchScore', { earned, possible, passing, total: result.checks.length });
  const lines: string[] = [];
  if (first) lines.push(cliText(lang, 'watchingFirst', { id, score, s: INTERVAL_MS / 1000 }));
  else if (changes.length > 0) lines.push(...changeLines(changes, c, `${time()} `, lang), `${time()} ${id}: ${score}`);
  if (result.status === 'pass') lines.push(cliText(lang, 'allPassStoppedScore', { id, earned, possible }));
  return lines.map((l) => `${l}\n`).join('');
}

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}
