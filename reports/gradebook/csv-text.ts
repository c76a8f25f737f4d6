// CSV text for spreadsheets and LMS imports: RFC 4180 quoting, CRLF-free lines, and no cell that a
// spreadsheet would run as a formula (learner ids and names come from file names, so they are untrusted).

/** One CSV record; numbers are written as they are, text is quoted when it must be and made formula-safe. */
export function csvRow(cells: readonly (string | number)[]): string {
  return cells.map((cell) => (typeof cell === 'number' ? String(cell) : csvCell(cell))).join(',');
}

/** Header and rows as one CSV document ending in a newline. */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map(csvRow).join('\n') + '\n';
}

export function csvCell(raw: string): string {
  // OWASP's list of formula triggers: = + - @, and tab and carriage return at the start of a cell.
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
