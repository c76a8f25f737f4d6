import { describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture } from './fixtures/load-fixture.js';
import { renderTerminal } from './terminal-reporter.js';

const ANSI = /\x1b\[/;

describe('renderTerminal', () => {
  it('shows the header with exercise, score and status', () => {
    const out = renderTerminal(loadFixture('ex01-fail'), { color: false });
    const [title, status] = out.split('\n');
    expect(title).toBe('ex01 · The default gateway');
    expect(status).toMatch(/^FAIL {2}7\/10 points/);
  });

  it('explains each failing check with expected, observed and hint', () => {
    const out = renderTerminal(loadFixture('ex01-fail'), { color: false });
    expect(out).toMatch(/✘ host-b's default gateway is the router +0\/2 {2}host-b-default-route/);
    expect(out).toContain('expected: a default route on host-b via 192.168.1.1');
    expect(out).toContain('grade observed: default via 192.168.1.254 dev eth0');
    expect(out).toContain('hint:     host-b needs a working default gateway');
    expect(out).toMatch(/✔ The router forwards IPv4 +2\/2/);
  });

  it('lists the learner commands that did not succeed, with line, status and output', () => {
    const out = renderTerminal(loadFixture('ex01-fail'), { color: false });
    const section = out.slice(out.indexOf('Your commands that did not succeed'));
    expect(section).toContain('host-b line 4  ip route add default via 192.168.1.1');
    expect(section).toContain('failed (exit 2)');
    expect(section).toContain('│ RTNETLINK answers: File exists');
    expect(section).toContain('timed out: stopped after 20 s');
    expect(section).toContain('│ … 3 more lines');
    expect(section).toContain('host-b lines 6-8  for i in 1 2 3; do …');
    expect(section).toContain('not run: an earlier command timed out');
    expect(section).not.toContain('ip route add default via 192.168.1.254');
  });

  it('keeps a passing run short', () => {
    const out = renderTerminal(loadFixture('ex01-pass'), { color: false });
    expect(out).toMatch(/^PASS {2}10\/10 points/m);
    expect(out).not.toContain('expected:');
    expect(out).not.toContain('Your commands');
  });

  it('shows an error run prominently as not the learner’s fault', () => {
    const result = loadFixture('ex01-error');
    const out = renderTerminal(result, { color: false });
    expect(out).toMatch(/^ERROR {2}7\/10 points \(incomplete\)/m);
    expect(out).toContain('This is not your fault.');
    expect(out).toContain('The container for host-b stopped while the checks were running');
    expect(out.indexOf('not your fault')).toBeLessThan(out.indexOf('Checks'));
    expect(out).toMatch(/! host-b can fetch the web page/);
  });

  it.each(fixtureNames)('writes no ANSI codes without colour (%s)', (name) => {
    expect(renderTerminal(loadFixture(name), { color: false, verbose: true, htmlPath: '/tmp/r.html' })).not.toMatch(ANSI);
  });

  it('colours when asked', () => {
    expect(renderTerminal(loadFixture('ex01-fail'), { color: true })).toMatch(ANSI);
  });

  it('verbose mode adds evidence and every command; the footer names the HTML report', () => {
    const out = renderTerminal(loadFixture('ex01-fail'), { color: false, verbose: true, htmlPath: 'grade-reports/ex01.html' });
    expect(out).toContain('$ host-b: ip neigh show 192.168.1.254');
    expect(out).toContain('host-b line 3  ip route add default via 192.168.1.254');
    expect(out).toContain('Full report: grade-reports/ex01.html');
  });

  it('keeps lines within a terminal width', () => {
    for (const name of fixtureNames) {
      for (const line of renderTerminal(loadFixture(name), { color: false, verbose: true }).split('\n')) {
        expect(line.length, line).toBeLessThanOrEqual(80);
      }
    }
  });
});
