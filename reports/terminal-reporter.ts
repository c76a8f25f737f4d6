// Plain-text summary of one GradeResult for the learner's terminal. Renders only: every number
// and status comes from the result as given.

import pc from 'picocolors';
import type { CheckResult, GradeResult, GradeStatus, NodeReport } from '../core/result.js';
import { CHECK_MARK, COMMAND_WORD } from './status-words.js';

export interface TerminalOptions {
  /** Use ANSI colours (picocolors). When false the output holds no escape codes at all. */
  readonly color: boolean;
  /** Also show evidence of non-passing checks and every command, not only the ones that went wrong. */
  readonly verbose?: boolean;
  /** Where the HTML report was written, shown in the footer. */
  readonly htmlPath?: string;
}

type Colors = ReturnType<typeof pc.createColors>;

const WIDTH = 78;
const OUTPUT_LINES = 4;
const EVIDENCE_LINES = 6;

const STATUS_WORD: Record<GradeStatus, string> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR' };

export function renderTerminal(result: GradeResult, options: TerminalOptions): string {
  const c = pc.createColors(options.color);
  const verbose = options.verbose ?? false;
  const out: string[] = [];

  out.push(...header(result, c), '');
  if (result.status === 'error' && result.error !== null) out.push(...errorBlock(result.error, c), '');

  out.push(c.bold('Checks'));
  if (result.checks.length === 0) out.push(c.dim('  (no checks were run)'));
  const titleWidth = Math.min(44, Math.max(0, ...result.checks.map((ch) => ch.title.length)));
  for (const check of result.checks) out.push(...checkLines(check, c, verbose, titleWidth));

  const commands = commandLines(result.nodes, c, verbose);
  if (commands.length > 0) {
    out.push('', c.bold(verbose ? 'Your commands' : 'Your commands that did not succeed'), ...commands);
  }

  out.push('', ...footer(result, options, c));
  return out.join('\n') + '\n';
}

function header(r: GradeResult, c: Colors): string[] {
  const paint = r.status === 'pass' ? c.green : r.status === 'fail' ? c.red : c.yellow;
  const badge = paint(c.bold(STATUS_WORD[r.status]));
  const score = `${r.score.earned}/${r.score.possible} points`;
  const who = r.submission.label ?? r.submission.path ?? r.submission.mode;
  return [
    c.bold(`${r.exercise.id} · ${r.exercise.title}`) + (r.exercise.variant ? c.dim(` · variant ${r.exercise.variant}`) : ''),
    `${badge}  ${c.bold(score)}${r.status === 'error' ? c.dim(' (incomplete)') : ''}  ${c.dim(`${who}, ${seconds(r.durationMs)}`)}`,
  ];
}

function errorBlock(error: string, c: Colors): string[] {
  return [
    c.yellow(c.bold('The grader could not finish this run. This is not your fault.')),
    ...wrap(error, WIDTH - 2).map((l) => `  ${l}`),
  ];
}

function checkLines(check: CheckResult, c: Colors, verbose: boolean, titleWidth: number): string[] {
  const paint = check.status === 'pass' ? c.green : check.status === 'fail' ? c.red : c.yellow;
  const points = `${check.earned}/${check.points}`.padStart(5);
  const title = check.title.padEnd(titleWidth);
  const lines = [`  ${paint(CHECK_MARK[check.status])} ${title} ${points}  ${c.dim(check.id)}`];
  if (check.status === 'pass' && !verbose) return lines;
  lines.push(...labelled('expected', check.expected, c));
  lines.push(...labelled('observed', check.observed, c));
  for (const cause of check.causes ?? []) lines.push(...labelled('because', `${cause.observed} (${cause.id})`, c, c.yellow));
  if (check.status !== 'pass' && check.hint !== undefined) lines.push(...labelled('hint', check.hint, c, c.cyan));
  if (verbose && check.status !== 'pass') {
    for (const e of check.evidence) {
      lines.push(`      ${c.dim(`$ ${e.node}: ${e.command}`)}${e.timedOut ? c.yellow(' (timed out)') : ''}`);
      lines.push(...outputExcerpt(e.output, EVIDENCE_LINES, e.truncated, c, '        '));
    }
  }
  return lines;
}

function labelled(label: string, text: string, c: Colors, paint: (s: string) => string = (s) => s): string[] {
  const pad = ' '.repeat(6);
  const head = `${label}:`.padEnd(10);
  return wrap(text, WIDTH - pad.length - head.length).map((l, i) =>
    i === 0 ? `${pad}${c.dim(head)}${paint(l)}` : `${pad}${' '.repeat(head.length)}${paint(l)}`,
  );
}

function commandLines(nodes: readonly NodeReport[], c: Colors, verbose: boolean): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    for (const cmd of node.commands) {
      if (cmd.status === 'ok' && !verbose) continue;
      const where = cmd.endLine > cmd.line ? `lines ${cmd.line}-${cmd.endLine}` : `line ${cmd.line}`;
      const text = cmd.text.split('\n');
      const first = (text[0] ?? '') + (text.length > 1 ? ' …' : '');
      lines.push(`  ${c.bold(node.name)} ${c.dim(where)}  ${first}`);
      const paint = cmd.status === 'ok' ? c.green : cmd.status === 'not-run' ? c.dim : c.red;
      const word = COMMAND_WORD[cmd.status] + (cmd.exitCode !== null ? ` (exit ${cmd.exitCode})` : '');
      const status = cmd.note !== undefined ? `${word}: ${cmd.note}` : word;
      wrap(status, WIDTH - 6).forEach((l, i) => {
        lines.push(`      ${i === 0 ? paint(l.slice(0, word.length)) + c.dim(l.slice(word.length)) : c.dim(l)}`);
      });
      if (cmd.status !== 'not-run') lines.push(...outputExcerpt(cmd.output, OUTPUT_LINES, cmd.truncated, c, '      '));
    }
  }
  return lines;
}

function outputExcerpt(output: string, max: number, truncated: boolean, c: Colors, indent: string): string[] {
  const all = output.replace(/\s+$/, '').split('\n');
  if (all.length === 1 && all[0] === '') return [];
  const shown = all.slice(0, max).map((l) => `${indent}${c.dim('│')} ${clip(l, WIDTH - indent.length - 2)}`);
  const hidden = all.length - max;
  if (hidden > 0) shown.push(`${indent}${c.dim(`│ … ${hidden} more line${hidden === 1 ? '' : 's'}`)}`);
  else if (truncated) shown.push(`${indent}${c.dim('│ … (output was cut short)')}`);
  return shown;
}

function footer(r: GradeResult, options: TerminalOptions, c: Colors): string[] {
  const lines: string[] = [];
  if (options.htmlPath !== undefined) lines.push(`Full report: ${c.underline(options.htmlPath)}`);
  if (r.status === 'fail') lines.push(c.dim('Fix the checks marked ✘ and run grade again.'));
  if (r.labId !== null) lines.push(c.dim(`lab ${r.labId}`));
  return lines;
}

/** Word-wraps `text` to `width` columns, keeping its own line breaks. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter((w) => w !== '')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    out.push(line);
  }
  return out;
}

function clip(line: string, width: number): string {
  const clean = line.replace(/\t/g, '  ').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
  return clean.length > width ? `${clean.slice(0, width - 1)}…` : clean;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
