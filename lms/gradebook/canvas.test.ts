import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCanvasRoster } from '../canvas-roster.js';
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
    expect(roster.students[0]).toEqual({ name: 'Martin, Alice', id: '1001', sisUserId: 'S-1001', sisLoginId: 'amartin', section: 'Lab A', grades: { '4521': '', '4600': '4.00' } });
    expect(roster.assignments).toEqual([
      { header: 'ex01 Default gateway (4521)', title: 'ex01 Default gateway', id: '4521', pointsPossible: '10.00' },
      { header: 'Quiz 1 (4600)', title: 'Quiz 1', id: '4600', pointsPossible: '5.00' },
    ]);
  });

  it('reads a semicolon-separated export', () => {
    const roster = parseCanvasRoster('Student;ID;SIS User ID;SIS Login ID;Section;Lab 2 (77)\n"Doe; Jane";42;;jdoe;A;3,5\n');
    expect(roster.students).toEqual([{ name: 'Doe; Jane', id: '42', sisUserId: '', sisLoginId: 'jdoe', section: 'A', grades: { '77': '3,5' } }]);
    expect(roster.assignments.map((a) => a.id)).toEqual(['77']);
  });

  it('says what to do with a file that is not a Canvas export', () => {
    expect(() => parseCanvasRoster('name,score\nann,3\n', 'roster.csv')).toThrow(UserError);
    expect(() => parseCanvasRoster('name,score\nann,3\n', 'roster.csv')).toThrow(/roster\.csv is not a Canvas gradebook export.*Export Entire Gradebook/);
    expect(() => parseCanvasRoster('Student,ID,Score\n', 'r.csv')).toThrow(/no "Section" column/);
    expect(() => parseCanvasRoster('Student,ID,Section\n"unclosed,1,A\n', 'r.csv')).toThrow(/r\.csv is not a readable CSV file/);
  });
});

/**
 * Canvas's import, replayed from its rules (app/models/gradebook_importer.rb): a column is an existing
 * assignment only when its header ends in "(id)" of one (else the upload stops on the resolve page);
 * a row is a student by ID; a blank cell sets posted_grade to nil, clearing the grade; a cell equal to
 * the current grade is no change. Returns what an upload would change, or why it would stop.
 */
