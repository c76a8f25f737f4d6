// The look both HTML pages share, the single-result report (report-template.ts) and a batch's
// summary.html (lms/gradebook/summary-template.ts): palette, type, code, tags, figures, footer.
// Each page adds only its own rules after it, so a colour changes in one place.

export const BASE_STYLE = `
:root { color-scheme: light; --pass: #1f7a3f; --pass-bg: #e3f4e8; --fail: #b3261e; --fail-bg: #fbe7e5;
  --error: #8a5a00; --error-bg: #fff3d6; --invalid: #5c4a99; --invalid-bg: #ece8fb; --ink: #1f2430; --muted: #5c6475;
  --line: #d9dde5; --panel: #f6f7f9; --bar: #3563b0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
code { background: var(--panel); padding: 1px 5px; border-radius: 4px; }
.tag { display: inline-block; font-size: 12px; font-weight: 700; padding: 1px 8px; border-radius: 10px; background: var(--panel); color: var(--muted); }
.tag.pass { background: var(--pass-bg); color: var(--pass); }
.tag.fail { background: var(--fail-bg); color: var(--fail); }
.tag.error { background: var(--error-bg); color: var(--error); }
.figure { border: 1px solid var(--line); border-radius: 10px; padding: 12px; background: #fcfcfd; overflow-x: auto; }
.muted { color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
`;
