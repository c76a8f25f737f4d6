// What a learner's page is sent of a check round: the checklist as `--watch` shows it, already in the
// learner's language; the page puts each string in with textContent, never as markup.
import type { GradeResult } from '../core/result.js';
import type { ChecklistUpdate } from './live-checklist.js';

export interface ChecklistView {
  readonly t: 'checks';
  readonly status: GradeResult['status'];
  readonly score: { readonly earned: number; readonly possible: number };
  readonly checks: readonly {
    readonly id: string;
    readonly title: string;
    readonly status: string;
    readonly expected: string;
    readonly observed: string;
    readonly hint: string | null;
    readonly because: readonly string[];
  }[];
  readonly changes: readonly { readonly id: string; readonly kind: string }[];
  readonly error: string | null;
}

export function checklistView(update: Pick<ChecklistUpdate, 'result' | 'changes'>): ChecklistView {
  const { result } = update;
  const titles = new Map(result.checks.map((c) => [c.id, c.title]));
  return {
    t: 'checks',
    status: result.status,
    score: result.score,
    checks: result.checks.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      expected: c.expected,
      observed: c.observed,
      hint: c.status === 'pass' ? null : (c.hint ?? null),
      because: (c.causes ?? []).map((k) => `${titles.get(k.id) ?? k.id}: ${k.observed}`),
    })),
    changes: update.changes.map((c) => ({ id: c.id, kind: c.kind })),
    error: result.error,
  };
}
