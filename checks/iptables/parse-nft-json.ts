// Read `nft -j list ruleset` into the rule model: every table of every family the kernel holds, base
// chains with their hook, type, priority and policy. JSON is unambiguous: no learner-chosen string
// (a comment, a chain or table name) can start a rule or a policy. Never throws.

import { exprText, translateExpressions, type XtParts } from './nft-expressions.js';
import type { Chain, MutableRule, Rule, Ruleset, Table } from './rule-types.js';

type Obj = Readonly<Record<string, unknown>>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A rule read from nft JSON, with the xt parts iptables-save may fill in. */
interface NftRule { readonly rule: Rule; readonly xt: XtParts }

export interface NftRuleset extends Ruleset {
  /** The xt parts of each rule that has some. */
  readonly xt: ReadonlyMap<Rule, XtParts>;
}

const tableKey = (family: unknown, name: unknown): string => `${String(family)} ${String(name)}`;

/** The items of the listing, or why there are none. */
function itemsOf(text: string): Obj[] | string {
  if (text.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'the nft listing is not JSON';
  }
  const items = isObj(data) ? data.nftables : undefined;
  return Array.isArray(items) ? items.filter(isObj) : 'the nft listing has no "nftables" list';
}

function chainOf(c: Obj): Chain {
  const hook = typeof c.hook === 'string' && typeof c.type === 'string' ? { type: c.type, hook: c.hook, priority: typeof c.prio === 'number' ? c.prio : 0 } : undefined;
  const policy = hook === undefined ? null : typeof c.policy === 'string' ? c.policy.toUpperCase() : 'ACCEPT';
  return { name: String(c.name), policy, rules: [], ...(hook === undefined ? {} : { hook }) };
}

/** The rule as grade shows it: nft's own words, with the table and chain it is in. */
function renderLine(r: Obj, exprs: readonly unknown[]): string {
  const words = exprs.filter((e) => !(typeof e === 'object' && e !== null && 'counter' in e)).map(exprText).join(' ');
  return `nft ${String(r.family)} ${String(r.table)} ${String(r.chain)}: ${words}`;
}

function ruleOf(r: Obj, table: Table): NftRule {
  const exprs = Array.isArray(r.expr) ? r.expr : [];
  const rule: MutableRule = { table: table.name, chain: String(r.chain), matches: [], goto: false, targetOptions: [], unknownOptions: [], line: renderLine(r, exprs) };
  if (typeof r.comment === 'string') rule.comment = r.comment;
  const xt = translateExpressions(rule, exprs);
  return { rule, xt };
}

function addRule(r: Obj, tables: ReadonlyMap<string, Table>, xt: Map<Rule, XtParts>, anomalies: string[]): void {
  const table = tables.get(tableKey(r.family, r.table));
  const chain = table?.chains.find((c) => c.name === r.chain);
  if (table === undefined || chain === undefined) {
    anomalies.push(`a rule of ${tableKey(r.family, r.table)} is in chain ${String(r.chain)}, which is not listed`);
    return;
  }
  const read = ruleOf(r, table);
  chain.rules.push(read.rule);
  xt.set(read.rule, read.xt);
}

export function parseNftJson(text: string): NftRuleset {
  const items = itemsOf(text);
  const xt = new Map<Rule, XtParts>();
  if (typeof items === 'string') return { tables: [], unparsed: [], ignored: [], anomalies: [items], xt };
  const tables = new Map<string, Table>();
  const anomalies: string[] = [];
  for (const item of items) {
    if (isObj(item.table)) tables.set(tableKey(item.table.family, item.table.name), { name: String(item.table.name), family: String(item.table.family), chains: [] });
    else if (isObj(item.chain)) tables.get(tableKey(item.chain.family, item.chain.table))?.chains.push(chainOf(item.chain));
    else if (isObj(item.rule)) addRule(item.rule, tables, xt, anomalies);
  }
  return { tables: [...tables.values()], unparsed: [], ignored: [], anomalies, xt };
}
