import type { CheckKind } from '../checks/check-kind.js';
import type { CheckSpec } from '../core/exercise.js';
import type { CheckResult, Said } from '../core/result.js';
import type { BudgetUse, NodeBudgetUse } from '../runner/budget-use.js';
import { gradingLine } from './words.js';

// A learner who exhausts a node's own budget (memory, tmpfs pages included, or processes) breaks
// only that node: grade's checks run in the headroom kept above the learners' budgets. A check of
// such a node that did not pass is the learner's doing, so it is a `fail` that says why, never an
// `error`; a check that passed was observed where the learner cannot write, and keeps its pass.

/** The sentence a report shows for a node that exhausted its budget, or null when it did not. */
export function exhaustionOf(use: NodeBudgetUse): string | null {
  return exhaustionLine(use)?.text ?? null;
}

/** That sentence with its catalogue form, for reports in the learner's language. */
function exhaustionLine(use: NodeBudgetUse): { text: string; said: Said } | null {
  const parts: Said[] = [];
  if (use.oomKills > 0) parts.push(gradingLine('budget.out-of-memory', { count: use.oomKills }).said);
  if (use.pidsMaxHits > 0) parts.push(gradingLine(use.pidsMaxHits === 1 ? 'budget.out-of-processes-one' : 'budget.out-of-processes', { count: use.pidsMaxHits }).said);
  if (parts.length === 0) return null;
  const both = parts.length === 2 ? gradingLine('budget.and', { first: parts[0]!, second: parts[1]! }).said : parts[0]!;
  return gradingLine('budget.exhausted', { node: use.node, parts: both });
}

/** Checks of exhausted nodes that did not pass become `fail`, their observation led by the reason. */
export function withBudgetVerdicts(
  results: readonly CheckResult[],
  specs: readonly CheckSpec[],
  kinds: ReadonlyMap<string, CheckKind>,
  holderOf: (address: string) => string | undefined,
  use: BudgetUse,
): CheckResult[] {
  const reasons = new Map<string, Said>();
  for (const n of use.nodes) {
    const why = exhaustionLine(n)?.said;
    if (why) reasons.set(n.node, why);
  }
  if (reasons.size === 0) return [...results];
  return results.map((result) => {
    const spec = specs.find((s) => s.id === result.id);
    if (result.status === 'pass' || !spec) return result;
    const why = nodesOfCheck(spec, kinds, holderOf).flatMap((n) => reasons.get(n) ?? []);
    if (why.length === 0) return result;
    const observed = gradingLine('budget.then', { why, observed: result.said?.observed ?? result.observed });
    return { ...result, status: 'fail', earned: 0, observed: observed.text, said: { ...result.said, observed: observed.said } };
  });
}

/** The nodes a check looks at: those its kind names, and the holders of the addresses it aims at. */
export function nodesOfCheck(spec: CheckSpec, kinds: ReadonlyMap<string, CheckKind>, holderOf: (address: string) => string | undefined): string[] {
  const named = kinds.get(spec.kind)?.nodesOf(spec.params) ?? [];
  const nodes = new Set(named.map((n) => n.split('/')[0]!));
  for (const value of stringsOf(spec.params)) {
    const holder = holderOf(value.replace(/:\d+$/, ''));
    if (holder) nodes.add(holder);
  }
  return [...nodes];
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
