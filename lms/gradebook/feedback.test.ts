import { describe, expect, it } from 'vitest';
import { feedbackReporter, mdText, renderFeedback } from './feedback.js';
import { entry, exerciseFrom, resultFor, sampleBook } from './test-book.js';

describe('feedback', () => {
  const fail = resultFor('ex01-fail', 'bob');
  const exercise = exerciseFrom(fail);
  const text = renderFeedback(entry('bob', fail, { displayName: 'Bob <b>Builder</b>' }), exercise);

  it('gives the score, what passed, and for each failed check its title, what was observed and the hint', () => {
    expect(text).toMatch(/^# ex01 The default gateway\n\nFeedback for Bob &lt;b&gt;Builder&lt;\/b&gt; \(bob\)\.\n/);
    expect(text).toContain('**Score: 7 / 10 points.**');
    expect(text).toContain('Passed (3 of 5): host-a has a route to the WAN; host-a can ping server-c; The router forwards IPv4.');
    expect(text).toContain("### host-b's default gateway is the router\n\nWhat the grader saw:\n\n```text\ndefault via 192.168.1.254 dev eth0 (192.168.1.254 is not the router)\n```\n\nHint: Look at `ip route` on host-b");
    expect(text).toContain('### host-b can fetch the web page');
  });

  it('speaks the language the result was localized to', () => {
    const korean = renderFeedback(entry('bob', { ...fail, lang: 'ko' }), exercise);
    expect(korean).toContain('**점수: 7 / 10점.**');
    expect(korean).toContain('## 고칠 것');
    expect(korean).toContain('채점기가 본 것:');
    expect(korean).not.toContain('What the grader saw');
  });

  it('never shows the expected answer, the reference commands or the grader evidence', () => {
    for (const check of fail.checks) {
      expect(text).not.toContain(check.expected);
      for (const ev of check.evidence) expect(text).not.toContain(ev.command);
    }
    expect(text).not.toContain('ip route add default via 192.168.1.1');
  });

  it('tells a learner whose submission could not be graded what was wrong and what is expected', () => {
    const invalid = renderFeedback(entry('dave', null), exercise);
    expect(invalid).toContain('**Not graded: your submission could not be graded.**');
    expect(invalid).toContain('> x.sh is for a node "x" this exercise does not have');
    expect(invalid).toContain('What is expected: one file per node you configure, named after the node (`<node>.sh`');
  });

  it('says a grader error is not the learner’s fault and lists what was not checked', () => {
    const error = renderFeedback(entry('carol', resultFor('ex01-error', 'carol')), exercise);
    expect(error).toContain('This is not your fault');
    expect(error).toContain("## Not checked (not your fault)\n\n- host-b's default gateway is the router\n- host-b can fetch the web page");
  });

  it('fences observed text longer than any backticks inside it, and escapes learner names', () => {
    const odd = { ...fail, checks: fail.checks.map((c) => (c.status === 'fail' ? { ...c, observed: 'a ``` b' } : c)) };
    expect(renderFeedback(entry('x', odd), exercise)).toContain('````text\na ``` b\n````');
    expect(mdText('[click](http://x) *bold* <img src=x>')).toBe('\\[click\\]\\(http://x\\) \\*bold\\* &lt;img src=x&gt;');
    expect(mdText('- 1. not a list')).toBe('\\- 1. not a list');
    expect(mdText('12. not a list')).toBe('12\\. not a list');
  });

  it('writes feedback/<learner>/<exercise>.md with safe path segments', () => {
    const paths = feedbackReporter(sampleBook(), {}).files.map((f) => f.path);
    expect(paths).toContain('feedback/alice/ex01.md');
    expect(paths).toContain('feedback/=cmd/ex01.md');
    for (const path of paths) expect(path).toMatch(/^feedback\/[^/\\<>:"|?*\x00-\x1f]+\/ex\d+\.md$/);
  });
});
