import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { gradesCsvReporter, renderGradesCsv } from './grades-csv.js';
import { findSimilar } from './similar.js';
import { EX01_BASE_LINES, entry, exerciseFrom, resultFor, sampleBook } from './test-book.js';

const records = (csv: string): Record<string, string>[] => parse(csv, { columns: true });

describe('grades.csv', () => {
  const book = sampleBook();
  const csv = renderGradesCsv(book, findSimilar(book, { baseLines: { ex01: EX01_BASE_LINES } }));
  const rows = records(csv);
  const byLearner = (learner: string) => rows.find((r) => r.learner === learner)!;

  it('has one row per learner with score, status, each check, total, similar to and note', () => {
    const header = parse(csv, { to_line: 1 })[0];
    const checks = book.exercises[0]!.checks.map((c) => c.id);
    expect(header).toEqual(['learner', 'name', 'ex01 score', 'ex01 status', ...checks, 'total', 'similar to', 'note']);
    expect(rows.map((r) => r.learner)).toEqual(["'=cmd", 'alice', 'bob', 'carol', 'erin', 'frank', 'gina', 'hank']);
    expect(byLearner('bob')).toMatchObject({
      name: 'Bob <b>Builder</b>', 'ex01 score': '7', 'ex01 status': 'fail', 'host-b-default-route': '0', 'host-a-reaches-server-c': '3', total: '7', note: '',
    });
    expect(byLearner('carol')).toMatchObject({ 'ex01 status': 'error', 'host-b-default-route': 'error', 'router-forwards': '2' });
    expect(byLearner('carol').note).toMatch(/^The container for host-b stopped/);
    expect(byLearner('erin')['similar to']).toBe('frank');
    expect(byLearner('frank')['similar to']).toBe('erin');
  });

  it('says why an invalid submission was not graded, and keeps formulas out of cells', () => {
    const invalid = byLearner("'=cmd");
    expect(invalid).toMatchObject({ name: "'@evil", 'ex01 score': '', 'ex01 status': 'invalid', 'host-a-route-wan': '', total: '0' });
    expect(invalid.note).toContain('x.sh is for a node "x"');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]|^-[^0-9]/);
  });

  it('is byte-identical when only timings and dates differ (a resumed batch)', () => {
    const later = {
      ...book,
      entries: book.entries.map((e) => (e.result ? { ...e, result: { ...e.result, durationMs: 1, startedAt: '2030-01-01T00:00:00.000Z', timings: { provisionMs: 1, submissionMs: 1, checksMs: 1, teardownMs: 1 } } } : e)),
    };
    expect(renderGradesCsv(later, findSimilar(later, { baseLines: { ex01: EX01_BASE_LINES } }))).toBe(csv);
    expect(gradesCsvReporter(book, { baseLines: { ex01: EX01_BASE_LINES }, generatedAt: 'now' }).files).toEqual([{ path: 'grades.csv', content: csv }]);
  });

  it('with several exercises: a score and status per exercise, no check columns, notes and similarity named by exercise', () => {
    const ex01 = resultFor('ex01-fail', 'bob');
    const ex02 = { ...resultFor('ex01-pass', 'bob'), exercise: { id: 'ex02', slug: 'ex02-router', title: 'Linux as a router', summary: '' } };
    const multi = {
      exercises: [exerciseFrom(ex01), exerciseFrom(ex02)],
      entries: [entry('ann', null, { exercise: 'ex02' }), entry('bob', ex01), entry('bob', ex02)],
    };
    const out = records(renderGradesCsv(multi));
    expect(Object.keys(out[0]!)).toEqual(['learner', 'name', 'ex01 score', 'ex01 status', 'ex02 score', 'ex02 status', 'total', 'similar to', 'note']);
    expect(out[0]).toMatchObject({ learner: 'ann', 'ex01 score': '', 'ex01 status': '', 'ex02 status': 'invalid', total: '0' });
    expect(out[0]!.note).toMatch(/^ex02: x\.sh is for a node/);
    expect(out[1]).toMatchObject({ learner: 'bob', 'ex01 score': '7', 'ex02 score': '10', total: '17' });
  });
});

describe('grades.csv with per-learner variants', () => {
  it('names each learner\'s variant next to the points', () => {
    const pass = resultFor('ex01-pass', 'alice');
    const book = { exercises: [exerciseFrom(pass)], entries: [entry('alice', pass, { variant: 'alice' }), entry('bob', null, { variant: 'bob' })] };
    const rows: Record<string, string>[] = parse(renderGradesCsv(book), { columns: true });
    expect(rows.map((r) => [r.learner, r['ex01 score'], r['ex01 status'], r['ex01 variant']])).toEqual([['alice', '10', 'pass', 'alice'], ['bob', '', 'invalid', 'bob']]);
  });
});
