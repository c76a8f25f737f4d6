import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCanvasRoster } from '../../core/canvas-roster.js';
import { UserError } from '../../core/errors.js';
import { canvasReporter, NO_ROSTER_WARNING } from './canvas.js';
import { entry, exerciseFrom, resultFor } from './test-book.js';

// What Canvas's Grades > Export > Export Entire Gradebook writes (with a byte-order mark).
const EXPORT = [
  '\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,ex01 Default gateway (4521),Quiz 1 (4600),Notes,Assignments Current Score,Current Score,Unposted Current Score,Final Grade',
  '    Points Possible,,,,,10.00,5.00,,(read only),(read only),(read only),(read only)',
  ',,,,,Manual Posting,,,,,,',
  '"Martin, Alice",1001,S-1001,amartin,Lab A,,4.00,,80,80,80,B',
  '"Builder, Bob",1002,S-1002,bob,Lab A,,5.00,,100,100,100,A',
  '"Smith, Carol",1003,S-1003,csmith,Lab B,,,,,,,',
  'Erin Example,1005,,,Lab B,,,,,,,',
  '"Student, Test",9999,,,Lab A,,,,,,,',
].join('\r\n');

describe('parseCanvasRoster', () => {
  it('reads the students and the assignment columns, skipping Points Possible, Manual Posting and computed columns', () => {
    const roster = parseCanvasRoster(EXPORT);
    expect(roster.students.map((s) => s.id)).toEqual(['1001', '1002', '1003', '1005', '9999']);
    expect(roster.students[0]).toEqual({ name: 'Martin, Alice', id: '1001', sisUserId: 'S-1001', sisLoginId: 'amartin', section: 'Lab A' });
    expect(roster.assignments).toEqual([
      { header: 'ex01 Default gateway (4521)', title: 'ex01 Default gateway', id: '4521', pointsPossible: '10.00' },
      { header: 'Quiz 1 (4600)', title: 'Quiz 1', id: '4600', pointsPossible: '5.00' },
    ]);
  });

  it('reads a semicolon-separated export', () => {
    const roster = parseCanvasRoster('Student;ID;SIS User ID;SIS Login ID;Section;Lab 2 (77)\n"Doe; Jane";42;;jdoe;A;3,5\n');
    expect(roster.students).toEqual([{ name: 'Doe; Jane', id: '42', sisUserId: '', sisLoginId: 'jdoe', section: 'A' }]);
    expect(roster.assignments.map((a) => a.id)).toEqual(['77']);
  });

  it('says what to do with a file that is not a Canvas export', () => {
    expect(() => parseCanvasRoster('name,score\nann,3\n', 'roster.csv')).toThrow(UserError);
    expect(() => parseCanvasRoster('name,score\nann,3\n', 'roster.csv')).toThrow(/roster\.csv is not a Canvas gradebook export.*Export Entire Gradebook/);
    expect(() => parseCanvasRoster('Student,ID,Score\n', 'r.csv')).toThrow(/no "Section" column/);
    expect(() => parseCanvasRoster('Student,ID,Section\n"unclosed,1,A\n', 'r.csv')).toThrow(/r\.csv is not a readable CSV file/);
  });
});

describe('canvas reporter', () => {
  const ex01 = resultFor('ex01-fail', 'x');
  const book = {
    exercises: [exerciseFrom(ex01)],
    entries: [
      entry('1001', resultFor('ex01-pass', '1001')), // by Canvas user id
      entry('S-1002', resultFor('ex01-fail', 'S-1002')), // by SIS User ID
      entry('csmith', resultFor('ex01-error', 'csmith')), // by SIS Login ID; a grader error
      entry('erin', null, { displayName: 'Erin Example' }), // by exact name; invalid
      entry('zed', resultFor('ex01-pass', 'zed')), // not in the roster
    ],
  };

  it('writes an import file Canvas reads: its header, a Points Possible row, every roster student', () => {
    const out = canvasReporter(book, { roster: parseCanvasRoster(EXPORT) });
    expect(out.files.map((f) => f.path)).toEqual(['canvas-import.csv']);
    const rows: string[][] = parse(out.files[0]!.content);
    expect(rows[0]).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'ex01 Default gateway (4521)']);
    expect(rows[1]).toEqual(['Points Possible', '', '', '', '', '10.00']);
    expect(rows.slice(2)).toEqual([
      ['Martin, Alice', '1001', 'S-1001', 'amartin', 'Lab A', '10'],
      ['Builder, Bob', '1002', 'S-1002', 'bob', 'Lab A', '7'],
      ['Smith, Carol', '1003', 'S-1003', 'csmith', 'Lab B', ''],
      ['Erin Example', '1005', '', '', 'Lab B', ''],
      ['Student, Test', '9999', '', '', 'Lab A', ''],
    ]);
  });

  it('warns about learners missing from the roster and submissions it could not grade', () => {
    const { warnings } = canvasReporter(book, { roster: parseCanvasRoster(EXPORT) });
    expect(warnings).toEqual([
      expect.stringMatching(/^canvas: 1 learner is not in the roster .*: zed\.$/),
      expect.stringMatching(/^canvas: 2 submissions could not be graded .*: csmith \(ex01\), erin \(ex01\)\.$/),
    ]);
  });

  it('makes a new assignment column "exNN Title" with the exercise points when the roster has none', () => {
    const roster = parseCanvasRoster(EXPORT.replace('ex01 Default gateway (4521)', 'Lab one (4521)'));
    const rows: string[][] = parse(canvasReporter(book, { roster }).files[0]!.content);
    expect(rows[0]![5]).toBe('ex01 The default gateway');
    expect(rows[1]![5]).toBe('10');
  });

  it('warns when Canvas has other points for the assignment, and never matches ex1 to ex10', () => {
    const roster = parseCanvasRoster(EXPORT.replace('ex01 Default gateway (4521)', 'ex010 Other (4521)'));
    expect((parse(canvasReporter(book, { roster }).files[0]!.content) as string[][])[0]![5]).toBe('ex01 The default gateway');
    const twenty = parseCanvasRoster(EXPORT.replace('    Points Possible,,,,,10.00', '    Points Possible,,,,,20.00'));
    expect(canvasReporter(book, { roster: twenty }).warnings[0]).toMatch(/out of 20\.00 points in Canvas but ex01 is out of 10/);
  });

  it('without a roster: no file and one warning saying how to get one', () => {
    expect(canvasReporter(book, {})).toEqual({ files: [], warnings: [NO_ROSTER_WARNING] });
    expect(NO_ROSTER_WARNING).toContain('--roster FILE');
  });
});
