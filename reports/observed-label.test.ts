import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/load-fixture.js';
import { renderHtml } from './html-reporter.js';
import { gradeResultToJunitSuite, renderJunit } from './junit-reporter.js';
import { renderTerminal } from './terminal-reporter.js';

// Every report tells what grade observed (a check's observation: its own probes and tools, from
// outside the learner's reach) apart from what the learner's commands printed (their word).
describe("'grade observed' and 'your command printed' apart", () => {
  it('the terminal labels a check\'s observation as grade\'s, and a command\'s output as the learner\'s', () => {
    const out = renderTerminal(loadFixture('ex01-fail'), { color: false });
    expect(out).toContain('grade observed: default via 192.168.1.254 dev eth0');
    const commands = out.slice(out.indexOf('Your commands that did not succeed'));
    expect(commands).toMatch(/failed \(exit 2\)\n +your command printed:\n +│ RTNETLINK answers: File exists/);
    expect(out.slice(0, out.indexOf('Your commands that did not succeed'))).not.toContain('your command printed');
  });

  it('the HTML report does the same', () => {
    const html = renderHtml(loadFixture('ex01-fail'));
    expect(html).toContain('<span class="label">Grade observed</span>default via 192.168.1.254 dev eth0');
    expect(html).toContain('<th>Your command and what it printed</th>');
  });

  it('JUnit says whose observation a failure carries', () => {
    const xml = renderJunit([gradeResultToJunitSuite(loadFixture('ex01-fail'))]);
    expect(xml).toContain('grade observed: default via 192.168.1.254 dev eth0');
    expect(xml).not.toMatch(/\nobserved: /);
  });
});
