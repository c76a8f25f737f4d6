import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pc from 'picocolors';
import { UserError } from '../../core/errors.js';
import type { Exercise } from '../../core/exercise.js';
import { exportHistory } from '../../core/export-history.js';
import { findExercise } from '../../core/find-exercise.js';
import type { HistoryRecord } from '../../core/history.js';
import { variantOf } from '../../core/load-exercise.js';
import { MAX_FILE_BYTES } from '../../core/submission.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import { readHistory } from '../../runner/shell-history.js';
import type { StartedLab } from '../../runner/started-lab.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface ExportOptions {
  readonly changesOnly?: boolean;
  readonly force?: boolean;
}

/** `grade history ex03 [node]`: the commands typed in the running lab's shells, with time and exit status. */
export async function historyCommand(ctx: CliContext, name: string, node: string | undefined, options: { json?: boolean } = {}): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  if (node !== undefined && !exercise.nodes.some((n) => n.name === node)) {
    throw new UserError(`${exercise.id} has no node "${node}"; its nodes are ${exercise.nodes.map((n) => n.name).join(', ')}.`);
  }
  const records = await readHistory(await runningLab(ctx, exercise), node);
  if (options.json) {
    process.stdout.write(JSON.stringify(records, null, 2) + '\n');
  } else if (records.length === 0) {
    process.stdout.write(`No commands recorded${node ? ` on ${node}` : ''} in the ${exercise.id} lab yet; grade records what you type in \`grade shell ${exercise.id} ${node ?? 'NODE'}\`.\n`);
  } else {
    process.stdout.write(historyTable(records, ctx.color));
  }
  return EXIT.pass;
}

/** `grade export ex03 DIR [--changes-only] [--force]`: the recorded commands as a submission folder. */
export async function exportCommand(ctx: CliContext, name: string, dir: string, options: ExportOptions = {}): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  const lab = await runningLab(ctx, exercise);
  const files = exportHistory(exercise.nodes, await readHistory(lab), { changesOnly: options.changesOnly ?? false, exerciseId: exercise.id });
  const learnerNodes = exercise.nodes.filter((n) => n.owner === 'learner').map((n) => n.name).join(', ');
  if (files.length === 0) {
    throw new UserError(`No commands${options.changesOnly ? ' that change anything' : ''} were recorded on ${learnerNodes} in the ${exercise.id} lab, so there is nothing to export; type them in \`grade shell ${exercise.id} NODE\`.`);
  }
  const target = resolve(dir);
  const shown = relative(process.cwd(), target) || '.';
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UserError(`${shown} is a file; give a folder for the exported <node>.sh files.`);
  const taken = files.map((f) => `${f.node}.sh`).filter((f) => existsSync(join(target, f)));
  if (taken.length > 0 && !options.force) {
    const names = taken.length === 1 ? `${taken[0]} already exists` : `${taken.slice(0, -1).join(', ')} and ${taken.at(-1)} already exist`;
    throw new UserError(`${names} in ${shown}; pass --force to overwrite ${taken.length === 1 ? 'it' : 'them'}.`);
  }
  mkdirSync(target, { recursive: true });
  for (const f of files) {
    writeFileSync(join(target, `${f.node}.sh`), f.text);
    if (Buffer.byteLength(f.text) > MAX_FILE_BYTES) process.stderr.write(`grade: ${f.node}.sh is larger than the ${MAX_FILE_BYTES / 1024} KiB a submission file may be; shorten it before grading it.\n`);
  }
  const variant = lab.plan.exercise.variant;
  const written = files.map((f, i) => `${f.node}.sh (${f.commands}${i === 0 ? (f.commands === 1 ? ' command' : ' commands') : ''})`).join(', ');
  process.stdout.write(`Wrote ${written} to ${shown}.\nGrade it in a fresh lab: npx grade ${exercise.id} --submission ${shown}${variant === null ? '' : ` --variant ${variant}`}\n`);
  return EXIT.pass;
}

async function runningLab(ctx: CliContext, exercise: Exercise): Promise<StartedLab> {
  const lab = await findKeptLab(await ctx.engine(), exercise, ctx.image(), (v) => variantOf(exercise, v, ctx.kinds));
  if (!lab) throw new UserError(`No ${exercise.id} lab is running, so there is no shell history: start it with \`grade start ${exercise.id}\`.`);
  return lab;
}

/** One line per command: time entered, node, exit status, command (a multi-line command's further lines indented). */
function historyTable(records: readonly HistoryRecord[], color: boolean): string {
  const c = pc.createColors(color);
  const nodeWidth = Math.max(...records.map((r) => r.node.length));
  return records
    .map((r) => {
      const time = new Date(r.time).toLocaleTimeString('en-GB', { hour12: false });
      const status = r.exitCode === null ? 'unfinished' : r.exitCode === 0 ? 'ok' : `exit ${r.exitCode}`;
      const shownStatus = r.exitCode === null ? c.yellow(status.padEnd(10)) : r.exitCode === 0 ? c.green(status.padEnd(10)) : c.red(status.padEnd(10));
      const indent = ' '.repeat(8 + 2 + nodeWidth + 2 + 10 + 2);
      const command = r.command.split('\n').join(`\n${indent}`);
      return `${c.dim(time)}  ${r.node.padEnd(nodeWidth)}  ${shownStatus}  ${command}\n`;
    })
    .join('');
}
