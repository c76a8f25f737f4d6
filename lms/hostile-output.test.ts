// Every reporter, fed a result and names full of terminal escapes, CR, BEL, C1 controls, bidi
// overrides and zero-width characters, shows them spelled out and never passes one through raw.

import { describe, expect, it } from 'vitest';
import type { Gradebook } from '../core/batch-entry.js';
import type { GradeResult } from '../core/result.js';
import { canvasReporter } from './gradebook/canvas.js';
import { classroomReporter } from './gradebook/classroom.js';
import { feedbackReporter } from './gradebook/feedback.js';
import { moodleReporter } from './gradebook/moodle.js';
import { summaryReporter } from './gradebook/summary.js';
import { commands, entry, exerciseFrom } from './gradebook/test-book.js';
import { gradesCsvReporter } from './gradebook/grades-csv.js';
import { loadFixture } from '../reports/fixtures/load-fixture.js';
import { renderHtml } from '../reports/html-reporter.js';
import { gradeResultToJunitSuite, renderJunit } from '../reports/junit-reporter.js';
import { renderTerminal } from '../reports/terminal-reporter.js';
import { HOSTILE } from '../reports/fixtures/hostile-text.js';

// Raw: C0 controls but LF and tab, DEL, C1, bidi embeddings/overrides/isolates, zero-width, BOM, line separators.
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/;
const ALL = Object.values(HOSTILE).join(' | ');

function hostileResult(): GradeResult {
  const base = loadFixture('ex01-fail');
  return {
    ...base,
    submission: { ...base.submission, label: HOSTILE.bidi },
    checks: base.checks.map((c) => ({
      ...c,
      observed: `${c.observed} ${ALL}`,
      evidence: c.evidence.map((e) => ({ ...e, command: `${e.command} ${HOSTILE.fakePass}`, output: ALL })),
    })),
    nodes: base.nodes.map((n) => ({ ...n, commands: commands([HOSTILE.fakePass, HOSTILE.osc]).map((c) => ({ ...c, status: 'failed' as const, exitCode: 1, output: ALL })) })),
  };
}

const result = hostileResult();
const book: Gradebook = {
  exercises: [exerciseFrom(result)],
  entries: [
    entry('101', result, { displayName: HOSTILE.fakePass }),
    entry('102', null, { displayName: HOSTILE.zeroWidth, invalid: `bad file name ${HOSTILE.bidi}` }),
    entry(HOSTILE.c1, result, { displayName: HOSTILE.carriageReturn }),
  ],
};
const roster = {
  students: [{ name: HOSTILE.osc, id: '101', sisUserId: '', sisLoginId: '', section: HOSTILE.bell, grades: {} }],
  assignments: [{ header: 'ex01 Lab (55)', title: 'ex01 Lab', id: '55', pointsPossible: '10' }],
};

describe('hostile learner text in every report', () => {
  it('terminal (with colours): the fake PASS and the CR arrive spelled out', () => {
    const out = renderTerminal(result, { color: true, verbose: true });
    // Only grade's own colour codes are escapes: every ESC is followed by a colour SGR of picocolors.
    expect(out.replace(/\x1b\[\d+m/g, '')).not.toMatch(RAW_CONTROL);
    expect(out).toContain('\\x1b[32m✔ PASS 10/10');
    expect(out).toContain('\\r');
  });

  it('HTML report', () => {
    const html = renderHtml(result);
    expect(html).not.toMatch(RAW_CONTROL);
    expect(html).toContain('user\\u202etxt.sh');
  });

  it('JUnit', () => {
    const xml = renderJunit([gradeResultToJunitSuite(result)]);
    expect(xml).not.toMatch(RAW_CONTROL);
    expect(xml).toContain('\\x1b[32m');
  });

  it('every gradebook file: CSVs, Markdown feedback, summary, classroom, Canvas, Moodle', () => {
    const outputs = [gradesCsvReporter, feedbackReporter, summaryReporter, moodleReporter, canvasReporter, classroomReporter].flatMap(
      (reporter) => reporter(book, { roster }).files,
    );
    expect(outputs.length).toBeGreaterThan(5);
    for (const file of outputs) {
      // classroom payloads are JSON, whose own escapes (\\u001b) are already visible: check the decoded text too.
      const content = file.path.startsWith('classroom/') ? decodeClassroom(file.content) : file.content;
      expect(content, file.path).not.toMatch(RAW_CONTROL);
      expect(file.path, file.path).not.toMatch(RAW_CONTROL);
    }
  });
});

function decodeClassroom(content: string): string {
  const payload = JSON.parse(content) as { env: Record<string, string> };
  return Object.values(payload.env).map((b64) => Buffer.from(b64, 'base64').toString('utf8')).join('\n');
}
