import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseMoodleWorksheet } from '../moodle-worksheet.js';
import { moodleReporter, shortFeedback } from './moodle.js';
import { entry, exerciseFrom, resultFor, sampleBook } from './test-book.js';

// A worksheet as Moodle writes it (View all submissions > Grading action: Download grading worksheet):
// 223344 already has a grade, set in Moodle at the time in "Last modified (grade)".
const WORKSHEET = [
  '\ufeffIdentifier,"Full name","Email address",Status,Grade,"Maximum Grade","Grade can be changed","Last modified (submission)","Last modified (grade)","Feedback comments"',
  '"Participant 123456","김민수",minsu@example.edu,"Submitted for grading",,20.00,Yes,"Monday, 1 December 2025, 10:00 AM",-,',
  '"Participant 223344","Lee, Seo-yeon",seoyeon@example.edu,"Submitted for grading",12.00,20.00,Yes,"Monday, 1 December 2025, 11:00 AM","Tuesday, 2 December 2025, 9:15 AM","Good, see me"',
  '"Participant 334455","Kim ""Jay"" Park",jay@example.edu,"No submission",,20.00,Yes,-,-,',
  '',
].join('\r\n');

const pass = resultFor('ex01-pass', 'x');
const fail = resultFor('ex01-fail', 'x');
const fromMoodle = (id: string, name: string) => ({ displayName: name, source: `${name}_${id}_assignsubmission_file_` });
const moodleBook = {
  exercises: [exerciseFrom(pass)],
  entries: [
    entry('123456', pass, fromMoodle('123456', '김민수')),
    entry('223344', null, fromMoodle('223344', 'Lee, Seo-yeon')), // invalid: keeps its 12.00
    entry('445566', fail, fromMoodle('445566', 'Not In Sheet')), // graded, but not in the worksheet
  ],
};

/**
 * The offline worksheet import, replayed from mod/assign/feedback/offline/importgradeslib.php and
 * mod/assign/feedback/offline/locallib.php: columns are found by their exact titles; a row is a
 * participant by "Participant NNN"; a row whose "Last modified (grade)" is older than Moodle's own grade
 * time is skipped ("-" and empty count as never); a grade above "Maximum Grade" is skipped; a grade
 * equal to the current one is no change. Returns the participants whose grade would change.
 */
function offlineImport(original: string, uploaded: string, moodleGradeTimes: Record<string, number>): string[] {
  const rows: Record<string, string>[] = parse(uploaded, { columns: true, bom: true });
  const before = new Map((parse(original, { columns: true, bom: true }) as Record<string, string>[]).map((r) => [r.Identifier, r]));
  const changes: string[] = [];
  for (const row of rows) {
    const participant = /^Participant (\d+)$/.exec(row.Identifier ?? '')?.[1];
    expect(participant, 'every row keeps its identifier').toBeDefined();
    const sheetTime = Date.parse((row['Last modified (grade)'] ?? '').replace(/^\w+, /, '').replace(',', '')) || 0;
    if (sheetTime < (moodleGradeTimes[participant!] ?? 0)) continue;
    if (row.Grade === '' || Number(row.Grade) > Number(row['Maximum Grade'])) continue;
    if (row.Grade === before.get(row.Identifier!)?.Grade) continue;
    changes.push(`${participant} -> ${row.Grade}`);
  }
  return changes;
}

