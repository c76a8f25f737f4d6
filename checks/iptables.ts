import type { CheckKind, CheckOutcome } from './check-kind.js';
import { chainPlaces, type KernelRules } from './iptables/kernel-rules.js';
import { judgePlaces, type Judgement } from './iptables/judge-places.js';
import {
  effectiveMatches, type MatchReport, type PacketClass, type RuleMatch, type RuleQuery, type WantedTarget,
} from './iptables/match-rule.js';
import type { Rule } from './iptables/rule-types.js';
import { dumpRules, RULE_DUMP_CAP } from './rule-dump.js';
import { line, told, type Line } from './words/say.js';

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
  return packetLine(p).text;
}

function packetLine(p: PacketClass): Line {
  const empty = p.protocol === undefined && [p.source, p.sport, p.destination, p.dport, p.inInterface, p.outInterface].every((x) => x === undefined);
  if (empty) return line('iptables.all-packets');
  const from = p.source !== undefined ? (p.sport === undefined ? line('iptables.from', { address: p.source }) : line('iptables.from-port', { address: p.source, port: p.sport })) : p.sport !== undefined ? line('iptables.from-any-port', { port: p.sport }) : '';
  const to = p.destination !== undefined ? (p.dport === undefined ? line('iptables.to', { address: p.destination }) : line('iptables.to-port', { address: p.destination, port: p.dport })) : p.dport !== undefined ? line('iptables.to-any-port', { port: p.dport }) : '';
  return line('iptables.packet', {
    proto: p.protocol === undefined ? line('iptables.any-proto') : line('iptables.proto', { protocol: p.protocol }),
    from,
    to,
    in: p.inInterface === undefined ? '' : line('iptables.in', { dev: p.inInterface }),
    out: p.outInterface === undefined ? '' : line('iptables.out', { dev: p.outInterface }),
  });
}

/** Items folded into one sentence, two at a time, by `id` ("a, b, c" or "a then b then c"). */
function folded(items: readonly (Line | string)[], id: Parameters<typeof line>[0]): Line | string {
  if (items.length <= 1) return items[0] ?? '';
  return line(id, { first: items[0]!, rest: folded(items.slice(1), id) });
}

function targetDetail(t: WantedTarget): Line | string {
  const parts: Line[] = [t.toDestination, t.toSource].filter((x): x is string => x !== undefined).map((x) => line('iptables.detail-to', { address: x }));
  if (t.toPorts !== undefined) parts.push(line(t.toPorts.includes('-') ? 'iptables.detail-ports' : 'iptables.detail-port', { ports: t.toPorts }));
  return folded(parts, 'iptables.concat');
}

/** "a MASQUERADE rule, or SNAT to 192.168.1.2," (or, for expect: false, "no MASQUERADE rule, nor SNAT ...,") */
export function describeTargets(targets: readonly WantedTarget[], expect = true): string {
  return targetsLine(targets, expect).text;
}

function targetsLine(targets: readonly WantedTarget[], expect: boolean): Line {
  const items = targets.map((t, i) => {
    const params = { target: t.target, detail: targetDetail(t) };
    if (i > 0) return line(expect ? 'iptables.target-or' : 'iptables.target-nor', params);
    return line(!expect ? 'iptables.target-no' : /^[AEIOU]/i.test(t.target) ? 'iptables.target-an' : 'iptables.target-a', params);
  });
  const list = folded(items, 'iptables.targets-more') as Line;
  return targets.length > 1 ? line('iptables.targets-end', { list }) : list;
}

function expectedLine(query: RuleQuery, expect: boolean): Line {
  const params = { targets: targetsLine(query.targets, expect), table: query.table, chain: query.chain, packets: packetLine(query.packet) };
  return line(expect ? 'iptables.expected' : 'iptables.expected-none', params);
}

const quote = (rule: Rule): Line => line('iptables.rule', { rule: rule.line });

function describeMatch(m: RuleMatch): Line {
  // A match never holds assumptions: rules with conditions grade cannot judge are near misses.
  if (m.via.length === 0) return quote(m.rule);
  return line('iptables.reached-through', { rule: quote(m.rule), chain: folded(m.via.map(quote), 'iptables.then') });
}

/** What was found, in one sentence: the rule that handles the packets, or why none does. */
export function observedSentence(query: RuleQuery, report: MatchReport): string {
  return observedLine(query, report).text;
}

