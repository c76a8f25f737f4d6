// Plain-text summary of one GradeResult for the learner's terminal. Renders only: every number
// and status comes from the result as given.

import pc from 'picocolors';
import { say, type Lang } from '../core/lang.js';
import type { CheckResult, GradeResult, NodeReport } from '../core/result.js';
import { columns, padColumns, sliceColumns } from '../core/text-width.js';
import { reportText } from './messages.js';
import { visibleDeep } from './visible-text.js';
import { CHECK_MARK, COMMAND_WORDS, GRADE_STATUS_WORDS } from './status-words.js';

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

export function renderTerminal(graded: GradeResult, options: TerminalOptions): string {
  // Commands, outputs and names are the learner's: no escape sequence of theirs reaches the terminal.
  const result = visibleDeep(graded);
  const c = pc.createColors(options.color);
  const verbose = options.verbose ?? false;
  // The result says its language (grading/localize-result.ts); a result without one is English.
  const lang = result.lang ?? 'en';
  const out: string[] = [];

  out.push(...header(result, c, lang), '');
  if (result.status === 'error' && result.error !== null) out.push(...errorBlock(result.error, c, lang), '');

  out.push(c.bold(reportText(lang, 'checks')));
  if (result.checks.length === 0) out.push(c.dim(`  ${reportText(lang, 'noChecksRun')}`));
  const titleWidth = Math.min(44, Math.max(0, ...result.checks.map((ch) => columns(ch.title))));
  for (const check of result.checks) out.push(...checkLines(check, c, verbose, titleWidth, lang));

  const commands = commandLines(result.nodes, c, verbose, lang);
  if (commands.length > 0) {
    out.push('', c.bold(reportText(lang, verbose ? 'yourCommands' : 'commandsNotSucceeded')), ...commands);
  }

  out.push('', ...footer(result, options, c, lang));
  return out.join('\n') + '\n';
}

function header(r: GradeResult, c: Colors, lang: Lang): string[] {
  const paint = r.status === 'pass' ? c.green : r.status === 'fail' ? c.red : c.yellow;
  const badge = paint(c.bold(say(GRADE_STATUS_WORDS[r.status], lang)));
  const score = reportText(lang, 'scorePoints', { earned: r.score.earned, possible: r.score.possible });
  const who = r.submission.label ?? r.submission.path ?? r.submission.mode;
  return [
    c.bold(`${r.exercise.id} · ${r.exercise.title}`) + (r.exercise.variant ? c.dim(` · ${reportText(lang, 'variant', { id: r.exercise.variant })}`) : ''),
    `${badge}  ${c.bold(score)}${r.status === 'error' ? c.dim(` ${reportText(lang, 'incomplete')}`) : ''}  ${c.dim(`${who}, ${seconds(r.durationMs)}`)}`,
  ];
}

function errorBlock(error: string, c: Colors, lang: Lang): string[] {
  return [
    c.yellow(c.bold(reportText(lang, 'notYourFault'))),
    ...wrap(error, WIDTH - 2).map((l) => `  ${l}`),
  ];
}

function checkLines(check: CheckResult, c: Colors, verbose: boolean, titleWidth: number, lang: Lang): string[] {
  const paint = check.status === 'pass' ? c.green : check.status === 'fail' ? c.red : c.yellow;
  const points = `${check.earned}/${check.points}`.padStart(5);
  const title = padColumns(check.title, titleWidth);
  const lines = [`  ${paint(CHECK_MARK[check.status])} ${title} ${points}  ${c.dim(check.id)}`];
  if (check.status === 'pass' && !verbose) return lines;
  lines.push(...labelled(reportText(lang, 'expectedLabel'), check.expected, c));
  lines.push(...labelled(reportText(lang, 'observedLabel'), check.observed, c));
  for (const cause of check.causes ?? []) lines.push(...labelled(reportText(lang, 'becauseLabel'), `${cause.observed} (${cause.id})`, c, c.yellow));
  if (check.status !== 'pass' && check.hint !== undefined) lines.push(...labelled(reportText(lang, 'hintLabel'), check.hint, c, c.cyan));
  if (verbose && check.status !== 'pass') {
    for (const e of check.evidence) {
      lines.push(`      ${c.dim(`$ ${e.node}: ${e.command}`)}${e.timedOut ? c.yellow(` (${reportText(lang, 'timedOut')})`) : ''}`);
      lines.push(...outputExcerpt(e.output, EVIDENCE_LINES, e.truncated, c, '        ', lang));
    }
  }
  return lines;
}

