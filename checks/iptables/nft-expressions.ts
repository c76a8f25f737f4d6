// Translate the expressions of one `nft -j` rule into the rule model. Only what the matcher reads is
// translated; any other expression becomes an unknown condition, so the rule "may not match".

import { normaliseCidr } from './cidr.js';
import { parsePorts, protocolName } from './parse-rule.js';
import type { MatchModule, MutableRule } from './rule-types.js';

type Json = unknown;
type Obj = Readonly<Record<string, Json>>;

const isObj = (x: Json): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Compact text of any JSON value, close to nft's own words. */
export function jsonText(x: Json): string {
  if (typeof x === 'string') return /^[\w.:/*-]+$/.test(x) ? x : JSON.stringify(x);
  if (typeof x === 'number' || typeof x === 'boolean' || x === null) return String(x);
  if (Array.isArray(x)) return `{ ${x.map(jsonText).join(', ')} }`;
  if (isObj(x)) {
    const prefix = x.prefix;
    if (isObj(prefix)) return `${String(prefix.addr)}/${String(prefix.len)}`;
    if (Array.isArray(x.range)) return x.range.map(jsonText).join('-');
    if (Array.isArray(x.set)) return jsonText(x.set);
    if (isObj(x.payload)) return `${jsonText(x.payload.protocol)} ${jsonText(x.payload.field)}`;
    if (isObj(x.meta)) return `meta ${jsonText(x.meta.key)}`;
    if (isObj(x.ct)) return `ct ${jsonText(x.ct.key)}`;
    return Object.entries(x).map(([k, v]) => (v === null ? k : `${k} ${jsonText(v)}`)).join(' ');
  }
  return '?';
}

/** One expression of a rule in nft's words: `ip saddr 10.0.0.0/24`, `jump lan`, `dnat to 10.0.0.2:80`. */
export function exprText(e: Json): string {
  const [key, value] = isObj(e) ? (Object.entries(e)[0] ?? ['', null]) : ['', null];
  const v = isObj(value) ? value : {};
  if (key === 'match') return `${jsonText(v.left)} ${v.op === '==' || v.op === 'in' ? '' : `${String(v.op)} `}${jsonText(v.right)}`;
  if (key === 'jump' || key === 'goto') return `${key} ${jsonText(v.target)}`;
  if (key === 'xt') return `xt ${jsonText(v.type)} ${jsonText(v.name)}`;
  if (key === 'snat' || key === 'dnat') return `${key} to ${natSpec(v) ?? jsonText(value)}`;
  if (key === 'counter') return 'counter';
  return value === null ? key : `${key} ${jsonText(value)}`;
}

/** A single address or prefix as `a.b.c.d/n`; null for sets, ranges and anything else. */
function addressOf(right: Json): string | null {
  if (typeof right === 'string') return normaliseCidr(right);
  const prefix = isObj(right) ? right.prefix : undefined;
  if (isObj(prefix) && typeof prefix.addr === 'string' && typeof prefix.len === 'number') return normaliseCidr(`${prefix.addr}/${prefix.len}`);
  return null;
}

/** Ports as iptables writes them (`80`, `1000:2000`, `80,443`); null for anything else. */
function portsOf(right: Json): string | null {
  const one = (x: Json): string | null => {
    if (typeof x === 'number' && Number.isInteger(x)) return String(x);
    if (isObj(x) && Array.isArray(x.range) && x.range.length === 2 && x.range.every((n) => typeof n === 'number')) return `${String(x.range[0])}:${String(x.range[1])}`;
    return null;
  };
  const set = isObj(right) && Array.isArray(right.set) ? right.set : [right];
  const parts = set.map(one);
  return parts.every((p): p is string => p !== null) && parts.length > 0 ? parts.join(',') : null;
}

/** nft interface names use `*` as iptables uses `+`. */
const ifaceName = (name: string): string => (name.endsWith('*') ? `${name.slice(0, -1)}+` : name);

/** What one `match` expression adds to the rule; false when the matcher does not read it. */
function readMatch(rule: MutableRule, matches: MatchModule[], m: Obj): boolean {
  const op = m.op;
  if (op !== '==' && op !== '!=' && op !== 'in') return false;
  const negated = op === '!=';
  const left = isObj(m.left) ? m.left : {};
  const right = m.right;
  const payload = isObj(left.payload) ? left.payload : null;
  const meta = isObj(left.meta) ? left.meta.key : null;
  const ct = isObj(left.ct) ? left.ct.key : null;
  if (payload?.protocol === 'ip' && (payload.field === 'saddr' || payload.field === 'daddr')) {
    const cidr = addressOf(right);
    if (cidr === null) return false;
    rule[payload.field === 'saddr' ? 'source' : 'destination'] = { cidr, negated };
  } else if ((payload?.protocol === 'ip' && payload.field === 'protocol') || meta === 'l4proto') {
    if (typeof right !== 'string' && typeof right !== 'number') return false;
    rule.protocol = { name: protocolName(String(right)), negated };
  } else if (meta === 'iifname' || meta === 'oifname' || meta === 'iif' || meta === 'oif') {
    if (typeof right !== 'string') return false;
    rule[meta.startsWith('i') ? 'inInterface' : 'outInterface'] = { name: ifaceName(right), negated };
  } else if ((payload?.protocol === 'tcp' || payload?.protocol === 'udp') && (payload.field === 'dport' || payload.field === 'sport')) {
    const text = portsOf(right);
    if (text === null || (rule.protocol !== undefined && (rule.protocol.negated || rule.protocol.name !== payload.protocol))) return false;
    rule.protocol = { name: payload.protocol, negated: false };
    rule[payload.field] = parsePorts(text, negated);
  } else if (ct === 'state') {
    const states = (Array.isArray(right) ? right : [right]).filter((s): s is string => typeof s === 'string');
    if (states.length === 0) return false;
    matches.push({ name: 'conntrack', options: [...(negated ? ['!'] : []), '--ctstate', states.map((s) => s.toUpperCase()).join(',')] });
  } else if (meta === 'nfproto' && right === 'ipv4' && !negated) {
    return true; // IPv4 only: every packet a check describes is IPv4
  } else return false;
  return true;
}

/** NAT statement address and port as iptables writes them: `10.0.0.2:80`, `1.1.1.1-1.1.1.5`. */
function natSpec(s: Obj): string | null {
  const addr = s.addr === undefined ? '' : isObj(s.addr) && Array.isArray(s.addr.range) ? s.addr.range.join('-') : typeof s.addr === 'string' ? s.addr : null;
  const port = s.port === undefined ? '' : portsOf(s.port)?.replace(':', '-') ?? null;
  if (addr === null || port === null) return null;
  return `${addr}${port === '' ? '' : `:${port}`}`;
}

const VERDICTS: Readonly<Record<string, string>> = { accept: 'ACCEPT', drop: 'DROP', reject: 'REJECT', return: 'RETURN', masquerade: 'MASQUERADE', queue: 'NFQUEUE' };
/** Statements that neither match nor decide. */
const NEUTRAL = new Set(['counter', 'log', 'limit', 'notrack']);

/** A statement that decides what happens to the packet; false when it is none the matcher reads. */
function readVerdict(rule: MutableRule, key: string, value: Json): boolean {
  const v = isObj(value) ? value : {};
  if (VERDICTS[key] !== undefined) rule.target = VERDICTS[key];
  else if ((key === 'jump' || key === 'goto') && typeof v.target === 'string') {
    rule.target = v.target;
    rule.goto = key === 'goto';
  } else if (key === 'snat' || key === 'dnat') {
    const spec = natSpec(v);
    if (spec === null) return false;
    rule.target = key.toUpperCase();
    rule[key === 'snat' ? 'toSource' : 'toDestination'] = spec;
  } else if (key === 'redirect') {
    const spec = v.port === undefined ? '' : portsOf(v.port);
    if (spec === null) return false;
    rule.target = 'REDIRECT';
    if (spec !== '') rule.toPorts = spec.replace(':', '-');
  } else return false;
  return true;
}

/** How an xt match's unknown condition ends: iptables-nft-save may fill in its options. */
export const XT_UNREAD = '(its options are not in the nft listing)';

/** xt expressions iptables-nft could not express natively: their options are not in the JSON. */
export interface XtParts { readonly matches: readonly string[]; readonly target: string | null }

/** The rule model of one nft rule's expressions, with the xt parts it holds. */
export function translateExpressions(rule: MutableRule, exprs: readonly Json[]): XtParts {
  const matches: MatchModule[] = [];
  const unknown: string[] = [];
  const xt: { matches: string[]; target: string | null } = { matches: [], target: null };
  for (const e of exprs) {
    const [key, value] = isObj(e) ? (Object.entries(e)[0] ?? ['', null]) : ['', null];
    if (rule.target !== undefined && !NEUTRAL.has(key)) unknown.push(`${exprText(e)} after the verdict`);
    else if (key === 'match' && isObj(value) && readMatch(rule, matches, value)) continue;
    else if (NEUTRAL.has(key)) continue;
    else if (key === 'xt' && isObj(value) && typeof value.name === 'string') {
      // A target's missing options show as a target mismatch; a match's as a condition grade cannot judge.
      if (value.type === 'target') {
        xt.target = value.name;
        rule.target = value.name;
      } else {
        xt.matches.push(value.name);
        unknown.push(`-m ${value.name} ${XT_UNREAD}`);
      }
    } else if (!readVerdict(rule, key, value)) unknown.push(exprText(e));
  }
  rule.matches = matches;
  rule.unknownOptions = unknown;
  return xt;
}
