// Judge a rule query against every chain that stands for its (table, chain), in both stores. A rule
// in any of them counts; for a filter verdict (ACCEPT), the packets must also get through every
// other chain on the same hook, as the kernel runs them all and any one of them may drop.

import { chainPlaces, hasRules, type ChainPlace, type KernelRules } from './kernel-rules.js';
import { effectiveMatches, findMatchingRules, type MatchReport, type RuleQuery } from './match-rule.js';
import type { Ruleset } from './rule-types.js';

export interface PlaceReport { readonly place: ChainPlace; readonly report: MatchReport }

export interface Judgement {
  /** Some rule handles the packets (and, for ACCEPT, no other chain on the hook drops them). */
  readonly handled: boolean;
  /** The place whose report best explains the outcome (null: the chain exists nowhere). */
  readonly primary: PlaceReport | null;
  readonly reports: readonly PlaceReport[];
  /** Why an ACCEPT found in one place does not get the packets through: another place drops them. */
  readonly blockedBy: string | null;
  /** Both nft and iptables-legacy hold rules in this node. */
  readonly bothBackends: boolean;
}

const FILTER_VERDICTS = new Set(['ACCEPT']);

function alone(place: ChainPlace): Ruleset {
  return { tables: [place.table], unparsed: [], ignored: [], anomalies: [] };
}

export function reportAt(place: ChainPlace, query: RuleQuery): MatchReport {
  return findMatchingRules(alone(place), { ...query, table: place.table.name, chain: place.chain.name });
}

/** Why `place` keeps the packets from going on (null: it lets them through). */
export function blockingReason(place: ChainPlace, query: RuleQuery): string | null {
  if (effectiveMatches(reportAt(place, { ...query, targets: [{ target: 'ACCEPT' }] })).length > 0) return null;
  const drop = reportAt(place, { ...query, targets: [{ target: 'DROP' }, { target: 'REJECT' }] });
  const sure = effectiveMatches(drop)[0];
  if (sure !== undefined) return `${place.label} drops them with \`${sure.rule.line}\``;
  const maybe = drop.possible.find((m) => m.shadowedBy === undefined);
  if (maybe !== undefined) return `${place.label} may drop them with \`${maybe.rule.line}\``;
  const policy = place.chain.policy;
  return policy !== null && policy !== 'ACCEPT' ? `${place.label} drops them (policy ${policy})` : null;
}

function pickPrimary(reports: readonly PlaceReport[]): PlaceReport | null {
  return (
    reports.find((r) => effectiveMatches(r.report).length > 0) ??
    reports.find((r) => r.report.matches.length > 0) ??
    reports.find((r) => r.report.nearMisses.length > 0) ??
    reports.find((r) => r.report.ruleCount > 0) ??
    reports[0] ??
    null
  );
}

export function judgePlaces(rules: KernelRules, query: RuleQuery): Judgement {
  const places = chainPlaces(rules, query.table, query.chain);
  const reports = places.map((place) => ({ place, report: reportAt(place, query) }));
  const primary = pickPrimary(reports);
  let handled = primary !== null && effectiveMatches(primary.report).length > 0;
  let blockedBy: string | null = null;
  if (handled && query.targets.every((t) => FILTER_VERDICTS.has(t.target.toUpperCase()))) {
    blockedBy = places.filter((p) => p !== primary?.place).map((p) => blockingReason(p, query)).find((r) => r !== null) ?? null;
    handled = blockedBy === null;
  }
  return { handled, primary, reports, blockedBy, bothBackends: hasRules(rules.nft) && hasRules(rules.legacy) };
}
