// CSV text for spreadsheets and LMS imports: RFC 4180 quoting, LF line ends, and no cell that a
// spreadsheet would run as a formula (learner ids and names come from file names, so they are untrusted).

import { visibleLine } from '../../reports/visible-text.js';

/** One CSV record; numbers are written as they are, text is quoted when it must be and made formula-safe. */
export function csvRow(cells: readonly (string | number)[]): string {
  return cells.map((cell) => (typeof cell === 'number' ? String(cell) : csvCell(cell))).join(',');
}

/** Header and rows as one CSV document ending in a newline. */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map(csvRow).join('\n') + '\n';
}

// OWASP's CSV-injection triggers (= + - @, tab, CR), their full-width forms, after any leading whitespace:
// spreadsheets trim leading blanks before deciding a cell is a formula.
const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/u;

/** One text cell: controls shown visibly, a formula trigger defused with a leading quote, RFC 4180 quoting. */
export function csvCell(raw: string): string {
  const shown = visibleLine(raw);
  const text = FORMULA_START.test(shown) ? `'${shown}` : shown;
  const quoted = text !== shown || /[",\n\r]/.test(text) || text !== text.trim();
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}
