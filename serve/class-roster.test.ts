import { describe, expect, test } from 'vitest';
import { UserError } from '../core/errors.js';
import { parseClassRoster } from './class-roster.js';

describe('class roster', () => {
  test('a plain CSV: id,name[,lang], header optional', () => {
    const r = parseClassRoster('id,name,lang\nalice,Alice Kim,ko\nbob,Bob\n', 'r.csv');
    expect(r.learners).toEqual([
      { id: 'alice', name: 'Alice Kim', lang: 'ko' },
      { id: 'bob', name: 'Bob', lang: null },
    ]);
    expect(r.canvas).toBeNull();
  });

  test('a Canvas gradebook export: its students, by Canvas id', () => {
    const text = 'Student,ID,SIS User ID,SIS Login ID,Section,ex01 Default gateway (4521)\n    Points Possible,,,,,6\n"Kim, Alice",101,a1,alice,S1,\n';
    const r = parseClassRoster(text, 'canvas.csv');
    expect(r.learners).toEqual([{ id: '101', name: 'Kim, Alice', lang: null }]);
    expect(r.canvas?.students).toHaveLength(1);
  });

  test('ids that could be paths or markup, duplicates and unknown languages are refused in one sentence', () => {
    expect(() => parseClassRoster('../etc,x\n', 'r.csv')).toThrow(UserError);
    expect(() => parseClassRoster('<b>,x\n', 'r.csv')).toThrow(UserError);
    expect(() => parseClassRoster('a,x\na,y\n', 'r.csv')).toThrow(/twice/);
    expect(() => parseClassRoster('a,x,fr\n', 'r.csv')).toThrow(/language/);
    expect(() => parseClassRoster('', 'r.csv')).toThrow(/no learner/);
  });
});
