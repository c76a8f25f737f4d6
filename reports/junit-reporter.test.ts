import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/load-fixture.js';
import { entry } from '../lms/gradebook/test-book.js';
import { batchJunitSuite, gradeResultToJunitSuite, renderJunit } from './junit-reporter.js';

describe('renderJunit', () => {
  it('escapes & < > " and quotes in names, messages and bodies', () => {
    const xml = renderJunit([
      {
        name: 'suite "one" & <two>',
        cases: [
          { name: `a<b & "c" 'd'`, classname: 'x.y', timeSeconds: 0.5, failure: 'got <none> & "more"\nsecond line', systemOut: 'out <&>' },
        ],
      },
    ]);
    expect(xml).toContain('<testsuite id="0" name="suite &quot;one&quot; &amp; &lt;two&gt;"');
    expect(xml).toContain('<testcase name="a&lt;b &amp; &quot;c&quot; &apos;d&apos;" classname="x.y" time="0.500">');
    expect(xml).toContain('<failure message="got &lt;none&gt; &amp; &quot;more&quot;">got &lt;none&gt; &amp; "more"\nsecond line</failure>');
    expect(xml).toContain('<system-out>out &lt;&amp;&gt;</system-out>');
    expect(xml).not.toMatch(/<b|<none>|<two>|& /);
  });

  it('replaces characters XML cannot hold, such as terminal escapes', () => {
    const xml = renderJunit([{ name: 's', cases: [{ name: 'c', classname: 'k', timeSeconds: 0, systemOut: '\x1b[31mred\x1b[0m\x00' }] }]);
    expect(xml).toContain('<system-out>\\x1b[31mred\\x1b[0m\\x00</system-out>');
  });

  it('counts tests, failures and errors per suite and overall', () => {
    const xml = renderJunit([
      { name: 'a', cases: [{ name: '1', classname: 'k', timeSeconds: 1 }, { name: '2', classname: 'k', timeSeconds: 2, failure: 'f' }] },
      { name: 'b', cases: [{ name: '3', classname: 'k', timeSeconds: 0.25, error: 'e' }] },
    ]);
    expect(xml).toContain('<testsuites name="grade" tests="3" failures="1" errors="1" time="3.250">');
    expect(xml).toContain('<testsuite id="0" name="a" tests="2" failures="1" errors="0" skipped="0" time="3.000">');
    expect(xml).toContain('<testsuite id="1" name="b" tests="1" failures="0" errors="1" skipped="0" time="0.250">');
    expect(xml).toContain('<testcase name="1" classname="k" time="1.000"/>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  });
});

describe('gradeResultToJunitSuite', () => {
  it('maps failing checks to failures with expected, observed and hint', () => {
    const suite = gradeResultToJunitSuite(loadFixture('ex01-fail'));
    expect(suite.name).toBe('ex01 The default gateway (7/10 points, fail)');
    expect(suite.cases).toHaveLength(5);
    const failed = suite.cases.filter((c) => c.failure !== undefined);
    expect(failed.map((c) => c.name)).toEqual([
      "host-b-default-route: host-b's default gateway is the router",
      'host-b-reaches-web: host-b can fetch the web page',
    ]);
    expect(failed[0]!.failure).toBe(
      'expected: a default route on host-b via 192.168.1.1\n' +
        'grade observed: default via 192.168.1.254 dev eth0 (192.168.1.254 is not the router)\n' +
        "hint: Look at `ip route` on host-b: the gateway must be an address on host-b's own subnet that belongs to the router (the router's eth0).",
    );
    expect(failed[1]!.systemOut).toContain('$ host-b: curl -sS --max-time 5 http://203.0.113.80/token  (exit 28)');
    expect(failed[0]!.classname).toBe('grade.ex01.route');
    const xml = renderJunit([suite]);
    expect(xml).toContain('tests="5" failures="2" errors="0"');
  });

  it('maps error checks to errors and adds a case for the failed run', () => {
    const suite = gradeResultToJunitSuite(loadFixture('ex01-error'));
    expect(suite.cases.filter((c) => c.error !== undefined).map((c) => c.name)).toEqual([
      "host-b-default-route: host-b's default gateway is the router",
      'host-b-reaches-web: host-b can fetch the web page',
      'grader',
    ]);
    expect(suite.cases.at(-1)!.error).toMatch(/^The container for host-b stopped/);
    expect(renderJunit([suite])).toContain('tests="6" failures="0" errors="3"');
  });

  it('reports a passing run with no failures', () => {
    const xml = renderJunit([gradeResultToJunitSuite(loadFixture('ex01-pass'))]);
    expect(xml).toContain('tests="5" failures="0" errors="0"');
    expect(xml).not.toMatch(/<failure|<error/);
  });
});

describe('batchJunitSuite', () => {
  it('lists an invalid learner as an errored case with the reason, and names learner, exercise and variant', () => {
    const invalid = batchJunitSuite(entry('김민수', null, { displayName: '김민수', invalid: 'x.sh is for a node "x" that ex01 does not have' }));
    const graded = batchJunitSuite(entry('bob', loadFixture('ex01-fail'), { variant: 'v3' }));
    const xml = renderJunit([invalid, graded]);
    expect(invalid.cases).toHaveLength(1);
    expect(xml).toContain('name="김민수 (김민수) ex01 (invalid)"');
    expect(xml).toMatch(/<error message="The submission could not be graded: x\.sh is for a node &quot;x&quot;/);
    expect(xml).toContain('name="bob ex01 variant v3"');
  });
});
