import { describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture } from './fixtures/load-fixture.js';
import { REPORT_TEMPLATE } from './html/report-template.js';
import { buildHtmlView, renderHtml } from './html-reporter.js';

describe('renderHtml', () => {
  const fail = renderHtml(loadFixture('ex01-fail'));

  it('is a complete page with title, score and status', () => {
    expect(fail.startsWith('<!doctype html>')).toBe(true);
    expect(fail).toContain('<title>ex01 The default gateway: 7/10 FAIL</title>');
    expect(fail).toMatch(/<section class="banner fail">\s*<span class="badge">FAIL<\/span>/);
    expect(fail).toContain('<span class="score">7<small> / 10 points</small>');
    expect(fail.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('escapes learner output', () => {
    expect(fail).toContain('&lt;script&gt;alert(&quot;pwned &amp; owned&quot;)&lt;/script&gt;');
    expect(fail).not.toMatch(/<script/i);
    expect(fail).not.toContain('alert("pwned');
  });

  it('embeds the topology SVG', () => {
    expect(fail).toMatch(/<div class="figure"><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="topology"/);
    expect(fail).toContain('192.168.2.0/24');
  });

  it.each(fixtureNames)('is self-contained, with no external assets or scripts (%s)', (name) => {
    const html = renderHtml(loadFixture(name));
    expect(html).not.toMatch(/\b(?:src|href|action|xlink:href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<(?:script|link|img|iframe|object|embed)\b/i);
  });

  it('shows expected vs observed, and the hint only for checks that did not pass', () => {
    expect(fail).toContain('<span class="label">Grade observed</span>default via 192.168.1.254 dev eth0');
    expect(fail).toContain('<div class="hint"><strong>Hint:</strong>Look at &#x60;ip route&#x60; on host-b');
    const view = buildHtmlView(loadFixture('ex01-fail'));
    expect(view.checks.filter((c) => c.hint !== null).map((c) => c.id)).toEqual(['host-b-default-route', 'host-b-reaches-web']);
  });

  it('puts evidence, commands and final node state in the page', () => {
    expect(fail).toContain('<summary>Evidence: 2 commands the grader ran</summary>');
    expect(fail).toContain('<code>$ ip neigh show 192.168.1.254</code>');
    expect(fail).toMatch(/<td class="line">6–8<\/td>\s*<td><pre class="text">for i in 1 2 3; do\n {2}curl/);
    expect(fail).toContain('<span class="tag timed-out">timed out</span>');
    expect(fail).toContain('<summary>Final state of router</summary>');
    expect(fail).toContain(':FORWARD ACCEPT [38:3192]');
    expect(fail).toContain('(no rules: iptables-save printed nothing)');
  });

  it('shows an error run’s reason and that it is not the learner’s fault', () => {
    const html = renderHtml(loadFixture('ex01-error'));
    expect(html).toContain('This is not your fault.');
    expect(html).toMatch(/<div class="error-box" role="alert"><strong>What went wrong<\/strong>The container for host-b stopped/);
    expect(html).toContain('The final state of this node could not be read.');
    expect(renderHtml(loadFixture('ex01-pass'))).not.toContain('class="error-box"');
  });

  it('keeps the template logic-free: only each/if blocks', () => {
    const blocks = [...REPORT_TEMPLATE.matchAll(/\{\{#(\w+)/g)].map((m) => m[1]);
    expect(new Set(blocks)).toEqual(new Set(['each', 'if']));
  });
});