function observedLine(query: RuleQuery, report: MatchReport): Line {
  const where = { table: query.table, chain: query.chain };
  const found = effectiveMatches(report);
  const [first] = found;
  if (first !== undefined) {
    const rule = describeMatch(first);
    if (found.length === 1) return line('iptables.handles', { rule });
    return found.length === 2 ? line('iptables.handles-one-more', { rule }) : line('iptables.handles-more', { rule, count: found.length - 1 });
  }
  const shadowed = report.matches[0];
  if (shadowed?.shadowedBy !== undefined) return line('iptables.shadowed', { rule: describeMatch(shadowed), earlier: quote(shadowed.shadowedBy) });
  if (report.ruleCount === 0) return report.policy === null ? line('iptables.no-rules', where) : line('iptables.no-rules-policy', { ...where, policy: report.policy });
  if (report.nearMisses.length > 0) {
    const shown = report.nearMisses.slice(0, 3).map((n) => line('iptables.near-miss', { rule: quote(n.rule), reasons: n.reasons.join('; ') }));
    const rest = report.nearMisses.length - shown.length;
    const list = folded(shown, 'iptables.bar');
    return rest > 0 ? line('iptables.closest-more', { ...where, shown: list, count: rest }) : line('iptables.closest', { ...where, shown: list });
  }
  const names = folded([...new Set(query.targets.map((t) => t.target))], 'iptables.or');
  const count = report.ruleCount === 1 ? line('iptables.one-rule') : line('iptables.rules', { count: report.ruleCount });
  if (report.policy === null) return line('iptables.none-doing', { ...where, count, names });
  return line('iptables.none-doing-policy', { ...where, count, policy: report.policy, names });
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
function withNotes(observed: Line, rules: KernelRules, judgement: Judgement | null): Line {
  const notes: (Line | string)[] = [];
  if (judgement?.bothBackends ?? false) notes.push(line('iptables.both-backends'));
  notes.push(...rules.notes);
  return notes.length === 0 ? observed : line('iptables.with-notes', { observed, notes: folded(notes, 'common.semicolon') });
}

/** The observation for a rule query, across every chain that stands for its (table, chain). */
function observedOf(query: RuleQuery, j: Judgement): Line {
  const empty: MatchReport = { chainFound: false, policy: null, ruleCount: 0, searched: [], matches: [], possible: [], nearMisses: [] };
  const primary = j.primary;
  const plain = j.reports.length === 1 && primary?.place.backend === 'nft' && primary.place.table.family === 'ip';
  const found = observedLine(query, primary?.report ?? empty);
  const text = primary === null || plain ? found : line('iptables.in-place', { label: primary.place.label, observed: found });
  return j.blockedBy === null ? text : line('iptables.but', { observed: text, blocked: j.blockedBy });
}

/** The default policy of the chains on the hook: DROP when any of them drops what its rules leave. */
function judgePolicy(rules: KernelRules, p: IptablesParams, wanted: 'ACCEPT' | 'DROP'): { pass: boolean; observed: Line } {
  const places = chainPlaces(rules, p.table ?? 'filter', p.chain);
  const policies = places.map((x) => line('iptables.policy-of', { label: x.label, policy: x.chain.policy ?? line('iptables.user-chain') }));
  const drops = places.some((x) => x.chain.policy !== null && x.chain.policy !== 'ACCEPT');
  const observed = places.length === 0 ? line('iptables.no-chain', { table: p.table ?? 'filter', chain: p.chain }) : line('iptables.policies', { policies: folded(policies, 'iptables.list') });
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
    const chain = { table: query.table, chain: query.chain };
    const expected = p.policy !== undefined ? line(p.policy === 'DROP' ? 'iptables.expected-policy-drop' : 'iptables.expected-policy-accept', chain) : expectedLine(query, expect);
    const dump = await dumpRules(lab, p.node);
    const evidence = [dump.evidence];
    if (dump.kind === 'failed') return told('error', expected, line('common.text', { text: dump.why }), evidence);
    if (dump.kind === 'too-big') {
      const observed = line('iptables.too-big', { source: dump.source, node: p.node, size: sizeText(dump.size), cap: sizeText(RULE_DUMP_CAP) });
      return told('fail', expected, observed, evidence);
    }
    const { rules } = dump;
    if (rules.legacy.anomalies.length > 0) {
      return told('fail', expected, line('iptables.legacy-ambiguous', { node: p.node, anomalies: rules.legacy.anomalies.join('; ') }), evidence);
    }
    if (rules.nft.anomalies.length > 0) return told('error', expected, line('iptables.nft-unreadable', { node: p.node, anomalies: rules.nft.anomalies.join('; ') }), evidence);
    if (p.policy !== undefined) {
      const verdict = judgePolicy(rules, p, p.policy);
      return told(verdict.pass ? 'pass' : 'fail', expected, withNotes(verdict.observed, rules, null), evidence);
    }
    let judgement: Judgement;
    try {
      judgement = judgePlaces(rules, query);
    } catch (e) {
      return told('error', expected, line('iptables.could-not-compare', { why: e instanceof Error ? e.message : String(e) }), evidence);
    }
    return told(judgement.handled === expect ? 'pass' : 'fail', expected, withNotes(observedOf(query, judgement), rules, judgement), evidence);
  },
};