function labelled(label: string, text: string, c: Colors, paint: (s: string) => string = (s) => s): string[] {
  const pad = ' '.repeat(6);
  const head = padColumns(`${label}:`, Math.max(10, columns(label) + 2));
  const headWidth = columns(head);
  return wrap(text, WIDTH - pad.length - headWidth).map((l, i) =>
    i === 0 ? `${pad}${c.dim(head)}${paint(l)}` : `${pad}${' '.repeat(headWidth)}${paint(l)}`,
  );
}

function commandLines(nodes: readonly NodeReport[], c: Colors, verbose: boolean, lang: Lang): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    for (const cmd of node.commands) {
      if (cmd.status === 'ok' && !verbose) continue;
      const where = cmd.endLine > cmd.line ? reportText(lang, 'lines', { from: cmd.line, to: cmd.endLine }) : reportText(lang, 'line', { n: cmd.line });
      const text = cmd.text.split('\n');
      const first = (text[0] ?? '') + (text.length > 1 ? ' …' : '');
      lines.push(`  ${c.bold(node.name)} ${c.dim(where)}  ${first}`);
      const paint = cmd.status === 'ok' ? c.green : cmd.status === 'not-run' ? c.dim : c.red;
      const word = say(COMMAND_WORDS[cmd.status], lang) + (cmd.exitCode !== null ? ` (${reportText(lang, 'exit', { code: cmd.exitCode })})` : '');
      const status = cmd.note !== undefined ? `${word}: ${cmd.note}` : word;
      wrap(status, WIDTH - 6).forEach((l, i) => {
        lines.push(`      ${i === 0 ? paint(l.slice(0, word.length)) + c.dim(l.slice(word.length)) : c.dim(l)}`);
      });
      if (cmd.status === 'not-run') continue;
      // What the learner's command printed is theirs, told apart from what grade observed.
      if (cmd.output.trim() !== '') lines.push(`      ${c.dim(reportText(lang, 'printedLabel'))}`);
      lines.push(...outputExcerpt(cmd.output, OUTPUT_LINES, cmd.truncated, c, '      ', lang));
    }
  }
  return lines;
}

function outputExcerpt(output: string, max: number, truncated: boolean, c: Colors, indent: string, lang: Lang): string[] {
  const all = output.replace(/\s+$/, '').split('\n');
  if (all.length === 1 && all[0] === '') return [];
  const shown = all.slice(0, max).map((l) => `${indent}${c.dim('│')} ${clip(l, WIDTH - indent.length - 2)}`);
  const hidden = all.length - max;
  const more = hidden === 1 ? reportText(lang, 'oneMoreLine') : reportText(lang, 'moreLines', { n: hidden });
  if (hidden > 0) shown.push(`${indent}${c.dim(`│ ${more}`)}`);
  else if (truncated) shown.push(`${indent}${c.dim(`│ ${reportText(lang, 'outputCut')}`)}`);
  return shown;
}

function footer(r: GradeResult, options: TerminalOptions, c: Colors, lang: Lang): string[] {
  const lines: string[] = [];
  if (options.htmlPath !== undefined) lines.push(`${reportText(lang, 'fullReport')} ${c.underline(options.htmlPath)}`);
  if (r.status === 'fail') lines.push(c.dim(reportText(lang, 'fixAndRerun')));
  if (r.labId !== null) lines.push(c.dim(reportText(lang, 'labId', { id: r.labId })));
  return lines;
}

/** Word-wraps `text` to `width` columns (Hangul counts two), keeping its own line breaks. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter((w) => w !== '')) {
      if (line !== '' && columns(line) + 1 + columns(word) > width) {
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
  return columns(clean) > width ? `${sliceColumns(clean, width - 1)}…` : clean;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
