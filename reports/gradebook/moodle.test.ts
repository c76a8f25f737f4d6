import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { moodleReporter, shortFeedback } from './moodle.js';
import { entry, exerciseFrom, resultFor, sampleBook } from './test-book.js';

describe('moodle reporter', () => {
  it('writes a gradebook import: Username, Full name, then a grade and a feedback column per exercise', () => {
    const out = moodleReporter(sampleBook(), {});
    const file = out.files.find((f) => f.path === 'moodle-import.csv')!;
    const rows: Record<string, string>[] = parse(file.content, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual(['Username', 'Full name', 'ex01 The default gateway', 'ex01 feedback']);
    const bob = rows.find((r) => r.Username === 'bob')!;
    expect(bob['ex01 The default gateway']).toBe('7');
    expect(bob['ex01 feedback']).toBe("7/10 points. Not yet right: host-b's default gateway is the router; host-b can fetch the web page.");
    expect(rows.find((r) => r.Username === 'alice')!['ex01 feedback']).toBe('10/10 points. Every check passed.');
    const carol = rows.find((r) => r.Username === 'carol')!;
    expect(carol['ex01 The default gateway']).toBe('');
    expect(carol['ex01 feedback']).toMatch(/^Not graded yet: the grader could not finish/);
    const invalid = rows.find((r) => r.Username === "'=cmd")!;
    expect(invalid).toMatchObject({ 'Full name': "'@evil", 'ex01 The default gateway': '' });
    expect(invalid['ex01 feedback']).toMatch(/^Not graded: x\.sh is for a node "x"/);
    expect(out.warnings).toContain("moodle: 2 not graded, so their grade cells are empty: =cmd (ex01), carol (ex01).");
  });

  it('never puts the expected answer in feedback', () => {
    const fail = resultFor('ex01-fail', 'bob');
    const text = shortFeedback(entry('bob', fail), exerciseFrom(fail));
    for (const check of fail.checks) expect(text).not.toContain(check.expected);
  });

  it('writes an offline grading worksheet when the learner ids are Moodle participant numbers', () => {
    const pass = resultFor('ex01-pass', '123456');
    const book = { exercises: [exerciseFrom(pass)], entries: [entry('123456', pass, { displayName: 'Alice Martin' }), entry('123457', null)] };
    const out = moodleReporter(book, {});
    expect(out.files.map((f) => f.path)).toEqual(['moodle-import.csv', 'moodle/ex01-worksheet.csv']);
    const rows: Record<string, string>[] = parse(out.files[1]!.content, { columns: true });
    expect(rows).toEqual([
      { Identifier: 'Participant 123456', 'Full name': 'Alice Martin', Grade: '10', 'Maximum Grade': '10', 'Last modified (grade)': '', 'Feedback comments': '10/10 points. Every check passed.' },
      expect.objectContaining({ Identifier: 'Participant 123457', Grade: '' }),
    ]);
    // Ids that are all names are no Moodle download: nothing to say. Some numbers among them: say why no worksheet.
    expect(moodleReporter(sampleBook(), {}).warnings.filter((w) => w.includes('participant numbers'))).toEqual([]);
    const mixed = { exercises: book.exercises, entries: [...book.entries, entry('alice', pass)] };
    expect(moodleReporter(mixed, {}).warnings[0]).toMatch(/^moodle: the ex01 learner ids are not all Moodle participant numbers/);
  });
});
