// Self-contained HTML report of one GradeResult. buildHtmlView prepares every string the page
// shows; the Handlebars template (html/report-template.ts) only loops and tests presence. Nothing
// here recomputes the grade: score, statuses and texts are taken from the result as given.

import Handlebars from 'handlebars';
import type { CheckResult, CheckStatus, CommandRecord, Evidence, GradeResult, GradeStatus, NodeReport } from '../core/result.js';
import { REPORT_TEMPLATE } from './html/report-template.js';
import { topologySvg } from './topology-svg.js';
import { CHECK_MARK, COMMAND_WORD } from './status-words.js';

export interface LabelledValue {
  readonly label: string;
  readonly value: string;
}

export interface EvidenceView {
  readonly node: string;
  readonly command: string;
  readonly exit: string;
  readonly output: string;
  readonly hasOutput: boolean;
  readonly notes: string | null;
}

export interface CheckView {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly cls: CheckStatus;
  readonly mark: string;
  readonly statusWord: string;
  readonly points: string;
  readonly expected: string;
  readonly observed: string;
  /** Only for checks that did not pass. */
  readonly hint: string | null;
  readonly causes: readonly { readonly id: string; readonly observed: string }[];
  readonly evidence: readonly EvidenceView[];
  readonly hasEvidence: boolean;
  readonly evidenceSummary: string;
  readonly duration: string;
}

export interface CommandView {
  readonly lines: string;
  readonly text: string;
  readonly cls: string;
  readonly statusWord: string;
  readonly exit: string;
  readonly duration: string;
  readonly note: string | null;
  readonly output: string;
  readonly hasOutput: boolean;
  readonly truncated: boolean;
}

export interface NodeView {
  readonly name: string;
  readonly role: string;
  readonly submissionFile: string | null;
  readonly commands: readonly CommandView[];
  readonly hasCommands: boolean;
  readonly state: { readonly addresses: string; readonly routes: string; readonly iptables: string } | null;
}

export interface HtmlView {
  readonly pageTitle: string;
  readonly exerciseId: string;
  readonly exerciseTitle: string;
  readonly summary: string;
  readonly cls: GradeStatus;
  readonly statusWord: string;
  readonly statusSentence: string;
  readonly score: string;
  readonly possible: string;
  /** Shown after the score when the run did not finish. */
  readonly scoreNote: string | null;
  readonly error: string | null;
  readonly meta: readonly LabelledValue[];
  readonly timings: readonly LabelledValue[];
  readonly topologySvg: string;
  readonly checks: readonly CheckView[];
  readonly nodes: readonly NodeView[];
  readonly generator: string;
}

const STATUS_WORD: Record<GradeStatus, string> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR' };
const STATUS_SENTENCE: Record<GradeStatus, string> = {
  pass: 'Every check passed.',
  fail: 'Some checks did not pass. Each one below says what was expected, what was found, and a hint.',
  error: 'The grader could not finish this run. This is not your fault.',
};
const CHECK_WORD: Record<CheckStatus, string> = { pass: 'passed', fail: 'failed', error: 'could not run' };

/** The prepared strings the report template shows. */
export function buildHtmlView(result: GradeResult): HtmlView {
  const s = result.submission;
  const meta: LabelledValue[] = [
    ...(result.exercise.variant ? [{ label: 'Variant', value: result.exercise.variant }] : []),
    { label: 'Submission', value: s.label ?? s.path ?? '(none)' },
    ...(s.path !== null && s.label !== null ? [{ label: 'Path', value: s.path }] : []),
    { label: 'Mode', value: s.mode },
    { label: 'Started', value: result.startedAt },
    { label: 'Took', value: duration(result.durationMs) },
    ...(result.labId !== null ? [{ label: 'Lab', value: result.labId }] : []),
  ];
  const t = result.timings;
  return {
    pageTitle: `${result.exercise.id} ${result.exercise.title}: ${result.score.earned}/${result.score.possible} ${STATUS_WORD[result.status]}`,
    exerciseId: result.exercise.id,
    exerciseTitle: result.exercise.title,
    summary: result.exercise.summary,
    cls: result.status,
    statusWord: STATUS_WORD[result.status],
    statusSentence: STATUS_SENTENCE[result.status],
    score: String(result.score.earned),
    possible: String(result.score.possible),
    scoreNote: result.status === 'error' ? 'incomplete: some checks could not run' : null,
    error: result.error,
    meta,
    timings: [
      { label: 'Provision', value: duration(t.provisionMs) },
      { label: 'Submission', value: duration(t.submissionMs) },
      { label: 'Checks', value: duration(t.checksMs) },
      { label: 'Teardown', value: duration(t.teardownMs) },
    ],
    topologySvg: topologySvg(result.topology),
    checks: result.checks.map(checkView),
    nodes: result.nodes.map(nodeView),
    generator: `${result.tool.name} ${result.tool.version}`,
  };
}

function checkView(c: CheckResult): CheckView {
  const n = c.evidence.length;
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    cls: c.status,
    mark: CHECK_MARK[c.status],
    statusWord: CHECK_WORD[c.status],
    points: `${c.earned}/${c.points}`,
    expected: c.expected,
    observed: c.observed,
    hint: c.status !== 'pass' && c.hint !== undefined ? c.hint : null,
    causes: (c.causes ?? []).map((cause) => ({ id: cause.id, observed: cause.observed })),
    evidence: c.evidence.map(evidenceView),
    hasEvidence: n > 0,
    evidenceSummary: `Evidence: ${n} command${n === 1 ? '' : 's'} the grader ran`,
    duration: duration(c.durationMs),
  };
}

function evidenceView(e: Evidence): EvidenceView {
  const notes = [e.timedOut ? 'timed out' : null, e.truncated ? 'output cut short' : null].filter((x) => x !== null);
  return {
    node: e.node,
    command: e.command,
    exit: e.exitCode === null ? 'no exit status' : `exit ${e.exitCode}`,
    output: e.output,
    hasOutput: e.output !== '',
    notes: notes.length > 0 ? notes.join(', ') : null,
  };
}

function nodeView(n: NodeReport): NodeView {
  return {
    name: n.name,
    role: n.role,
    submissionFile: n.submissionFile,
    commands: n.commands.map(commandView),
    hasCommands: n.commands.length > 0,
    state: n.state,
  };
}

function commandView(c: CommandRecord): CommandView {
  return {
    lines: c.endLine > c.line ? `${c.line}–${c.endLine}` : String(c.line),
    text: c.text,
    cls: c.status,
    statusWord: COMMAND_WORD[c.status],
    exit: c.exitCode === null ? '' : `exit ${c.exitCode}`,
    duration: c.durationMs === null ? '' : duration(c.durationMs),
    note: c.note ?? null,
    output: c.output,
    hasOutput: c.output !== '',
    truncated: c.truncated,
  };
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

let compiled: Handlebars.TemplateDelegate<HtmlView> | undefined;

/** The full HTML page for `result`: inline CSS, inline SVG, no scripts and no external assets. */
export function renderHtml(result: GradeResult): string {
  compiled ??= Handlebars.create().compile<HtmlView>(REPORT_TEMPLATE, { strict: true, knownHelpersOnly: true });
  return compiled(buildHtmlView(result));
}
