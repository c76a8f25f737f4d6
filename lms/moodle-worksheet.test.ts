import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { parseMoodleWorksheet, rewriteFields } from './moodle-worksheet.js';

describe('parseMoodleWorksheet', () => {
  const text = 'Identifier,Grade,"Maximum Grade","Last modified (grade)","Feedback comments"\n"Participant 7",,"10,00",-,"two\nlines, ""quoted"""\nParticipant 8,3,10.00,"Monday, 1 December 2025, 10:00 AM",\n';

  it('finds the columns by their exact titles and each row by "Participant NNN", quoted newlines and commas included', () => {
    const sheet = parseMoodleWorksheet(text, 'w.csv');
    expect(sheet.rows.map((r) => [r.participant, r.maximum, r.gradeField.value, r.feedbackField?.value])).toEqual([
      ['7', 10, '', 'two\nlines, "quoted"'],
      ['8', 10, '3', ''],
    ]);
    expect(sheet.hasFeedback).toBe(true);
    expect(sheet.hasEmail).toBe(false);
  });

  it('rewrites only the fields it is given, every other byte as it was', () => {
    const sheet = parseMoodleWorksheet(text, 'w.csv');
    const out = rewriteFields(sheet, new Map([[sheet.rows[0]!.gradeField, '9'], [sheet.rows[1]!.feedbackField!, 'ok']]));
    expect(out).toBe(text.replace('"Participant 7",,', '"Participant 7",9,').replace('10:00 AM",\n', '10:00 AM",ok\n'));
  });

  it('refuses a file that is not a worksheet, or one cut short, in one sentence', () => {
    expect(() => parseMoodleWorksheet('name,grade\n', 'w.csv')).toThrow(UserError);
    expect(() => parseMoodleWorksheet('Identifier,Grade,"Last modified (grade)"\n"Participant 1,', 'w.csv')).toThrow(/quoted field that never ends/);
  });
});
