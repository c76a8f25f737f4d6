import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { SUMMARY_TEMPLATE } from './summary-template.js';
import { findSimilar } from './similar.js';
import { renderSummary, summaryReporter } from './summary.js';
import { histogram } from './summary-view.js';
import { EX01_BASE_LINES, entry, resultFor, sampleBook } from './test-book.js';

interface El { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: El[]; value?: string }

function elements(node: El): El[] {
  const kids = (node as { content?: El }).content?.childNodes ?? node.childNodes ?? [];
  return kids.flatMap((k) => (k.tagName ? [k, ...elements(k)] : elements(k)));
}
const attr = (el: El, name: string) => el.attrs?.find((a) => a.name === name)?.value;
const text = (el: El): string => (el.nodeName === '#text' ? el.value ?? '' : (el.childNodes ?? []).map(text).join(''));
const withClass = (els: El[], tag: string, cls: string) => els.filter((e) => e.tagName === tag && (attr(e, 'class') ?? '').split(' ').includes(cls));

describe('summary.html', () => {
  const book = sampleBook();
  const hostile = entry('<script>alert(1)</script>', resultFor('ex01-fail', 'x'), { displayName: '<img src=x onerror=alert(1)>' });
  const withHostile = { ...book, entries: [...book.entries, hostile] };
  const html = renderSummary(withHostile, findSimilar(withHostile, { baseLines: { ex01: EX01_BASE_LINES } }), '2025-03-03 10:00 UTC');
  const all = elements(parse(html) as unknown as El);

  it('is self-contained: no scripts, no external links, fonts or images', () => {
    expect(all.filter((e) => ['script', 'link', 'img', 'iframe', 'object', 'embed'].includes(e.tagName!))).toEqual([]);
    for (const el of all) for (const a of el.attrs ?? []) {
      expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
      if (['href', 'src', 'xlink:href'].includes(a.name)) expect(a.value).toMatch(/^\.\/[A-Za-z0-9._~%!*'()-]+\/[A-Za-z0-9._-]+\/report\.html$/);
    }
    expect(html).not.toMatch(/@import|url\(|@font-face/i);
  });

  it('escapes learner-controlled text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all.some((e) => e.tagName === 'b')).toBe(false);
    const problems = withClass(all, 'table', 'problems')[0]!;
    expect(text(problems)).toContain('Bob <b>Builder</b>');
    expect(text(problems)).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows the counts per status', () => {
    const counts = Object.fromEntries(all.filter((e) => e.tagName === 'div' && (attr(e, 'class') ?? '').startsWith('count ')).map((e) => [attr(e, 'class'), text(e)]));
    expect(counts).toEqual({ 'count pass': '5pass', 'count fail': '2fail', 'count error': '1error', 'count invalid': '1invalid' });
  });

  it('draws the score histogram as SVG bars, one per score from 0 to 10', () => {
    const svg = withClass(all, 'svg', 'histogram')[0]!;
    const bars = withClass(elements(svg), 'rect', 'bar');
    expect(bars).toHaveLength(11);
    const titled = bars.map((b) => ({ title: text(b), height: Number(attr(b, 'height')) }));
    expect(titled[10]).toEqual({ title: '5 learners scored 10 points', height: expect.any(Number) });
    expect(titled[7]!.title).toBe('2 learners scored 7 points');
    expect(titled[10]!.height).toBeCloseTo((titled[7]!.height * 5) / 2);
    expect(titled.filter((b) => b.height > 0)).toHaveLength(2);
  });

  it('draws each check’s pass rate as a horizontal bar', () => {
    const rates = withClass(all, 'g', 'check-rate');
    expect(rates.map((g) => attr(g, 'id'))).toEqual(book.exercises[0]!.checks.map((c) => `rate-${c.id}`));
    const gateway = rates.find((g) => attr(g, 'id') === 'rate-host-b-default-route')!;
    expect(text(gateway)).toContain('71% (5 of 7)');
    const [track, bar] = elements(gateway).filter((e) => e.tagName === 'rect');
    expect(Number(attr(bar!, 'width')) / Number(attr(track!, 'width'))).toBeCloseTo(5 / 7, 2);
  });

  it('links failed, error and slow gradings to the learner report; an invalid one says why instead', () => {
    const rows = elements(withClass(all, 'table', 'problems')[0]!).filter((e) => e.tagName === 'tr').slice(1);
    const links = rows.map((r) => elements(r).find((e) => e.tagName === 'a'));
    expect(rows.map((r) => text(elements(r)[0]!).split(' ')[0])).toEqual(['=cmd', 'bob', 'carol', '<script>alert(1)</script>']);
    expect(links.map((a) => (a ? attr(a, 'href') : null))).toEqual([null, './bob/ex01/report.html', './carol/ex01/report.html', './script-alert(1)-script-~5c140d35dc/ex01/report.html']);
    expect(text(rows[0]!)).toContain('x.sh is for a node "x"');
    const slowest = elements(withClass(all, 'table', 'slowest')[0]!).filter((e) => e.tagName === 'a');
    expect(attr(slowest[0]!, 'href')).toBe('./bob/ex01/report.html');
  });

  it('lists similar submissions as a hint, never a penalty', () => {
    const similar = withClass(all, 'table', 'similar')[0]!;
    expect(elements(similar).filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'))).toEqual(['./erin/ex01/report.html', './frank/ex01/report.html']);
    expect(html).toContain('never a penalty');
    expect(text(all.find((e) => e.tagName === 'footer')!)).toBe('Generated by grade 0.1.0 on 2025-03-03 10:00 UTC.');
  });

  it('bins scores in ten ranges when an exercise is worth more than 20 points', () => {
    const view = histogram([0, 49.5, 50, 100], 100);
    expect(view.bars.map((b) => b.tick)).toEqual(['0–10', '10–20', '20–30', '30–40', '40–50', '50–60', '60–70', '70–80', '80–90', '90–100']);
    expect(view.bars.map((b) => b.count)).toEqual(['1', '', '', '', '1', '1', '', '', '', '1']);
  });

  it('comes from the registry as summary.html, and the template is logic-free', () => {
    expect(summaryReporter(book, {}).files.map((f) => f.path)).toEqual(['summary.html']);
    expect(new Set([...SUMMARY_TEMPLATE.matchAll(/\{\{#(\w+)/g)].map((m) => m[1]))).toEqual(new Set(['each', 'if']));
  });
});