describe('moodle: the teacher\'s own grading worksheet (--worksheet)', () => {
  const sheet = parseMoodleWorksheet(WORKSHEET, 'worksheet.csv');
  const out = moodleReporter(moodleBook, { moodleWorksheet: sheet });
  const filled = out.files.find((f) => f.path === 'moodle/ex01-worksheet.csv')!.content;

  it('keeps every byte but the Grade and Feedback comments of graded participants', () => {
    const before = WORKSHEET.split('\r\n');
    const after = filled.split('\r\n');
    expect(after).toHaveLength(before.length);
    expect(after[0]).toBe(before[0]); // the BOM and the exact headers
    expect(after[2]).toBe(before[2]); // invalid submission: its 12.00, its date, its feedback
    expect(after[3]).toBe(before[3]);
    expect(after[1]).toBe('"Participant 123456","김민수",minsu@example.edu,"Submitted for grading",20,20.00,Yes,"Monday, 1 December 2025, 10:00 AM",-,ex01: 10/10 points. Every check passed.');
  });

  it('is scaled to the Maximum Grade, says so, and changes exactly the graded participants in Moodle', () => {
    expect(out.warnings).toContainEqual(expect.stringMatching(/ex01 is out of 10 points but the worksheet's Maximum Grade is 20: grades were scaled to it/));
    expect(offlineImport(WORKSHEET, filled, { '223344': Date.parse('2 December 2025 9:15 AM') })).toEqual(['123456 -> 20']);
  });

  it('moodle-import.csv: rows only for graded learners Moodle knows, by email; the rest listed in moodle-unmatched.csv', () => {
    const rows: string[][] = parse(out.files.find((f) => f.path === 'moodle-import.csv')!.content);
    expect(rows).toEqual([
      ['Email address', 'Full name', 'ex01 The default gateway', 'ex01 feedback'],
      ['minsu@example.edu', '김민수', '10', 'ex01: 10/10 points. Every check passed.'],
    ]);
    const unmatched: Record<string, string>[] = parse(out.files.find((f) => f.path === 'moodle-unmatched.csv')!.content, { columns: true });
    expect(unmatched).toEqual([{ learner: '445566', name: 'Not In Sheet', exercise: 'ex01', why: 'not a participant with an email address in worksheet.csv' }]);
    expect(out.warnings).toContainEqual(expect.stringMatching(/^moodle: 1 graded submission\(s\) have no row Moodle could match, listed in moodle-unmatched\.csv: 445566 \(ex01\)\.$/));
  });
});

/**
 * The gradebook import, replayed from grade/import/csv/classes/load_data.php: the mapped user column
 * must find a user for every row (one unknown user stops the whole import), and an empty grade cell
 * overwrites the grade. Returns the problems an upload would hit.
 */
function gradebookImportProblems(content: string, knownUsers: ReadonlySet<string>): string[] {
  const rows: string[][] = parse(content);
  return rows.slice(1).flatMap((r) => [...(knownUsers.has(r[0]!) ? [] : [`unknown user ${r[0]}`]), ...(r[2] === '' ? [`empty grade for ${r[0]}`] : [])]);
}

describe('moodle: the course gradebook import (moodle-import.csv)', () => {
  it('writes Username rows for gradable learners only, never an empty grade', () => {
    const out = moodleReporter(sampleBook(), {});
    const content = out.files.find((f) => f.path === 'moodle-import.csv')!.content;
    const rows: Record<string, string>[] = parse(content, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual(['Username', 'Full name', 'ex01 The default gateway', 'ex01 feedback']);
    expect(rows.map((r) => r.Username)).toEqual(['alice', 'bob', 'erin', 'frank', 'gina', 'hank']);
    expect(rows.find((r) => r.Username === 'bob')!['ex01 feedback']).toBe("ex01: 7/10 points. Not yet right: host-b's default gateway is the router; host-b can fetch the web page.");
    expect(gradebookImportProblems(content, new Set(['alice', 'bob', 'erin', 'frank', 'gina', 'hank', 'carol']))).toEqual([]);
    expect(out.warnings).toContain('moodle: 2 not graded, so no row for them and Moodle keeps what it has: =cmd (ex01), carol (ex01).');
  });

  it('a Moodle download without --worksheet: participant numbers are not users, so they are listed, and grade\'s own worksheet is written', () => {
    const out = moodleReporter(moodleBook, {});
    const content = out.files.find((f) => f.path === 'moodle-import.csv')!.content;
    expect(parse(content)).toHaveLength(1);
    expect(out.files.map((f) => f.path)).toEqual(['moodle-import.csv', 'moodle/ex01-worksheet.csv', 'moodle-unmatched.csv']);
    const sheet: Record<string, string>[] = parse(out.files[1]!.content, { columns: true });
    expect(sheet.map((r) => [r.Identifier, r.Grade])).toEqual([['Participant 123456', '10'], ['Participant 445566', '7']]);
    expect(out.warnings.join('\n')).toMatch(/pass the assignment's own worksheet with --worksheet FILE/);
  });

  it('a Canvas download gets no Moodle worksheet; several exercises get one import file each', () => {
    const canvas = { exercises: [exerciseFrom(pass)], entries: [entry('1001', pass, { source: 'submissions.zip:smithjane_1001_5_*' })] };
    const fromCanvas = moodleReporter(canvas, {});
    expect(fromCanvas.files.map((f) => f.path)).toEqual(['moodle-import.csv', 'moodle-unmatched.csv']);
    // A Canvas user id is no Moodle user: no row, and the reason is listed.
    expect(parse(fromCanvas.files[0]!.content)).toHaveLength(1);
    expect(fromCanvas.files[1]!.content).toContain('a Canvas user id from a Canvas download');
    const two = { exercises: [exerciseFrom(pass), { ...exerciseFrom(pass), id: 'ex02' }], entries: [entry('alice', pass), entry('alice', null, { exercise: 'ex02' })] };
    const files = moodleReporter(two, {}).files;
    expect(files.map((f) => f.path)).toEqual(['moodle-import-ex01.csv', 'moodle-import-ex02.csv']);
    expect(parse(files[1]!.content)).toHaveLength(1);
  });

  it('never puts the expected answer in feedback', () => {
    const text = shortFeedback(entry('bob', fail), exerciseFrom(fail));
    for (const check of fail.checks) expect(text).not.toContain(check.expected);
  });
});
