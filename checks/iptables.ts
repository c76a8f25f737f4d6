import type { CheckKind, CheckOutcome } from './check-kind.js';
import { evidenceOf, firstLine } from './evidence.js';
import {
  effectiveMatches, findMatchingRules, type MatchReport, type PacketClass, type RuleMatch, type RuleQuery, type WantedTarget,
} from './iptables/match-rule.js';
import { parseIptablesSave, type Rule } from './iptables/parse-iptables-save.js';

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
  required: ['node', 'chain', 'packet'],
  oneOf: [{ required: ['target'] }, { required: ['anyOf'] }],
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
      },
    },
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
  const via = m.via.length === 0 ? '' : ` (reached through ${m.via.map(quote).join(' then ')})`;
  const assumed = m.assumptions.length === 0 ? '' : `, assuming ${m.assumptions.join(', ')} lets them through`;
  return `${quote(m.rule)}${via}${assumed}`;
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

export const iptablesCheck: CheckKind<IptablesParams> = {
  name: 'iptables',
  description: 'read iptables-save on a node and assert that a rule in a table/chain handles a described class of packets with a wanted target (MASQUERADE, DNAT, ACCEPT...)',
  schema,
  nodesOf: (p) => [p.node],
  async run(p, { lab }): Promise<CheckOutcome> {
    const query: RuleQuery = { table: p.table ?? 'filter', chain: p.chain, packet: p.packet, targets: wantedTargets(p) };
    const expect = p.expect ?? true;
    const expected = expectedSentence(query, expect);
    const result = await lab.exec(p.node, ['iptables-save'], { maxOutputBytes: 1024 * 1024 });
    const evidence = [evidenceOf(p.node, 'iptables-save', result)];
    const error = (observed: string): CheckOutcome => ({ status: 'error', expected, observed, evidence });
    if (result.timedOut) return error(`iptables-save did not finish in time on ${p.node}`);
    if (result.exitCode !== 0) {
      return error(`iptables-save failed on ${p.node} (exit ${result.exitCode ?? 'killed'}): ${firstLine(result.output) || 'no output'}`);
    }
    let report: MatchReport;
    try {
      // A cut-off listing ends in a partial line, which could read as a broader rule.
      const text = result.truncated ? result.stdout.slice(0, result.stdout.lastIndexOf('\n') + 1) : result.stdout;
      report = findMatchingRules(parseIptablesSave(text), query);
    } catch (e) {
      return error(`could not compare rules: ${e instanceof Error ? e.message : String(e)}`);
    }
    const handled = effectiveMatches(report).length > 0;
    const observed = observedSentence(query, report);
    // A cut-off listing may hide the rule that would handle the packets.
    if (result.truncated && !handled) return error(`iptables-save output was cut off, so the rules cannot be judged; ${observed}`);
    return { status: handled === expect ? 'pass' : 'fail', expected, observed, evidence };
  },
};
