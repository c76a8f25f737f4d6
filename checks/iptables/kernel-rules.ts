// Every rule the kernel holds in a node, from both stores: nft (iptables-nft's tables and any the
// learner wrote with `nft`) and iptables-legacy. The nft JSON listing is the structure; iptables-save
// only fills in the options of xt matches and targets the JSON leaves out, and only where its chain
// has exactly the rules the JSON has, in the same order, with the same targets.

import { parseIptablesSave } from './parse-iptables-save.js';
import { XT_UNREAD } from './nft-expressions.js';
import { parseNftJson, type NftRuleset } from './parse-nft-json.js';
import type { Backend, Chain, Rule, Ruleset, Table } from './rule-types.js';

export interface KernelRules {
  readonly nft: Ruleset;
  readonly legacy: Ruleset;
  /** Why some xt options could not be read (their rules then may not match). */
  readonly notes: readonly string[];
}

/** One chain a check's (table, chain) stands for: a legacy chain, or an nft chain at that hook. */
export interface ChainPlace {
  readonly backend: Backend;
  readonly table: Table;
  readonly chain: Chain;
  /** "nft table inet fw chain forward", "iptables-legacy filter FORWARD" */
  readonly label: string;
}

const IPTABLES_TABLES = new Set(['filter', 'nat', 'mangle', 'raw', 'security']);
const DOCKER_DNS_CHAINS = new Set(['DOCKER_OUTPUT', 'DOCKER_POSTROUTING']);

/**
 * The save rule of the same place stands for the JSON one when their targets agree; any native
 * expression the JSON reader could not judge stays a condition of the rule.
 */
function filled(json: Rule, saved: Rule | undefined): Rule {
  if (saved === undefined || (saved.target ?? '') !== (json.target ?? '') || saved.goto !== json.goto) return json;
  const native = json.unknownOptions.filter((u) => !u.endsWith(XT_UNREAD));
  return native.length === 0 ? saved : { ...saved, unknownOptions: [...saved.unknownOptions, ...native] };
}

/** A rule the JSON reads in full keeps its reading; it is shown as the learner's tool prints it. */
function withLine(json: Rule, saved: Rule | undefined): Rule {
  return saved !== undefined && (saved.target ?? '') === (json.target ?? '') ? { ...json, line: saved.line } : json;
}

function hasXt(nft: NftRuleset, rule: Rule): boolean {
  const x = nft.xt.get(rule);
  return x !== undefined && (x.matches.length > 0 || x.target !== null);
}

/** Rules of iptables-nft's own tables, with xt parts filled in from iptables-nft-save. */
function fillXt(nft: NftRuleset, save: Ruleset, notes: string[]): Ruleset {
  const tables = nft.tables.map((t): Table => {
    // Only IPv4 tables are read for checks; ip6tables' xt rules (ufw's ufw6-*) stay as they are.
    if (t.family !== 'ip') return t;
    const savedTable = IPTABLES_TABLES.has(t.name) ? save.tables.find((s) => s.name === t.name) : undefined;
    const unread: string[] = [];
    const chains = t.chains.map((c): Chain => {
      const saved = savedTable?.chains.find((s) => s.name === c.name);
      if (saved === undefined || save.anomalies.length > 0 || saved.rules.length !== c.rules.length) {
        if (c.rules.some((r) => hasXt(nft, r))) unread.push(c.name);
        return c;
      }
      return { ...c, rules: c.rules.map((r, i) => (hasXt(nft, r) ? filled(r, saved.rules[i]) : withLine(r, saved.rules[i]))) };
    });
    if (unread.length > 0) notes.push(`the options of some rules in nft ip ${t.name} (chain${unread.length > 1 ? 's' : ''} ${unread.join(', ')}) could not be read, so those rules may not match`);
    return { ...t, chains };
  });
  return { ...nft, tables };
}

/** Docker's DNS chains, in a node that has them, are no learner's work. */
function withoutDocker(rules: Ruleset): Ruleset {
  const keep = (r: Rule) => !DOCKER_DNS_CHAINS.has(r.target ?? '');
  const tables = rules.tables.map((t) => ({
    ...t,
    chains: t.chains.filter((c) => !DOCKER_DNS_CHAINS.has(c.name)).map((c) => ({ ...c, rules: c.rules.filter(keep) })),
  }));
  return { ...rules, tables };
}

export function readKernelRules(nftJson: string, nftSave: string, legacySave: string): KernelRules {
  const notes: string[] = [];
  const save = parseIptablesSave(nftSave);
  if (save.anomalies.length > 0) notes.push(`iptables-nft-save's listing does not read as one (${save.anomalies.join('; ')})`);
  const nft = withoutDocker(fillXt(parseNftJson(nftJson), save, notes));
  return { nft, legacy: parseIptablesSave(legacySave), notes };
}

/** An nft chain's place in iptables terms: (table, chain) of the hook a base chain sits on. */
function iptablesPlaceOf(table: Table, chain: Chain): { table: string; chain: string } | null {
  const named = table.family === 'ip' && IPTABLES_TABLES.has(table.name);
  const hook = chain.hook;
  // A user chain of iptables-nft's own tables keeps its name (a check may name one, like ufw-user-input).
  if (hook === undefined) return named ? { table: table.name, chain: chain.name } : null;
  if (table.family !== 'ip' && table.family !== 'inet') return null;
  const name = hook.hook.toUpperCase();
  if (named) return { table: table.name, chain: name };
  if (hook.type === 'nat') return { table: 'nat', chain: name };
  if (hook.type === 'route') return { table: 'mangle', chain: name };
  if (hook.type !== 'filter') return null;
  if (name === 'PREROUTING' || name === 'POSTROUTING') return { table: hook.priority <= -300 ? 'raw' : 'mangle', chain: name };
  return { table: 'filter', chain: name };
}

/** Every chain that handles what `table chain` means in iptables, in both stores. */
export function chainPlaces(rules: KernelRules, table: string, chain: string): ChainPlace[] {
  const places: ChainPlace[] = [];
  for (const t of rules.nft.tables) {
    for (const c of t.chains) {
      const at = iptablesPlaceOf(t, c);
      if (at?.table === table && at.chain === chain) places.push({ backend: 'nft', table: t, chain: c, label: `nft table ${t.family ?? ''} ${t.name} chain ${c.name}` });
    }
  }
  const legacy = rules.legacy.tables.find((t) => t.name === table);
  const c = legacy?.chains.find((x) => x.name === chain);
  if (legacy !== undefined && c !== undefined) places.push({ backend: 'legacy', table: legacy, chain: c, label: `iptables-legacy ${table} ${chain}` });
  return places;
}

/** Whether a store holds any rule at all. */
export function hasRules(rules: Ruleset): boolean {
  return rules.tables.some((t) => t.chains.some((c) => c.rules.length > 0));
}
