import type { BatchEntry } from '../core/batch-entry.js';

/** One row per learner: score, status and each check's points, for a spreadsheet or a gradebook import. */
export function renderGradesCsv(entries: readonly BatchEntry[], checkIds: readonly string[]): string {
  const header = ['submission', 'status', 'earned', 'possible', ...checkIds, 'note'];
  const rows = entries.map((e) => {
    if (!e.result) return [e.name, 'invalid', '', '', ...checkIds.map(() => ''), e.invalid];
    const byId = new Map(e.result.checks.map((c) => [c.id, c]));
    const cells = checkIds.map((id) => {
      const c = byId.get(id);
      return c ? (c.status === 'error' ? 'error' : String(c.earned)) : '';
    });
    return [e.name, e.result.status, String(e.result.score.earned), String(e.result.score.possible), ...cells, e.result.error ?? ''];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function csvCell(raw: string): string {
  // A learner-chosen folder name must not become a spreadsheet formula.
  const text = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
