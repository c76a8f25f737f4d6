import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pc from 'picocolors';
import { UserError } from '../../core/errors.js';
import type { Exercise } from '../../core/exercise.js';
import { exportHistory } from '../../history/export-history.js';
import { findExercise } from '../../core/find-exercise.js';
import type { HistoryRecord } from '../../history/history.js';
import type { Lang } from '../../core/lang.js';
import { variantOf } from '../../core/load-exercise.js';
import { MAX_FILE_BYTES } from '../../core/submission.js';
import { columns, padColumns } from '../../core/text-width.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import { readHistory } from '../../runner/shell-history.js';
import type { StartedLab } from '../../runner/started-lab.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { cliText } from '../messages.js';

export interface ExportOptions {
  readonly changesOnly?: boolean;
  readonly force?: boolean;
}

/** `grade history ex03 [node]`: the commands typed in the running lab's shells, with time and exit status. */
export async function historyCommand(ctx: CliContext, name: string, node: string | undefined, options: { json?: boolean } = {}): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  if (node !== undefined && !exercise.nodes.some((n) => n.name === node)) {
    throw new UserError(cliText(ctx.lang, 'noSuchNode', { id: exercise.id, node, nodes: exercise.nodes.map((n) => n.name).join(', ') }));
  }
  const records = await readHistory(await runningLab(ctx, exercise), node);
  if (options.json) {
    process.stdout.write(JSON.stringify(records, null, 2) + '\n');
  } else if (records.length === 0) {
    process.stdout.write(`${cliText(ctx.lang, node ? 'noHistoryOnNode' : 'noHistory', { id: exercise.id, node: node ?? '' })}\n`);
  } else {
    process.stdout.write(historyTable(records, ctx.color, ctx.lang));
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
    throw new UserError(cliText(ctx.lang, options.changesOnly ? 'nothingChangedToExport' : 'nothingToExport', { id: exercise.id, nodes: learnerNodes }));
  }
  const target = resolve(dir);
  const shown = relative(process.cwd(), target) || '.';
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UserError(cliText(ctx.lang, 'exportToFile', { dir: shown }));
  const taken = files.map((f) => `${f.node}.sh`).filter((f) => existsSync(join(target, f)));
  if (taken.length > 0 && !options.force) throw new UserError(takenText(ctx.lang, taken, shown));
  mkdirSync(target, { recursive: true });
  for (const f of files) {
    writeFileSync(join(target, `${f.node}.sh`), f.text);
    if (Buffer.byteLength(f.text) > MAX_FILE_BYTES) {
      process.stderr.write(`grade: ${cliText(ctx.lang, 'exportTooLarge', { file: `${f.node}.sh`, kib: MAX_FILE_BYTES / 1024 })}\n`);
    }
  }
  process.stdout.write(exportedText(ctx.lang, files, { id: exercise.id, dir: shown, variant: lab.plan.exercise.variant }));
  return EXIT.pass;
}

/** The files of the folder that are already there, and that --force would overwrite. */
export function takenText(lang: Lang, taken: readonly string[], dir: string): string {
  if (taken.length === 1) return cliText(lang, 'exportTakenOne', { file: taken[0]!, dir });
  return cliText(lang, 'exportTaken', { files: taken.slice(0, -1).join(', '), last: taken.at(-1)!, dir });
}

/** What `grade export` wrote (the first file names the unit), and the command that grades it. */
export function exportedText(lang: Lang, files: readonly { node: string; commands: number }[], to: { id: string; dir: string; variant: string | null }): string {
  const written = files
    .map((f, i) => {
      const key = i > 0 ? 'exportedFile' : f.commands === 1 ? 'exportedFileOne' : 'exportedFileFirst';
      return cliText(lang, key, { file: `${f.node}.sh`, n: f.commands });
    })
    .join(', ');
  const command = `npx grade ${to.id} --submission ${to.dir}${to.variant === null ? '' : ` --variant ${to.variant}`}`;
  return `${cliText(lang, 'exported', { files: written, dir: to.dir })}\n${cliText(lang, 'gradeExported', { command })}\n`;
}

async function runningLab(ctx: CliContext, exercise: Exercise): Promise<StartedLab> {
  const lab = await findKeptLab(await ctx.engine(), exercise, ctx.image(), (v) => variantOf(exercise, v, ctx.kinds));
  if (!lab) throw new UserError(cliText(ctx.lang, 'noHistoryLab', { id: exercise.id }));
  return lab;
}

/**
 * One line per command: time entered, node, exit status, command (a multi-line command's further lines
 * indented). The status column is at least 10 wide, Korean statuses counted in terminal columns.
 */
export function historyTable(records: readonly HistoryRecord[], color: boolean, lang: Lang): string {
  const c = pc.createColors(color);
  const nodeWidth = Math.max(...records.map((r) => r.node.length));
  const statuses = records.map((r) => statusText(r.exitCode, lang));
  const statusWidth = Math.max(10, ...statuses.map(columns));
  const indent = ' '.repeat(8 + 2 + nodeWidth + 2 + statusWidth + 2);
  return records
    .map((r, i) => {
      const time = new Date(r.time).toLocaleTimeString('en-GB', { hour12: false });
      const paint = r.exitCode === null ? c.yellow : r.exitCode === 0 ? c.green : c.red;
      const command = r.command.split('\n').join(`\n${indent}`);
      return `${c.dim(time)}  ${r.node.padEnd(nodeWidth)}  ${paint(padColumns(statuses[i]!, statusWidth))}  ${command}\n`;
    })
    .join('');
}

function statusText(exitCode: number | null, lang: Lang): string {
  if (exitCode === null) return cliText(lang, 'historyUnfinished');
  return exitCode === 0 ? cliText(lang, 'historyOk') : cliText(lang, 'historyExit', { code: exitCode });
}
