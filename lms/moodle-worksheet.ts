// The offline grading worksheet a teacher downloads from a Moodle assignment (View all submissions >
// Grading action: Download grading worksheet), read so that grade can hand it back filled in. Moodle's
// import (mod/assign/feedback/offline/importgradeslib.php) finds its columns by their exact titles,
// matches rows by "Participant NNN" in "Identifier", skips a row whose "Last modified (grade)" is older
// than Moodle's own, and skips a grade above "Maximum Grade". So the file is kept as bytes: only the
// Grade (and Feedback comments) cells of graded rows are replaced, every other byte stays as it was.

import { UserError } from '../core/errors.js';

/** One field of the file: where its bytes are, and its value once unquoted. */
interface Field {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface WorksheetRow {
  /** The participant number of "Participant NNN". */
  readonly participant: string;
  readonly fullName: string;
  readonly email: string;
  /** The row's Maximum Grade, when it is a number. */
  readonly maximum: number | null;
  readonly gradeField: Field;
  readonly feedbackField: Field | null;
}

export interface MoodleWorksheet {
  readonly source: string;
  readonly text: string;
  readonly hasFeedback: boolean;
  readonly hasEmail: boolean;
  readonly rows: readonly WorksheetRow[];
}

const PARTICIPANT = /^Participant (\d+)$/;

/** Reads a worksheet; `source` names it in errors. */
export function parseMoodleWorksheet(text: string, source: string): MoodleWorksheet {
  const records = tokenize(text, source);
  const header = records[0]?.map((f) => f.value) ?? [];
  const col = (title: string) => header.indexOf(title);
  const [identifier, grade, maximum, feedback, fullName, email] = ['Identifier', 'Grade', 'Maximum Grade', 'Feedback comments', 'Full name', 'Email address'].map(col);
  if (identifier! < 0 || grade! < 0 || col('Last modified (grade)') < 0) {
    throw new UserError(
      `${source} is not a Moodle grading worksheet: it needs the columns "Identifier", "Grade" and "Last modified (grade)". ` +
        'Download it from the assignment (View all submissions > Grading action: Download grading worksheet) and pass it unchanged.',
    );
  }
  const rows: WorksheetRow[] = [];
  for (const record of records.slice(1)) {
    const participant = PARTICIPANT.exec(record[identifier!]?.value ?? '')?.[1];
    const gradeField = record[grade!];
    if (participant === undefined || gradeField === undefined) continue;
    const max = Number(record[maximum!]?.value.replace(',', '.') ?? 'x');
    rows.push({
      participant,
      fullName: record[fullName!]?.value ?? '',
      email: record[email!]?.value ?? '',
      maximum: maximum! >= 0 && Number.isFinite(max) ? max : null,
      gradeField,
      feedbackField: feedback! >= 0 ? (record[feedback!] ?? null) : null,
    });
  }
  return { source, text, hasFeedback: feedback! >= 0, hasEmail: email! >= 0, rows };
}

/** The worksheet with some fields' bytes replaced (each value already a CSV field); every other byte kept. */
export function rewriteFields(sheet: MoodleWorksheet, replacements: ReadonlyMap<Field, string>): string {
  const sorted = [...replacements].sort(([a], [b]) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const [field, text] of sorted) {
    out += sheet.text.slice(at, field.start) + text;
    at = field.end;
  }
  return out + sheet.text.slice(at);
}

/** RFC 4180 records with each field's byte span (in UTF-16 units of `text`); a leading BOM is skipped. */
function tokenize(text: string, source: string): Field[][] {
  const records: Field[][] = [];
  let record: Field[] = [];
  let i = text.startsWith('\ufeff') ? 1 : 0;
  while (i <= text.length) {
    const start = i;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new UserError(`${source} has a quoted field that never ends; download the worksheet from Moodle again.`);
        if (text[i] === '"' && text[i + 1] === '"') (value += '"'), (i += 2);
        else if (text[i] === '"') break;
        else value += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    }
    record.push({ start, end: i, value });
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    if (!(record.length === 1 && record[0]!.value === '' && record[0]!.start === record[0]!.end)) records.push(record);
    record = [];
    if (i >= text.length) break;
  }
  return records;
}
