// Self-contained HTML report of one GradeResult. buildHtmlView prepares every string the page
// shows; the Handlebars template (html/report-template.ts) only loops and tests presence. Nothing
// here recomputes the grade: score, statuses and texts are taken from the result as given.

import Handlebars from 'handlebars';
import { visibleDeep } from './visible-text.js';
import { say, type Lang } from '../core/lang.js';
import type { CheckResult, CheckStatus, CommandRecord, Evidence, GradeResult, GradeStatus, NodeReport } from '../core/result.js';
import { REPORT_TEMPLATE } from './html/report-template.js';
import { reportText, type ReportKey } from './messages.js';
import { mapView, type MapView } from './map-view.js';
import { CHECK_MARK, CHECK_STATUS_WORDS, COMMAND_WORDS, GRADE_STATUS_WORDS } from './status-words.js';

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
  readonly stateSummary: string;
}

/** The fixed words the template shows as they are (`{{@root.words.hint}}`), in the report's language. */
const TEMPLATE_WORDS = [
  'pointsUnit', 'whatWentWrong', 'topology', 'checks', 'expected', 'observed', 'because', 'hint', 'noOutput', 'noChecks',
  'yourCommands', 'columnLine', 'columnCommand', 'columnStatus', 'outputWasCut', 'noSubmission', 'noRules', 'stateUnreadable',
] as const satisfies readonly ReportKey[];

export interface HtmlView extends MapView {
  /** `<html lang>`: the language of the result's texts and of the fixed words. */
  readonly lang: Lang;
  readonly words: Readonly<Record<(typeof TEMPLATE_WORDS)[number], string>>;
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
  readonly checks: readonly CheckView[];
  readonly nodes: readonly NodeView[];
  readonly generator: string;
  readonly generatedBy: string;
}

const STATUS_SENTENCE: Record<GradeStatus, ReportKey> = { pass: 'sentencePass', fail: 'sentenceFail', error: 'notYourFault' };

/** The prepared strings the report template shows, in the result's language (English when it names none). */
export function buildHtmlView(result: GradeResult): HtmlView {
  const lang = result.lang ?? 'en';
  const w = (key: ReportKey) => reportText(lang, key);
  const s = result.submission;
  const meta: LabelledValue[] = [
    ...(result.exercise.variant ? [{ label: w('metaVariant'), value: result.exercise.variant }] : []),
    { label: w('metaSubmission'), value: s.label ?? s.path ?? w('none') },
    ...(s.path !== null && s.label !== null ? [{ label: w('metaPath'), value: s.path }] : []),
    { label: w('metaMode'), value: s.mode },
    { label: w('metaStarted'), value: result.startedAt },
    { label: w('metaTook'), value: duration(result.durationMs) },
    ...(result.labId !== null ? [{ label: w('metaLab'), value: result.labId }] : []),
  ];
  const t = result.timings;
  const statusWord = say(GRADE_STATUS_WORDS[result.status], lang);
  const generator = `${result.tool.name} ${result.tool.version}`;
  return {
    lang,
    words: Object.fromEntries(TEMPLATE_WORDS.map((key) => [key, w(key)])) as HtmlView['words'],
    pageTitle: `${result.exercise.id} ${result.exercise.title}: ${result.score.earned}/${result.score.possible} ${statusWord}`,
    exerciseId: result.exercise.id,
    exerciseTitle: result.exercise.title,
    summary: result.exercise.summary,
    cls: result.status,
    statusWord,
    statusSentence: w(STATUS_SENTENCE[result.status]),
    score: String(result.score.earned),
    possible: String(result.score.possible),
    scoreNote: result.status === 'error' ? w('scoreNote') : null,
    error: result.error,
    meta,
    timings: [
      { label: w('timingProvision'), value: duration(t.provisionMs) },
      { label: w('timingSubmission'), value: duration(t.submissionMs) },
      { label: w('timingChecks'), value: duration(t.checksMs) },
      { label: w('timingTeardown'), value: duration(t.teardownMs) },
    ],
    ...mapView(result.topology, result.checks, result.lang ?? 'en'),
    checks: result.checks.map((c) => checkView(c, lang)),
    nodes: result.nodes.map((n) => nodeView(n, lang)),
    generator,
    generatedBy: reportText(lang, 'generatedBy', { generator }),
  };
}

function checkView(c: CheckResult, lang: Lang): CheckView {
  const n = c.evidence.length;
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    cls: c.status,
    mark: CHECK_MARK[c.status],
    statusWord: say(CHECK_STATUS_WORDS[c.status], lang),
    points: `${c.earned}/${c.points}`,
    expected: c.expected,
    observed: c.observed,
    hint: c.status !== 'pass' && c.hint !== undefined ? c.hint : null,
    causes: (c.causes ?? []).map((cause) => ({ id: cause.id, observed: cause.observed })),
    evidence: c.evidence.map((e) => evidenceView(e, lang)),
    hasEvidence: n > 0,
    evidenceSummary: n === 1 ? reportText(lang, 'oneEvidence') : reportText(lang, 'evidence', { n }),
    duration: duration(c.durationMs),
  };
}

function evidenceView(e: Evidence, lang: Lang): EvidenceView {
  const notes = [e.timedOut ? reportText(lang, 'timedOut') : null, e.truncated ? reportText(lang, 'outputCutShort') : null].filter((x) => x !== null);
  return {
    node: e.node,
    command: e.command,
    exit: e.exitCode === null ? reportText(lang, 'noExitStatus') : reportText(lang, 'exit', { code: e.exitCode }),
    output: e.output,
    hasOutput: e.output !== '',
    notes: notes.length > 0 ? notes.join(', ') : null,
  };
}

function nodeView(n: NodeReport, lang: Lang): NodeView {
  return {
    name: n.name,
    role: n.role,
    submissionFile: n.submissionFile,
    commands: n.commands.map((c) => commandView(c, lang)),
    hasCommands: n.commands.length > 0,
    state: n.state,
    stateSummary: reportText(lang, 'finalState', { node: n.name }),
  };
}

function commandView(c: CommandRecord, lang: Lang): CommandView {
  return {
    lines: c.endLine > c.line ? `${c.line}–${c.endLine}` : String(c.line),
    text: c.text,
    cls: c.status,
    statusWord: say(COMMAND_WORDS[c.status], lang),
    exit: c.exitCode === null ? '' : reportText(lang, 'exit', { code: c.exitCode }),
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
  return compiled(buildHtmlView(visibleDeep(result)));
}
