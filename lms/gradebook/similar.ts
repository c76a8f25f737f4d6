// Which learners handed in the same configuration, per exercise: a hint for the teacher, never a penalty.
//
// The rule: a submission is the set of its commands, each normalised (normaliseCommand: no comments,
// whitespace collapsed, no `sudo `, pure inspection such as `ip a` or `ping` left out) and tagged with
// its node ("host-a: ip route add default via 192.168.1.1"). Every line that also appears in the
// exercise's reference solution (the base code everyone is taught, any node) is dropped. Two
// submissions are linked when both keep at least `minLines` lines (default 3, so empty and tiny
// submissions are never flagged) and the Jaccard index of their sets, |A ∩ B| / |A ∪ B|, is at least
// `threshold` (default 0.85). A group is a set of learners joined by links, directly or through others.

import type { Gradebook } from '../../core/batch-entry.js';
import type { GradeResult } from '../../core/result.js';
import { normaliseCommand } from './command-lines.js';

export const DEFAULT_SIMILARITY_THRESHOLD = 0.85;
export const DEFAULT_SIMILARITY_MIN_LINES = 3;

export interface SimilarityOptions {
  /** Per exercise id: lines of the reference solution and alternatives, which everyone may share. */
  readonly baseLines?: Readonly<Record<string, readonly string[]>>;
  readonly threshold?: number;
  readonly minLines?: number;
}

export interface SimilarGroup {
  readonly exercise: string;
  /** Sorted, at least two. */
  readonly learners: readonly string[];
  /** The lowest Jaccard index of a link inside the group, from threshold to 1. */
  readonly similarity: number;
  /** How many lines, beyond the base code, the smallest submission of the group kept. */
  readonly lines: number;
}

export interface Similarity {
  readonly threshold: number;
  readonly minLines: number;
  readonly groups: readonly SimilarGroup[];
  /** `${exercise}\u0000${learner}` -> the learners that submission is directly linked to, sorted. */
  readonly links: ReadonlyMap<string, readonly string[]>;
}

/** The learners one learner's submission for `exercise` is linked to (empty when none). */
export function similarTo(similarity: Similarity, learner: string, exercise: string): readonly string[] {
  return similarity.links.get(`${exercise}\u0000${learner}`) ?? [];
}

/** The lines of a result that similarity compares: its commands per node, normalised, minus the base. */
export function submissionLines(result: GradeResult, base: ReadonlySet<string>): Set<string> {
  const lines = new Set<string>();
  for (const node of result.nodes) {
    for (const command of node.commands) {
      const line = normaliseCommand(command.text);
      if (line !== null && !base.has(line)) lines.add(`${node.name}: ${line}`);
    }
  }
  return lines;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const line of a) if (b.has(line)) shared++;
  return shared / (a.size + b.size - shared);
}

export function findSimilar(book: Gradebook, options: SimilarityOptions = {}): Similarity {
  const threshold = options.threshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const minLines = options.minLines ?? DEFAULT_SIMILARITY_MIN_LINES;
  const groups: SimilarGroup[] = [];
  const links = new Map<string, string[]>();
  for (const exercise of book.exercises) {
    const base = new Set((options.baseLines?.[exercise.id] ?? []).map(normaliseCommand).filter((l): l is string => l !== null));
    const subs = book.entries
      .filter((e) => e.exercise === exercise.id && e.result !== null)
      .map((e) => ({ learner: e.learner, lines: submissionLines(e.result as GradeResult, base) }))
      .filter((s) => s.lines.size >= minLines);
    const edges: { a: number; b: number; score: number }[] = [];
    for (let a = 0; a < subs.length; a++) {
      for (let b = a + 1; b < subs.length; b++) {
        const score = jaccard(subs[a]!.lines, subs[b]!.lines);
        if (score >= threshold) edges.push({ a, b, score });
      }
    }
    for (const { a, b } of edges) {
      const la = subs[a]!.learner;
      const lb = subs[b]!.learner;
      push(links, `${exercise.id}\u0000${la}`, lb);
      push(links, `${exercise.id}\u0000${lb}`, la);
    }
    groups.push(...componentsOf(subs.length, edges).map((members) => {
      const inside = edges.filter((e) => members.includes(e.a));
      return {
        exercise: exercise.id,
        learners: members.map((i) => subs[i]!.learner).sort(),
        similarity: Math.min(...inside.map((e) => e.score)),
        lines: Math.min(...members.map((i) => subs[i]!.lines.size)),
      };
    }));
  }
  for (const list of links.values()) list.sort();
  return { threshold, minLines, groups, links };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Connected components with two or more members, each sorted, in order of their first member. */
function componentsOf(size: number, edges: readonly { a: number; b: number }[]): number[][] {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const { a, b } of edges) parent[find(a)] = find(b);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < size; i++) push(byRoot, find(i), i);
  return [...byRoot.values()].filter((m) => m.length > 1).sort((x, y) => x[0]! - y[0]!);
}
