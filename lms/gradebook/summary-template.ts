// summary.html as a Handlebars template: logic-free ({{#each}} / {{#if}} over summary-view.ts's view),
// every value escaped, inline CSS in the look of the single-result report (reports/html/), inline SVG
// charts, no scripts and nothing loaded from anywhere.

const STYLE = `
:root { color-scheme: light; --pass: #1f7a3f; --pass-bg: #e3f4e8; --fail: #b3261e; --fail-bg: #fbe7e5;
  --error: #8a5a00; --error-bg: #fff3d6; --invalid: #5c4a99; --invalid-bg: #ece8fb; --ink: #1f2430; --muted: #5c6475;
  --line: #d9dde5; --panel: #f6f7f9; --bar: #3563b0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 18px 0 6px; }
h3 .id { color: var(--muted); margin-right: 8px; }
p.summary, .muted { color: var(--muted); }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; background: var(--panel); padding: 1px 5px; border-radius: 4px; }
.counts { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 0; }
.count { border: 2px solid; border-radius: 10px; padding: 10px 18px; min-width: 120px; }
.count .n { display: block; font-size: 30px; font-weight: 800; line-height: 1.1; }
.count.pass { border-color: var(--pass); background: var(--pass-bg); }
.count.fail { border-color: var(--fail); background: var(--fail-bg); }
.count.error { border-color: var(--error); background: var(--error-bg); }
.count.invalid { border-color: var(--invalid); background: var(--invalid-bg); }
.tag { display: inline-block; font-size: 12px; font-weight: 700; padding: 1px 8px; border-radius: 10px; background: var(--panel); color: var(--muted); }
.tag.pass { background: var(--pass-bg); color: var(--pass); }
.tag.fail { background: var(--fail-bg); color: var(--fail); }
.tag.error { background: var(--error-bg); color: var(--error); }
.tag.invalid { background: var(--invalid-bg); color: var(--invalid); }
.figure { border: 1px solid var(--line); border-radius: 10px; padding: 12px; background: #fcfcfd; overflow-x: auto; margin: 8px 0; }
svg { max-width: 100%; height: auto; display: block; font: 12px system-ui, sans-serif; }
svg .bar { fill: var(--bar); }
svg .track { fill: var(--panel); }
svg .rate.low { fill: var(--fail); } svg .rate.mid { fill: var(--error); } svg .rate.high { fill: var(--pass); }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg text { fill: var(--ink); }
svg text.tick, svg text.note { fill: var(--muted); }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); padding: 4px 8px; border-bottom: 1px solid var(--line); }
td { vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
a { color: #2f5fa8; }
.hint-box { padding: 10px 14px; border-radius: 6px; background: #eaf1fd; border: 1px solid #c6d7f5; margin: 0 0 12px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
`;

export const SUMMARY_TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>{{title}}</h1>
<p class="summary">{{learners}}</p>
<section class="counts">
{{#each counts}}  <div class="count {{cls}}"><span class="n">{{count}}</span>{{label}}</div>
{{/each}}</section>

{{#each exercises}}
<h2 id="exercise-{{id}}"><span class="id">{{id}}</span> {{title}}</h2>
<p class="muted">{{graded}} graded, average {{average}} of {{possible}} points (invalid submissions and grader errors are left out).</p>
<h3>Scores</h3>
<div class="figure">
<svg xmlns="http://www.w3.org/2000/svg" class="histogram" viewBox="0 0 {{histogram.width}} {{histogram.height}}" width="{{histogram.width}}" height="{{histogram.height}}" role="img" aria-label="{{histogram.label}}">
  <line class="axis" x1="40" y1="{{histogram.baseY}}" x2="{{histogram.plotRight}}" y2="{{histogram.baseY}}"/>
{{#each histogram.bars}}  <rect class="bar" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{title}}</title></rect>
  <text x="{{countX}}" y="{{countY}}" text-anchor="middle">{{count}}</text>
  <text class="tick" x="{{countX}}" y="{{tickY}}" text-anchor="middle">{{tick}}</text>
{{/each}}  <text class="note" x="40" y="{{histogram.height}}" dy="-4">{{histogram.label}}</text>
</svg>
</div>
{{#if hasChecks}}
<h3>Pass rate per check</h3>
<div class="figure">
<svg xmlns="http://www.w3.org/2000/svg" class="rates" viewBox="0 0 {{checkChart.width}} {{checkChart.height}}" width="{{checkChart.width}}" height="{{checkChart.height}}" role="img" aria-label="Pass rate of each check">
{{#each checkChart.rates}}  <g class="check-rate" id="rate-{{id}}"><title>{{title}}: {{rate}} ({{detail}})</title>
    <text x="0" y="{{textY}}">{{shortTitle}}</text>
    <rect class="track" x="{{barX}}" y="{{y}}" width="{{fullWidth}}" height="16"/>
    <rect class="rate {{cls}}" x="{{barX}}" y="{{y}}" width="{{width}}" height="16"/>
    <text x="{{rateX}}" y="{{textY}}">{{rate}} <tspan class="tick">{{detail}}</tspan></text>
  </g>
{{/each}}</svg>
</div>
{{/if}}
{{/each}}

{{#if lmsNotes}}
<h2>For the LMS files</h2>
<ul class="lms-notes">
{{#each lmsNotes}}<li>{{this}}</li>
{{/each}}</ul>
{{/if}}

<h2>Needs a look</h2>
{{#if problems}}
<table class="problems">
<thead><tr><th>Learner</th><th>Exercise</th><th>Status</th><th>Score</th><th>Why</th></tr></thead>
<tbody>
{{#each problems}}<tr><td>{{#if href}}<a href="{{href}}">{{learner}}</a>{{else}}{{learner}}{{/if}}{{#if name}} <span class="muted">{{name}}</span>{{/if}}</td><td>{{exercise}}</td><td><span class="tag {{cls}}">{{status}}</span></td><td>{{score}}</td><td>{{detail}}</td></tr>
{{/each}}</tbody>
</table>
{{else}}
<p class="muted">Every submission passed.</p>
{{/if}}

<h2>Slowest gradings</h2>
{{#if slowest}}
<table class="slowest">
<thead><tr><th>Learner</th><th>Exercise</th><th>Took</th><th>Status</th></tr></thead>
<tbody>
{{#each slowest}}<tr><td>{{#if href}}<a href="{{href}}">{{learner}}</a>{{else}}{{learner}}{{/if}}</td><td>{{exercise}}</td><td>{{duration}}</td><td><span class="tag {{cls}}">{{status}}</span></td></tr>
{{/each}}</tbody>
</table>
{{else}}
<p class="muted">Nothing was graded.</p>
{{/if}}

<h2>Similar submissions</h2>
<p class="hint-box">A hint for the teacher, never a penalty: similar commands can have honest reasons (a shared lesson, a study group, a short task). Look at the submissions before drawing any conclusion.</p>
<p class="muted">{{similarityRule}}</p>
{{#if groups}}
<table class="similar">
<thead><tr><th>Exercise</th><th>Learners</th><th>Shared (lowest pair)</th><th>Own lines (smallest)</th></tr></thead>
<tbody>
{{#each groups}}<tr><td>{{exercise}}</td><td>{{#each learners}}<a href="{{href}}">{{learner}}</a> {{/each}}</td><td>{{similarity}}</td><td>{{lines}}</td></tr>
{{/each}}</tbody>
</table>
{{else}}
<p class="muted">No similar submissions.</p>
{{/if}}

<footer>Generated by {{generator}}{{#if generatedAt}} on {{generatedAt}}{{/if}}.</footer>
</main>
</body>
</html>
`;
