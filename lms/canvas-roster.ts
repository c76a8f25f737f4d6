// The Canvas roster: the CSV a teacher exports from a Canvas course's Grades page (Export > Export
// Entire Gradebook). grade reads the students and the existing assignment columns from it, so the
// canvas gradebook reporter can write an import file Canvas matches to the same students and
// assignments. The layout follows Canvas's own importer (app/models/gradebook_importer.rb):
// Student, ID, [SIS User ID, SIS Login ID, [Integration ID], [Root Account]], Section, then columns;
// an assignment column is titled "Name (assignment id)"; a row starting "Points Possible" describes
// the assignments, and rows saying only "Muted" or "Manual Posting" are not students.

import { parse } from 'csv-parse/sync';
import { UserError } from '../core/errors.js';

export interface RosterStudent {
  /** As Canvas writes it in the Student column, usually "Last, First". */
  readonly name: string;
  /** Canvas's user id (the ID column). */
  readonly id: string;
  readonly sisUserId: string;
  readonly sisLoginId: string;
  readonly section: string;
  /** The student's cells in the export, by assignment id: what Canvas holds now ('' when nothing). */
  readonly grades: Readonly<Record<string, string>>;
}

export interface RosterAssignment {
  /** The whole column title, as the import file must repeat it: "ex01 Default gateway (4521)". */
  readonly header: string;
  readonly title: string;
  readonly id: string;
  /** The roster's Points Possible cell for this column, when it has that row. */
  readonly pointsPossible: string | null;
}

export interface Roster {
  readonly students: readonly RosterStudent[];
  readonly assignments: readonly RosterAssignment[];
}

// Canvas's computed columns, read-only on import (and "Unposted ..." variants of them).
const COMPUTED_COLUMN = /Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade|Override Score|Override Grade|Override Status/;
const ASSIGNMENT_HEADER = /^(.*\S)\s*\((\d+)\)$/;

/** Parses a Canvas gradebook export; `source` names the file in error messages. */
export function parseCanvasRoster(text: string, source = 'the roster'): Roster {
  const rows = readRows(text, source);
  const header = rows[0];
  if (header === undefined || !(header[0] ?? '').includes('Student') || !(header[1] ?? '').includes('ID')) {
    throw new UserError(
      `${source} is not a Canvas gradebook export: its first row must start with "Student, ID". Export it from the course's Grades page (Export > Export Entire Gradebook).`,
    );
  }
  const column = (name: string) => header.findIndex((h) => h.trim() === name);
  const section = column('Section');
  if (section < 0) throw new UserError(`${source} has no "Section" column; use the file Canvas exports from the course's Grades page unchanged.`);
  const sisUser = column('SIS User ID');
  const sisLogin = column('SIS Login ID');

  const assignmentColumns = header
    .map((h, index) => ({ h: h.trim(), index, match: ASSIGNMENT_HEADER.exec(h.trim()) }))
    .filter(({ h, index, match }) => index > section && match !== null && !COMPUTED_COLUMN.test(h));
  const pointsRow = rows.slice(1).find((r) => (r[0] ?? '').includes('Points Possible'));
  const assignments = assignmentColumns.map(({ h, index, match }) => ({
    header: h,
    title: match![1]!,
    id: match![2]!,
    pointsPossible: pointsRow?.[index]?.trim() || null,
  }));

  const cell = (row: readonly string[], index: number) => (index < 0 ? '' : (row[index] ?? '').trim());
  const students = rows
    .slice(1)
    .filter((r) => !(r[0] ?? '').includes('Points Possible'))
    .filter((r) => !r.every((c) => /^\s*(Muted|Manual Posting.*)?\s*$/i.test(c)))
    .map((r) => ({
      name: cell(r, 0),
      id: cell(r, 1),
      sisUserId: cell(r, sisUser),
      sisLoginId: cell(r, sisLogin),
      section: cell(r, section),
      grades: Object.fromEntries(assignments.map((a, i) => [a.id, cell(r, assignmentColumns[i]!.index)])),
    }));
  return { students, assignments };
}

function readRows(text: string, source: string): string[][] {
  const read = (delimiter: string): string[][] => {
    try {
      return parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
    } catch (error) {
      throw new UserError(`${source} is not a readable CSV file (${error instanceof Error ? error.message : String(error)}); export it from Canvas again.`);
    }
  };
  const rows = read(',');
  // Canvas exports with semicolons where the decimal mark is a comma; its importer accepts both.
  return rows[0]?.length === 1 && (rows[0][0] ?? '').includes(';') ? read(';') : rows;
}

/**
 * The roster column an exercise's grades go to. `asked` (--assignment) is the column's whole header
 * ("Lab 1 (1234)"), its id ("1234") or its title ("Lab 1"); without it, the one column whose title
 * starts with the exercise id. Absent or ambiguous is a UserError listing the roster's columns: grade
 * never makes Canvas create a column (a header without "(id)" stops the upload on its resolve page).
 */
export function findAssignment(roster: Roster, exercise: string, asked: string | null, source = 'the roster'): RosterAssignment {
  const wanted = asked?.trim() ?? null;
  const matches =
    wanted !== null
      ? roster.assignments.filter((a) => a.header === wanted || a.id === wanted || a.title === wanted || a.id === /^\((\d+)\)$/.exec(wanted)?.[1])
      : roster.assignments.filter((a) => new RegExp(`^${exercise.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i').test(a.title));
  if (matches.length === 1) return matches[0]!;
  const columns = roster.assignments.length === 0 ? 'it has none' : `its assignment columns are ${roster.assignments.map((a) => `"${a.header}"`).join(', ')}`;
  const what = wanted !== null ? `--assignment "${wanted}"` : `a title starting with ${exercise}`;
  const problem = matches.length === 0 ? `no column of ${source} matches ${what}` : `${matches.length} columns of ${source} match ${what}`;
  throw new UserError(`${problem} (${columns}); name the one for ${exercise} with --assignment "Title (id)" or --assignment ID, after creating the assignment in Canvas and exporting the gradebook again if it is missing.`);
}
