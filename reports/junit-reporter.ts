// JUnit XML, for CI systems that show test reports: a generic writer plus the mapping of one
// GradeResult's checks to test cases (fail -> <failure>, error -> <error>).

import type { BatchEntry } from '../core/batch-entry.js';
import type { CheckResult, GradeResult } from '../core/result.js';
import { visibleText } from './visible-text.js';

export interface JunitCase {
  readonly name: string;
  readonly classname: string;
  readonly failure?: string;
  readonly error?: string;
  readonly timeSeconds: number;
  readonly systemOut?: string;
}

export interface JunitSuite {
  readonly name: string;
  readonly cases: readonly JunitCase[];
}

/** A complete JUnit XML document holding `suites`. */
export function renderJunit(suites: readonly JunitSuite[]): string {
  const count = (cases: readonly JunitCase[]) => ({
    tests: cases.length,
    failures: cases.filter((c) => c.failure !== undefined && c.error === undefined).length,
    errors: cases.filter((c) => c.error !== undefined).length,
    time: cases.reduce((t, c) => t + c.timeSeconds, 0),
  });
  const all = count(suites.flatMap((s) => s.cases));
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="grade" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}" time="${secs(all.time)}">`,
  ];
  suites.forEach((suite, id) => {
    const n = count(suite.cases);
    out.push(
      `  <testsuite id="${id}" name="${attr(suite.name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="0" time="${secs(n.time)}">`,
    );
    for (const c of suite.cases) {
      const open = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}" time="${secs(c.timeSeconds)}"`;
      const body: string[] = [];
      if (c.error !== undefined) body.push(`      <error message="${attr(firstLine(c.error))}">${text(c.error)}</error>`);
      else if (c.failure !== undefined) body.push(`      <failure message="${attr(firstLine(c.failure))}">${text(c.failure)}</failure>`);
      if (c.systemOut !== undefined && c.systemOut !== '') body.push(`      <system-out>${text(c.systemOut)}</system-out>`);
      out.push(...(body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>']));
    }
    out.push('  </testsuite>');
  });
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** One suite for `result`: a test case per check, plus one error case when the run itself failed. */
export function gradeResultToJunitSuite(result: GradeResult): JunitSuite {
  const classname = `grade.${result.exercise.id}`;
  const cases: JunitCase[] = result.checks.map((check) => checkCase(check, classname));
  if (result.status === 'error') {
    cases.push({
      name: 'grader',
      classname,
      error: result.error ?? 'The grader could not finish this run.',
      timeSeconds: result.durationMs / 1000,
    });
  }
  const score = `${result.score.earned}/${result.score.possible} points, ${result.status}`;
  return { name: `${result.exercise.id} ${result.exercise.title} (${score})`, cases };
}

/** A batch entry's suite, named for the learner and exercise: an invalid submission is one errored case saying why. */
export function batchJunitSuite(entry: BatchEntry): JunitSuite {
  const name = `${entry.learner}${entry.displayName ? ` (${entry.displayName})` : ''} ${entry.exercise}${entry.variant ? ` variant ${entry.variant}` : ''}`;
  if (entry.result) return { ...gradeResultToJunitSuite(entry.result), name };
  const why = `The submission could not be graded: ${entry.invalid ?? 'it could not be read'} (from ${entry.source})`;
  return { name: `${name} (invalid)`, cases: [{ name: 'submission', classname: `grade.${entry.exercise}`, error: why, timeSeconds: 0 }] };
}

function checkCase(check: CheckResult, classname: string): JunitCase {
  const words = [`expected: ${check.expected}`, `grade observed: ${check.observed}`];
  if (check.hint !== undefined && check.status !== 'pass') words.push(`hint: ${check.hint}`);
  const evidence = check.evidence
    .map((e) => {
      const exit = e.timedOut ? 'timed out' : e.exitCode === null ? 'no exit status' : `exit ${e.exitCode}`;
      return `$ ${e.node}: ${e.command}  (${exit}${e.truncated ? ', output cut short' : ''})\n${e.output}`;
    })
    .join('\n');
  return {
    name: `${check.id}: ${check.title}`,
    classname: `${classname}.${check.kind}`,
    timeSeconds: check.durationMs / 1000,
    ...(check.status === 'fail' ? { failure: words.join('\n') } : {}),
    ...(check.status === 'error' ? { error: words.join('\n') } : {}),
    ...(evidence !== '' ? { systemOut: evidence } : {}),
  };
}

// Characters XML 1.0 does not allow at all, once visibleText has spelled out every control character.
const INVALID_XML = /[\ufffe\uffff]/g;

/** Escapes element text; learner escapes and controls are shown as `\x1b`, never passed to a CI log viewer. */
function text(s: string): string {
  return visibleText(s).replace(INVALID_XML, '\ufffd').replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value (quotes and line breaks too, so they survive attribute normalisation). */
function attr(s: string): string {
  return text(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0] ?? '';
}

function secs(n: number): string {
  return n.toFixed(3);
}
