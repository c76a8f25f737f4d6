// Read `iptables-save` output (legacy or nft backend) into tables, chains and rules with normalised
// match fields. Lines are cut as iptables-restore would read them (save-lines.ts), and whatever does
// not fit the shape iptables-save always prints is recorded in `anomalies`. Never throws.

import { parseRule } from './parse-rule.js';
import type { Chain, Ruleset, Table, UnparsedLine } from './rule-types.js';
import { splitSaveLines, tokenize } from './save-lines.js';

export type {
  AddressMatch, Chain, MatchModule, NamedMatch, PortMatch, PortRange, Rule, Ruleset, Table, UnparsedLine,
} from './rule-types.js';
export { parsePorts } from './parse-rule.js';
export { tokenize } from './save-lines.js';

// Docker's own DNS plumbing inside a container; a learner's chain named DOCKER (copying Docker's layout) counts.
const DOCKER_DNS_CHAINS = new Set(['DOCKER_OUTPUT', 'DOCKER_POSTROUTING']);

function isDockerChain(name: string | undefined): boolean {
  return name !== undefined && DOCKER_DNS_CHAINS.has(name);
}

/** What the reader has seen so far. */
interface Reading {
  readonly tables: Table[];
  readonly unparsed: UnparsedLine[];
  readonly ignored: string[];
  readonly anomalies: string[];
  table: Table | null;
  /** Chains declared (`:NAME`) in the current table block. */
  declared: Set<string>;
  rulesSeen: boolean;
}

function chainOf(t: Table, name: string, policy: string | null): Chain {
  let chain = t.chains.find((c) => c.name === name);
  if (chain === undefined) {
    chain = { name, policy, rules: [] };
    t.chains.push(chain);
  }
  return chain;
}

function openTable(r: Reading, name: string): void {
  if (r.table !== null) r.anomalies.push(`table ${r.table.name} has no COMMIT before table ${name}`);
  let table = r.tables.find((t) => t.name === name);
  if (table !== undefined) r.anomalies.push(`table ${name} is listed twice`);
  else {
    table = { name, chains: [] };
    r.tables.push(table);
  }
  r.table = table;
  r.declared = new Set();
  r.rulesSeen = false;
}

/** `:NAME POLICY [packets:bytes]`; false when the line does not read as one. */
function declareChain(r: Reading, table: Table, text: string): boolean {
  const words = tokenize(text.slice(1));
  const [name, policy] = words.map((w) => w.text);
  if (name === undefined || name === '' || words.length > 3) return false;
  if (isDockerChain(name)) return true;
  if (r.declared.has(name)) r.anomalies.push(`chain ${name} of table ${table.name} is declared twice`);
  if (r.rulesSeen) r.anomalies.push(`chain ${name} of table ${table.name} is declared after rules`);
  r.declared.add(name);
  chainOf(table, name, policy === undefined || policy === '-' ? null : policy);
  return true;
}

/** `-A CHAIN ...`; false when the line does not read as one. */
function appendRule(r: Reading, table: Table, text: string): boolean {
  const line = text.replace(/^\[\d+:\d+\]\s*/, '');
  const tokens = tokenize(line);
  const [append, chainName] = tokens;
  if (append === undefined || (append.text !== '-A' && append.text !== '--append') || chainName === undefined) return false;
  r.rulesSeen = true;
  const rule = parseRule(table.name, chainName.text, tokens.slice(2), line);
  if (isDockerChain(rule.chain) || isDockerChain(rule.target)) {
    r.ignored.push(line);
    return true;
  }
  if (!r.declared.has(rule.chain)) r.anomalies.push(`a rule of table ${table.name} is in chain ${rule.chain}, which is not declared`);
  chainOf(table, rule.chain, null).rules.push(rule);
  return true;
}

export function parseIptablesSave(output: string): Ruleset {
  const r: Reading = { tables: [], unparsed: [], ignored: [], anomalies: [], table: null, declared: new Set(), rulesSeen: false };
  const split = splitSaveLines(output);
  for (const { lineNumber, text: raw } of split.lines) {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) continue;
    if (text.startsWith('*')) {
      openTable(r, text.slice(1).trim());
      continue;
    }
    if (text === 'COMMIT' && r.table !== null) {
      r.table = null;
      continue;
    }
    const table = r.table;
    const read = table !== null && (text.startsWith(':') ? declareChain(r, table, text) : appendRule(r, table, text));
    if (!read) r.unparsed.push({ lineNumber, text: raw });
  }
  if (r.table !== null) r.anomalies.push(`table ${r.table.name} has no COMMIT`);
  if (split.unterminatedQuote) r.anomalies.push('a quoted value never ends');
  if (r.unparsed.length > 0) r.anomalies.push(`${r.unparsed.length} line${r.unparsed.length === 1 ? '' : 's'} that iptables-save does not write`);
  return { tables: r.tables, unparsed: r.unparsed, ignored: r.ignored, anomalies: r.anomalies };
}

export function findChain(ruleset: Ruleset, table: string, chain: string): Chain | undefined {
  return ruleset.tables.find((t) => t.name === table)?.chains.find((c) => c.name === chain);
}
