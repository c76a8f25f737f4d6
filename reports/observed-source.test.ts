import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../core/result.js';
import { loadFixture } from './fixtures/load-fixture.js';
import { renderHtml } from './html-reporter.js';
import { gradeResultToJunitSuite, renderJunit } from './junit-reporter.js';
import { observedSource } from './observed-source.js';
import { renderTerminal } from './terminal-reporter.js';

// A failed fixture with one check turned into a command check: its observation is what a program in
// the learner's node printed, and every reporter must say so, apart from what grade observed itself.
function mixed(): GradeResult {
  const r = loadFixture('ex01-fail');
  const failing = r.checks.filter((c) => c.status === 'fail');
  const [probe, printed] = [failing[0]!, failing[1] ?? failing[0]!];
  const checks = r.checks.map((c) =>
    c.id === printed.id && printed !== probe ? { ...c, kind: 'command', observed: 'it exited with 0 and printed "PASS: all good"' } : c,
  );
  return { ...r, checks };
}

describe('whose word an observation is', () => {
  it('is the learner\'s for a command check, grade\'s own for every other kind', () => {
    expect(observedSource({ kind: 'command' })).toBe('learner');
    for (const kind of ['reach', 'tcp', 'http', 'resolve', 'route', 'iptables', 'sysctl', 'file']) expect(observedSource({ kind })).toBe('grade');
  });

  it('the terminal report labels each: "grade observed" or "the learner\'s command printed"', () => {
    const out = renderTerminal(mixed(), { color: false });
    expect(out).toContain('grade observed: default via 192.168.1.254 dev eth0');
    expect(out).toMatch(/the learner's command printed: it exited with 0 and printed "PASS: all\s+good"/);
  });

  it('the HTML report labels each', () => {
    const html = renderHtml(mixed());
    expect(html).toContain('<span class="label">Grade observed</span>');
    expect(html).toMatch(/<span class="label">The learner(&#x27;|&#39;|')s command printed<\/span>it exited with 0/);
  });

  it('JUnit labels each', () => {
    const xml = renderJunit([gradeResultToJunitSuite(mixed())]);
    expect(xml).toContain('grade observed: default via 192.168.1.254 dev eth0');
    expect(xml).toMatch(/the learner(&apos;|')s command printed: it exited with 0/);
    expect(xml).not.toMatch(/\nobserved: /);
  });
});
