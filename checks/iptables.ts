import type { CheckKind, CheckOutcome } from './check-kind.js';
import { chainPlaces, type KernelRules } from './iptables/kernel-rules.js';
import { judgePlaces, type Judgement } from './iptables/judge-places.js';
import {
  effectiveMatches, type MatchReport, type PacketClass, type RuleMatch, type RuleQuery, type WantedTarget,
} from './iptables/match-rule.js';
import type { Rule } from './iptables/rule-types.js';
import { dumpRules, RULE_DUMP_CAP } from './rule-dump.js';

export interface IptablesParams {
  node: string;
  /** Default filter. */
  table?: string;
  chain: string;
  packet: PacketClass;
  target?: string;
  toSource?: string;
  toDestination?: string;
  toPorts?: string;
  /** Alternatives instead of `target`: any one of them will do. */
  anyOf?: WantedTarget[];
  /** false: assert that no such rule exists. Default true. */
  expect?: boolean;
  /** Instead of a rule: the chain's default policy (DROP: some chain on the hook drops what no rule accepts). */
  policy?: 'ACCEPT' | 'DROP';
}

const IPV4_OR_CIDR = '^\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?$';
const INTERFACE = '^[A-Za-z][A-Za-z0-9_.-]{0,14}$';
const NAT_ADDRESS = '^(\\d{1,3}(\\.\\d{1,3}){3}(-\\d{1,3}(\\.\\d{1,3}){3})?)?(:\\d{1,5}(-\\d{1,5})?)?$';
const PORT = { type: 'integer', minimum: 0, maximum: 65535 };

const targetOptions = {
  toSource: { type: 'string', minLength: 1, pattern: NAT_ADDRESS },
  toDestination: { type: 'string', minLength: 1, pattern: NAT_ADDRESS },
  toPorts: { type: 'string', pattern: '^\\d{1,5}(-\\d{1,5})?$' },
};

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['node', 'chain'],
  oneOf: [{ required: ['target', 'packet'] }, { required: ['anyOf', 'packet'] }, { required: ['policy'], not: { anyOf: [{ required: ['packet'] }, { required: ['expect'] }] } }],
  dependencies: { toSource: ['target'], toDestination: ['target'], toPorts: ['target'] },
  properties: {
    node: { type: 'string' },
    table: { type: 'string', enum: ['filter', 'nat', 'mangle', 'raw', 'security'] },
    chain: { type: 'string', minLength: 1 },
    packet: {
      type: 'object',
      additionalProperties: false,
      properties: {
        source: { type: 'string', pattern: IPV4_OR_CIDR },
        destination: { type: 'string', pattern: IPV4_OR_CIDR },
        protocol: { type: 'string', enum: ['tcp', 'udp', 'icmp'] },
        dport: PORT,
        sport: PORT,
        inInterface: { type: 'string', pattern: INTERFACE },
        outInterface: { type: 'string', pattern: INTERFACE },
        state: { type: 'string', enum: ['NEW', 'ESTABLISHED', 'RELATED', 'INVALID', 'UNTRACKED'] },
        icmpType: { type: 'integer', minimum: 0, maximum: 255 },
      },
    },
    policy: { type: 'string', enum: ['ACCEPT', 'DROP'] },
    target: { type: 'string', minLength: 1 },
    ...targetOptions,
    anyOf: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['target'],
        properties: { target: { type: 'string', minLength: 1 }, ...targetOptions },
      },
    },
    expect: { type: 'boolean' },
  },
};

/** "tcp packets from 192.168.15.0/24 to port 8080 arriving on eth0" */
export function describePacket(p: PacketClass): string {
  const words = [p.protocol === undefined ? 'packets' : `${p.protocol} packets`];
  if (p.source !== undefined) words.push(`from ${p.source}${p.sport === undefined ? '' : ` port ${p.sport}`}`);
  else if (p.sport !== undefined) words.push(`from port ${p.sport}`);
  if (p.destination !== undefined) words.push(`to ${p.destination}${p.dport === undefined ? '' : ` port ${p.dport}`}`);
  else if (p.dport !== undefined) words.push(`to port ${p.dport}`);
  if (p.inInterface !== undefined) words.push(`arriving on ${p.inInterface}`);
  if (p.outInterface !== undefined) words.push(`leaving ${p.outInterface}`);
  return words.length === 1 && p.protocol === undefined ? 'all packets' : words.join(' ');
}

