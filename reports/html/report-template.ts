// The HTML report page, as a Handlebars template. Kept as a TS string so it ships inside dist/
// (tsc does not copy .hbs files). Logic-free: only {{#each}} / {{#if}} over the view built by
// reports/html-reporter.ts buildHtmlView. Everything is escaped except the topology SVG, which
// topology-svg.ts escapes itself.

import { BASE_STYLE } from './base-style.js';

// The report's own rules, after the look it shares with summary.html.
const STYLE = `
h1 .id { color: var(--muted); font-weight: 600; margin-right: 8px; }
h3 { margin: 0; }
p.summary { margin: 0 0 18px; color: var(--muted); max-width: 760px; }
pre { margin: 6px 0 0; padding: 10px 12px; background: #20242c; color: #e5e9f0; border-radius: 6px;
  overflow: auto; max-height: 360px; white-space: pre-wrap; word-break: break-word; }
.banner { display: flex; flex-wrap: wrap; align-items: center; gap: 18px 28px; padding: 16px 20px;
  border-radius: 10px; border: 2px solid; }
.banner.pass { border-color: var(--pass); background: var(--pass-bg); }
.banner.fail { border-color: var(--fail); background: var(--fail-bg); }
.banner.error { border-color: var(--error); background: var(--error-bg); }
.badge { display: inline-block; font-weight: 800; letter-spacing: .06em; color: #fff; padding: 4px 12px; border-radius: 6px; font-size: 14px; }
.pass .badge, .badge.pass { background: var(--pass); }
.fail .badge, .badge.fail { background: var(--fail); }
.error .badge, .badge.error { background: var(--error); }
.score { font-size: 34px; font-weight: 800; line-height: 1; }
.score small { font-size: 16px; font-weight: 600; color: var(--muted); }
.score .score-note { display: block; font-size: 12px; font-weight: 500; margin-top: 4px; }
.banner p { margin: 0; flex: 1 1 260px; }
.error-box { margin-top: 14px; padding: 12px 16px; border-left: 5px solid var(--error); background: var(--error-bg); border-radius: 6px; }
.error-box strong { display: block; margin-bottom: 4px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 16px 0 0; font-size: 14px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.timings { color: var(--muted); font-size: 13px; margin-top: 6px; }
.timings span { margin-right: 14px; white-space: nowrap; }
.topology { max-width: 100%; height: auto; display: block; margin: 0 auto; }
ol.breaks { list-style: none; margin: 10px 0 0; padding: 10px 0 0; border-top: 1px solid var(--line); font-size: 14px; }
ol.breaks li { margin: 0 0 6px; padding-left: 52px; text-indent: -52px; }
ol.breaks .pill { display: inline-block; min-width: 44px; text-indent: 0; text-align: center; font-weight: 800; color: #fff; background: #c62828; border-radius: 10px; padding: 0 8px; margin-right: 4px; }
ol.breaks li.unclear .pill { background: #6b7280; }
.check { border: 1px solid var(--line); border-left: 6px solid; border-radius: 8px; padding: 12px 16px; margin: 0 0 12px; }
.check.pass { border-left-color: var(--pass); }
.check.fail { border-left-color: var(--fail); background: #fffafa; }
.check.error { border-left-color: var(--error); background: #fffdf6; }
.check header { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
.mark { font-weight: 800; width: 1.2em; }
.check.pass .mark { color: var(--pass); } .check.fail .mark { color: var(--fail); } .check.error .mark { color: var(--error); }
.check .pts { margin-left: auto; font-weight: 700; }
.check .sub { color: var(--muted); font-size: 13px; }
.eo { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin-top: 10px; }
.eo div { background: var(--panel); border-radius: 6px; padding: 8px 12px; }
.eo .label { display: block; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 700; }
.cause { margin-top: 10px; padding: 8px 12px; border-radius: 6px; background: #fff6e0; border: 1px solid #f0d58c; }
.cause .label { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 700; margin-right: 8px; }
.hint { margin-top: 10px; padding: 8px 12px; border-radius: 6px; background: #eaf1fd; border: 1px solid #c6d7f5; }
.hint strong { margin-right: 4px; }
details { margin-top: 10px; }
summary { cursor: pointer; color: #2f5fa8; font-weight: 600; font-size: 14px; }
.ev { margin-top: 10px; }
.ev .cmd { font-size: 13px; }
.ev .cmd .ev-node { font-weight: 700; }
.tag.ok { background: var(--pass-bg); color: var(--pass); }
.tag.failed, .tag.syntax-error { background: var(--fail-bg); color: var(--fail); }
.tag.timed-out { background: var(--error-bg); color: var(--error); }
.node-card { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin: 0 0 14px; }
.node-card > header { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.node-card .role { color: var(--muted); font-size: 13px; }
.node-card .file { margin-left: auto; font-size: 13px; color: var(--muted); }
table.cmds { width: 100%; border-collapse: collapse; margin-top: 10px; font-size: 14px; table-layout: fixed; }
table.cmds th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); padding: 4px 8px; border-bottom: 1px solid var(--line); }
table.cmds td { vertical-align: top; padding: 8px; border-bottom: 1px solid var(--line); }
table.cmds .line { width: 64px; color: var(--muted); font-family: ui-monospace, monospace; }
table.cmds .st { width: 170px; }
table.cmds pre.text { margin: 0; background: var(--panel); color: var(--ink); padding: 4px 8px; }
tr.not-run pre.text { color: var(--muted); }
.note { font-size: 13px; color: var(--muted); margin-top: 4px; }
@media (max-width: 700px) { .eo { grid-template-columns: 1fr; } table.cmds .st { width: 110px; } }
@media print { pre { max-height: none; } details { display: block; } }
`;

