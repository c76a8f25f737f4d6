// What the map draws over the topology: the hops of passing checks, and for each failing check that
// has a broken hop its number, the hops its packets took and the break. Numbers are given in the
// order of the checks, so the marks on the map and the list beside it agree. Takes the result as given.

import type { BreakKind, BrokenHop, CheckResult, PathHop } from '../core/result.js';
import type { Lang } from '../core/lang.js';
import { pathWords, type PathWords } from './path-words.js';

export interface FailingPath {
  readonly number: number;
  readonly checkId: string;
  readonly title: string;
  readonly hops: readonly PathHop[];
  readonly broken: BrokenHop;
}

export interface PathOverlay {
  /** Every hop some passing check's packets take, once. */
  readonly passing: readonly PathHop[];
  readonly failing: readonly FailingPath[];
  /** The map's fixed words, in the report's language. */
  readonly words: PathWords;
}

export interface BreakItem {
  readonly number: number;
  readonly checkId: string;
  readonly title: string;
  readonly kind: BreakKind;
  readonly label: string;
  /** The node where the packets stop. */
  readonly node: string;
  readonly reason: string;
}

/** The overlay of `checks`' traced paths. */
export function pathOverlay(checks: readonly CheckResult[], lang: Lang = 'en'): PathOverlay {
  const passing = new Map<string, PathHop>();
  for (const c of checks) {
    if (c.status !== 'pass') continue;
    for (const h of c.path ?? []) passing.set(hopKey(h), h);
  }
  const failing = checks
    .filter((c): c is CheckResult & { brokenHop: BrokenHop } => c.status === 'fail' && c.brokenHop !== undefined)
    .map((c, i) => ({ number: i + 1, checkId: c.id, title: c.title, hops: c.path ?? [], broken: c.brokenHop }));
  return { passing: [...passing.values()], failing, words: pathWords(lang) };
}

/** The list beside the map: one line per numbered mark. */
export function breakItems(overlay: PathOverlay): BreakItem[] {
  return overlay.failing.map((f) => ({
    number: f.number,
    checkId: f.checkId,
    title: f.title,
    kind: f.broken.kind,
    label: overlay.words.breakLabel[f.broken.kind],
    node: f.broken.from,
    reason: f.broken.reason,
  }));
}

/** Hops drawn alike whichever way the packets cross them. */
export function hopKey(h: PathHop): string {
  const [a, b] = [h.from, h.to].sort();
  return `${a}\u0000${b}\u0000${h.network}`;
}