function targetDetail(t: WantedTarget): string {
  const parts = [t.toDestination, t.toSource].filter((x): x is string => x !== undefined).map((x) => `to ${x}`);
  if (t.toPorts !== undefined) parts.push(`to port${t.toPorts.includes('-') ? 's' : ''} ${t.toPorts}`);
  return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}

/** "a MASQUERADE rule, or SNAT to 192.168.1.2," (or, for expect: false, "no MASQUERADE rule, nor SNAT ...,") */
export function describeTargets(targets: readonly WantedTarget[], expect = true): string {
  const text = targets.map((t, i) => {
    if (i > 0) return `${expect ? 'or' : 'nor'} ${t.target}${targetDetail(t)}`;
    const article = expect ? (/^[AEIOU]/i.test(t.target) ? 'an' : 'a') : 'no';
    return `${article} ${t.target} rule${targetDetail(t)}`;
  });
  return text.join(', ') + (targets.length > 1 ? ',' : '');
}

export function expectedSentence(query: RuleQuery, expect = true): string {
  return `${describeTargets(query.targets, expect)} in ${query.table} ${query.chain} for ${describePacket(query.packet)}`;
}

const quote = (rule: Rule): string => `\`${rule.line}\``;

function describeMatch(m: RuleMatch): string {
  // A match never holds assumptions: rules with conditions grade cannot judge are near misses.
  const via = m.via.length === 0 ? '' : ` (reached through ${m.via.map(quote).join(' then ')})`;
  return `${quote(m.rule)}${via}`;
}

/** What was found, in one sentence: the rule that handles the packets, or why none does. */
export function observedSentence(query: RuleQuery, report: MatchReport): string {
  const where = `${query.table} ${query.chain}`;
  const found = effectiveMatches(report);
  const [first] = found;
  if (first !== undefined) {
    const more = found.length > 1 ? ` (and ${found.length - 1} more matching rule${found.length > 2 ? 's' : ''})` : '';
    return `${describeMatch(first)} handles these packets${more}`;
  }
  const shadowed = report.matches[0];
  if (shadowed?.shadowedBy !== undefined) {
    return `${describeMatch(shadowed)} would, but the earlier ${quote(shadowed.shadowedBy)} takes these packets first`;
  }
  const policy = report.policy === null ? '' : ` (policy ${report.policy})`;
  if (report.ruleCount === 0) return `${where} has no rules${policy}`;
  if (report.nearMisses.length > 0) {
    const shown = report.nearMisses.slice(0, 3).map((n) => `${quote(n.rule)} (${n.reasons.join('; ')})`);
    const rest = report.nearMisses.length - shown.length;
    return `no rule in ${where} does; closest: ${shown.join(' | ')}${rest > 0 ? ` (and ${rest} more)` : ''}`;
  }
  const names = [...new Set(query.targets.map((t) => t.target))].join(' or ');
  const count = `${report.ruleCount} rule${report.ruleCount === 1 ? '' : 's'}`;
  return `${where} has ${count}${policy}, none doing ${names} for these packets`;
}

function wantedTargets(p: IptablesParams): WantedTarget[] {
  if (p.anyOf !== undefined) return p.anyOf;
  if (p.target === undefined) return [];
  const t: { -readonly [K in keyof WantedTarget]: WantedTarget[K] } = { target: p.target };
  if (p.toSource !== undefined) t.toSource = p.toSource;
  if (p.toDestination !== undefined) t.toDestination = p.toDestination;
  if (p.toPorts !== undefined) t.toPorts = p.toPorts;
  return [t];
}

const MIB = 1024 * 1024;
const sizeText = (bytes: number): string => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);

/** Sentences every observation ends with: both stores in use, listings grade could not fully read. */
function notesOf(rules: KernelRules, judgement: Judgement | null): string {
  const notes: string[] = [];
  if (judgement?.bothBackends ?? false) notes.push('this node has rules in both nft and iptables-legacy; both were read');
  notes.push(...rules.notes);
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
}