function canvasImport(rosterText: string, importText: string): { changes: string[]; resolve: string[] } {
  const roster = parseCanvasRoster(rosterText);
  const rows: string[][] = parse(importText);
  const header = rows[0]!;
  const resolve = header.slice(5).filter((h) => !roster.assignments.some((a) => h.endsWith(`(${a.id})`)));
  const changes: string[] = [];
  for (const row of rows.slice(1).filter((r) => !r[0]!.includes('Points Possible'))) {
    const student = roster.students.find((st) => st.id === row[1]);
    if (!student) {
      resolve.push(`student ${row[1]}`);
      continue;
    }
    header.slice(5).forEach((h, i) => {
      const assignment = roster.assignments.find((a) => h.endsWith(`(${a.id})`));
      if (!assignment) return;
      const now = student.grades[assignment.id] ?? '';
      const cell = row[5 + i] ?? '';
      const same = cell === now || (cell !== '' && now !== '' && Number(cell) === Number(now));
      if (!same) changes.push(`${student.id} ${assignment.id} ${now === '' ? '-' : now} -> ${cell === '' ? 'cleared' : cell}`);
    });
  }
  return { changes, resolve };
}

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
      entry('anon_xY7kQ', resultFor('ex01-pass', 'anon_xY7kQ'), { displayName: 'Anonymous xY7kQ' }), // anonymous download
    ],
  };
  // Carol and Erin already have grades in Canvas: nothing grade writes may clear them.
  const GRADED_EXPORT = EXPORT.replace('"Smith, Carol",1003,S-1003,csmith,Lab B,,', '"Smith, Carol",1003,S-1003,csmith,Lab B,6.00,').replace('Erin Example,1005,,,Lab B,,', 'Erin Example,1005,,,Lab B,3,');

  it('changes exactly the grades of the learners who handed in gradable work, with no resolve step', () => {
    const out = canvasReporter(book, { roster: parseCanvasRoster(GRADED_EXPORT) });
    expect(out.files.map((f) => f.path)).toEqual(['canvas-import.csv']);
    const content = out.files[0]!.content;
    const rows: string[][] = parse(content);
    expect(rows[0]).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'ex01 Default gateway (4521)']);
    expect(rows[1]).toEqual(['Points Possible', '', '', '', '', '10.00']);
    expect(rows.slice(2)).toEqual([
      ['Martin, Alice', '1001', 'S-1001', 'amartin', 'Lab A', '10'],
      ['Builder, Bob', '1002', 'S-1002', 'bob', 'Lab A', '7'],
    ]);
    expect(canvasImport(GRADED_EXPORT, content)).toEqual({ changes: ['1001 4521 - -> 10', '1002 4521 - -> 7'], resolve: [] });
  });

  it('in a row, the other assignments keep what Canvas has', () => {
    const two = {
      exercises: [exerciseFrom(ex01), { ...exerciseFrom(ex01), id: 'ex02', title: 'Two' }],
      entries: [entry('1001', resultFor('ex01-pass', '1001')), entry('1001', null, { exercise: 'ex02', invalid: 'no files' })],
    };
    const text = GRADED_EXPORT.replace('Quiz 1 (4600)', 'ex02 Two (4600)');
    const content = canvasReporter(two, { roster: parseCanvasRoster(text) }).files[0]!.content;
    expect(canvasImport(text, content)).toEqual({ changes: ['1001 4521 - -> 10'], resolve: [] });
    expect((parse(content) as string[][])[2]).toEqual(['Martin, Alice', '1001', 'S-1001', 'amartin', 'Lab A', '10', '4.00']);
  });

  it('lists learners missing from the roster, anonymous submissions and submissions it could not grade', () => {
    const { warnings } = canvasReporter(book, { roster: parseCanvasRoster(EXPORT) });
    expect(warnings).toEqual([
      expect.stringMatching(/^canvas: 1 submission came from an anonymously graded download \(anon_xY7kQ\)/),
      expect.stringMatching(/^canvas: 1 learner is not in the roster .*: zed\.$/),
      expect.stringMatching(/^canvas: 2 submissions could not be graded .*: csmith \(ex01\), erin \(ex01\)\.$/),
    ]);
  });

  it('--assignment names the column by its header, its id or its title; the header is written exactly', () => {
    const text = EXPORT.replace('ex01 Default gateway (4521)', 'Lab 1 (1234)');
    for (const asked of ['Lab 1 (1234)', '1234', 'Lab 1']) {
      const content = canvasReporter(book, { roster: parseCanvasRoster(text), canvasAssignment: asked }).files[0]!.content;
      expect((parse(content) as string[][])[0]![5]).toBe('Lab 1 (1234)');
      expect(canvasImport(text, content).resolve).toEqual([]);
    }
  });

  it('never creates a column: an absent or ambiguous match is one sentence listing the roster columns', () => {
    const absent = parseCanvasRoster(EXPORT.replace('ex01 Default gateway (4521)', 'Lab one (4521)'));
    expect(() => canvasReporter(book, { roster: absent })).toThrow(UserError);
    expect(() => canvasReporter(book, { roster: absent })).toThrow(/^no column of --roster matches a title starting with ex01 \(its assignment columns are "Lab one \(4521\)", "Quiz 1 \(4600\)"\); name the one for ex01 with --assignment/);
    expect(() => canvasReporter(book, { roster: absent, canvasAssignment: '999' })).toThrow(/no column of --roster matches --assignment "999"/);
    const twice = parseCanvasRoster(EXPORT.replace('Quiz 1 (4600)', 'ex01 again (4600)'));
    expect(() => canvasReporter(book, { roster: twice })).toThrow(/^2 columns of --roster match a title starting with ex01/);
    // ex1 never matches ex10.
    expect(() => canvasReporter(book, { roster: parseCanvasRoster(EXPORT.replace('ex01 Default gateway (4521)', 'ex010 Other (4521)')) })).toThrow(/no column/);
  });

  it('warns when Canvas has other points for the assignment, and scales with --scale', () => {
    const twenty = parseCanvasRoster(EXPORT.replace('    Points Possible,,,,,10.00', '    Points Possible,,,,,20.00'));
    expect(canvasReporter(book, { roster: twenty }).warnings[0]).toMatch(/out of 20\.00 points in Canvas but ex01 is out of 10.*--scale 20/);
    const rows: string[][] = parse(canvasReporter(book, { roster: twenty, scale: 20 }).files[0]!.content);
    expect(rows[3]).toEqual(['Builder, Bob', '1002', 'S-1002', 'bob', 'Lab A', '14']);
  });

  it('without a roster: no file and one warning saying how to get one', () => {
    expect(canvasReporter(book, {})).toEqual({ files: [], warnings: [NO_ROSTER_WARNING] });
    expect(NO_ROSTER_WARNING).toContain('--roster FILE');
  });
});