export const REPORT_TEMPLATE = `<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{pageTitle}}</title>
<style>${BASE_STYLE}${STYLE}</style>
</head>
<body>
<main>
<h1><span class="id">{{exerciseId}}</span>{{exerciseTitle}}</h1>
<p class="summary">{{summary}}</p>

<section class="banner {{cls}}">
  <span class="badge">{{statusWord}}</span>
  <span class="score">{{score}}<small> / {{possible}} {{words.pointsUnit}}</small>{{#if scoreNote}}<small class="score-note">{{scoreNote}}</small>{{/if}}</span>
  <p>{{statusSentence}}</p>
</section>
{{#if error}}
<div class="error-box" role="alert"><strong>{{words.whatWentWrong}}</strong>{{error}}</div>
{{/if}}
<dl class="meta">
{{#each meta}}  <dt>{{label}}</dt><dd>{{value}}</dd>
{{/each}}</dl>
<div class="timings">{{#each timings}}<span>{{label}} {{value}}</span>{{/each}}</div>

<h2>{{words.topology}}</h2>
<div class="figure">{{{topologySvg}}}
{{#if hasPathBreaks}}<ol class="breaks" aria-label="{{pathBreaksTitle}}">
{{#each pathBreaks}}  <li class="{{cls}}"><span class="pill">{{mark}}</span> <a href="#check-{{checkId}}">{{title}}</a> — <strong>{{label}}</strong>: {{reason}}</li>
{{/each}}</ol>{{/if}}</div>

<h2>{{words.checks}}</h2>
{{#each checks}}
<article class="check {{cls}}" id="check-{{id}}">
  <header>
    <span class="mark" aria-hidden="true">{{mark}}</span>
    <h3>{{title}}</h3>
    <span class="tag {{cls}}">{{statusWord}}</span>
    <span class="pts">{{points}}</span>
  </header>
  <div class="sub"><code>{{id}}</code> · {{kind}} · {{duration}}</div>
  <div class="eo">
    <div><span class="label">{{@root.words.expected}}</span>{{expected}}</div>
    <div><span class="label">{{@root.words.observed}}</span>{{observed}}</div>
  </div>
  {{#each causes}}<div class="cause"><span class="label">{{@root.words.because}}</span>{{observed}} <code>{{id}}</code></div>{{/each}}
  {{#if hint}}<div class="hint"><strong>{{@root.words.hint}}:</strong>{{hint}}</div>{{/if}}
  {{#if hasEvidence}}
  <details>
    <summary>{{evidenceSummary}}</summary>
    {{#each evidence}}
    <div class="ev">
      <div class="cmd"><span class="ev-node">{{node}}</span> <code>$ {{command}}</code> <span class="tag">{{exit}}</span>{{#if notes}} <span class="tag timed-out">{{notes}}</span>{{/if}}</div>
      {{#if hasOutput}}<pre>{{output}}</pre>{{else}}<div class="note">{{@root.words.noOutput}}</div>{{/if}}
    </div>
    {{/each}}
  </details>
  {{/if}}
</article>
{{else}}
<p class="muted">{{words.noChecks}}</p>
{{/each}}

<h2>{{words.yourCommands}}</h2>
{{#each nodes}}
<section class="node-card" id="node-{{name}}">
  <header>
    <h3>{{name}}</h3><span class="role">{{role}}</span>
    {{#if submissionFile}}<span class="file"><code>{{submissionFile}}</code></span>{{/if}}
  </header>
  {{#if hasCommands}}
  <table class="cmds">
    <thead><tr><th class="line">{{@root.words.columnLine}}</th><th>{{@root.words.columnCommand}}</th><th class="st">{{@root.words.columnStatus}}</th></tr></thead>
    <tbody>
    {{#each commands}}
    <tr class="{{cls}}">
      <td class="line">{{lines}}</td>
      <td><pre class="text">{{text}}</pre>
        {{#if hasOutput}}<pre>{{output}}</pre>{{/if}}
        {{#if truncated}}<div class="note">{{@root.words.outputWasCut}}</div>{{/if}}
        {{#if note}}<div class="note">{{note}}</div>{{/if}}</td>
      <td class="st"><span class="tag {{cls}}">{{statusWord}}</span><div class="note">{{exit}} {{duration}}</div></td>
    </tr>
    {{/each}}
    </tbody>
  </table>
  {{else}}
  <p class="muted">{{@root.words.noSubmission}}</p>
  {{/if}}
  {{#if state}}
  <details>
    <summary>{{stateSummary}}</summary>
    <div class="ev"><div class="cmd"><code>ip addr</code></div><pre>{{state.addresses}}</pre></div>
    <div class="ev"><div class="cmd"><code>ip route</code></div><pre>{{state.routes}}</pre></div>
    <div class="ev"><div class="cmd"><code>iptables-save</code></div>{{#if state.iptables}}<pre>{{state.iptables}}</pre>{{else}}<div class="note">{{@root.words.noRules}}</div>{{/if}}</div>
  </details>
  {{else}}
  <p class="note">{{@root.words.stateUnreadable}}</p>
  {{/if}}
</section>
{{/each}}

<footer>{{generatedBy}}</footer>
</main>
</body>
</html>
`;