/** The observation for a rule query, across every chain that stands for its (table, chain). */
function observedOf(query: RuleQuery, j: Judgement): string {
  const empty: MatchReport = { chainFound: false, policy: null, ruleCount: 0, searched: [], matches: [], possible: [], nearMisses: [] };
  const primary = j.primary;
  const plain = j.reports.length === 1 && primary?.place.backend === 'nft' && primary.place.table.family === 'ip';
  const where = primary === null || plain ? '' : `in ${primary.place.label}: `;
  const text = `${where}${observedSentence(query, primary?.report ?? empty)}`;
  return j.blockedBy === null ? text : `${text}, but ${j.blockedBy}`;
}

/** The default policy of the chains on the hook: DROP when any of them drops what its rules leave. */
function judgePolicy(rules: KernelRules, p: IptablesParams, wanted: 'ACCEPT' | 'DROP'): { pass: boolean; observed: string } {
  const places = chainPlaces(rules, p.table ?? 'filter', p.chain);
  const policies = places.map((x) => `${x.label} ${x.chain.policy ?? 'none (a user chain)'}`);
  const drops = places.some((x) => x.chain.policy !== null && x.chain.policy !== 'ACCEPT');
  const observed = places.length === 0 ? `no ${p.table ?? 'filter'} ${p.chain} chain exists, so nothing is dropped there` : `policy: ${policies.join(', ')}`;
  return { pass: drops === (wanted === 'DROP'), observed };
}

export const iptablesCheck: CheckKind<IptablesParams> = {
  name: 'iptables',
  description: 'read every rule the kernel holds on a node (nft and iptables-legacy) and assert that a rule in a table/chain handles a described class of packets with a wanted target (MASQUERADE, DNAT, ACCEPT...), or that the chain has a default policy',
  schema,
  nodesOf: (p) => [p.node],
  async run(p, { lab }): Promise<CheckOutcome> {
    const query: RuleQuery = { table: p.table ?? 'filter', chain: p.chain, packet: p.packet ?? {}, targets: wantedTargets(p) };
    const expect = p.expect ?? true;
    const expected = p.policy !== undefined ? `${query.table} ${query.chain} drops ${p.policy === 'DROP' ? '' : 'nothing '}by default (policy ${p.policy})` : expectedSentence(query, expect);
    const dump = await dumpRules(lab, p.node);
    const evidence = [dump.evidence];
    if (dump.kind === 'failed') return { status: 'error', expected, observed: dump.why, evidence };
    if (dump.kind === 'too-big') {
      const observed = `the ${dump.source} listing on ${p.node} is ${sizeText(dump.size)}, over the ${sizeText(RULE_DUMP_CAP)} grade reads: a rule set this large cannot be judged`;
      return { status: 'fail', expected, observed, evidence };
    }
    const { rules } = dump;
    if (rules.legacy.anomalies.length > 0) {
      const observed = `the iptables-legacy rules on ${p.node} do not read as one unambiguous listing (${rules.legacy.anomalies.join('; ')}), so none of them can be trusted`;
      return { status: 'fail', expected, observed, evidence };
    }
    if (rules.nft.anomalies.length > 0) return { status: 'error', expected, observed: `the nft listing on ${p.node} could not be read: ${rules.nft.anomalies.join('; ')}`, evidence };
    if (p.policy !== undefined) {
      const verdict = judgePolicy(rules, p, p.policy);
      return { status: verdict.pass ? 'pass' : 'fail', expected, observed: `${verdict.observed}${notesOf(rules, null)}`, evidence };
    }
    let judgement: Judgement;
    try {
      judgement = judgePlaces(rules, query);
    } catch (e) {
      return { status: 'error', expected, observed: `could not compare rules: ${e instanceof Error ? e.message : String(e)}`, evidence };
    }
    const observed = `${observedOf(query, judgement)}${notesOf(rules, judgement)}`;
    return { status: judgement.handled === expect ? 'pass' : 'fail', expected, observed, evidence };
  },
};
