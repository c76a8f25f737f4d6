// Decide which rules of a chain would handle a described class of packets with a wanted target,
// whatever syntax the learner used, and say why the other candidate rules do not.

import { ANY_ADDRESS, cidrContains, cidrsDisjoint, formatCidr, formatIpv4, parseCidr, parseIpv4, type Cidr } from './cidr.js';
import type { AddressMatch, Chain, MatchModule, NamedMatch, PortMatch, Rule, Ruleset, Table } from './rule-types.js';

export type Protocol = 'tcp' | 'udp' | 'icmp';

/** A class of packets. A field left out means "any": only rules without that condition match it. */
export interface PacketClass {
  readonly source?: string;
  readonly destination?: string;
  readonly protocol?: Protocol;
  readonly dport?: number;
  readonly sport?: number;
  readonly inInterface?: string;
  readonly outInterface?: string;
  /** The connection-tracking state of the packets (default NEW: the first packet of a connection, the only one the nat table sees). */
  readonly state?: string;
  /** ICMP type of icmp packets (8: echo request); unset means any type. */
  readonly icmpType?: number;
}

export interface WantedTarget {
  readonly target: string;
  readonly toSource?: string;
  readonly toDestination?: string;
  readonly toPorts?: string;
}

export interface RuleQuery {
  readonly table: string;
  readonly chain: string;
  readonly packet: PacketClass;
  /** Alternatives: any one of them will do. */
  readonly targets: readonly WantedTarget[];
}

export interface RuleMatch {
  readonly rule: Rule;
  /** The jump rules followed to reach this rule's chain, outermost first. */
  readonly via: readonly Rule[];
  /** An earlier rule that certainly takes every one of these packets first. */
  readonly shadowedBy?: Rule;
  /** Conditions this matcher cannot judge: such a rule only "may match" and never counts. */
  readonly assumptions: readonly string[];
}

export interface NearMiss {
  readonly rule: Rule;
  readonly via: readonly Rule[];
  readonly reasons: readonly string[];
}

export interface MatchReport {
  readonly chainFound: boolean;
  readonly policy: string | null;
  readonly ruleCount: number;
  /** Chains searched, the queried one first, then user chains reached by jumps. */
  readonly searched: readonly string[];
  readonly matches: readonly RuleMatch[];
  /** Rules that would do it but for conditions this matcher cannot judge: they may not match, so they never count. */
  readonly possible: readonly RuleMatch[];
  readonly nearMisses: readonly NearMiss[];
}

const TERMINATING = new Set(['ACCEPT', 'DROP', 'REJECT', 'DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'NETMAP', 'NFQUEUE', 'QUEUE']);
const PORT_OPTIONS = new Set(['--dport', '--sport', '--destination-port', '--source-port', '--dports', '--sports', '--destination-ports', '--source-ports', '--ports']);
const STATE_OPTIONS = new Set(['--ctstate', '--state']);

export function parseCidrOrThrow(text: string | undefined): Cidr {
  if (text === undefined) return ANY_ADDRESS;
  const cidr = parseCidr(text);
  if (cidr === null) throw new Error(`not an IPv4 address or network: ${text}`);
  return cidr;
}

function addressProblem(flag: '-s' | '-d', match: AddressMatch | undefined, packet: Cidr, given: boolean): string | null {
  if (match === undefined) return null;
  const rule = parseCidr(match.cidr);
  const word = flag === '-s' ? 'source' : 'destination';
  if (rule === null) return `${flag} ${match.cidr} is not an IPv4 network this check can compare`;
  const packetText = given ? formatCidr(packet) : `every ${word}`;
  if (!match.negated) return cidrContains(rule, packet) ? null : `${flag} covers ${match.cidr}, not ${packetText}`;
  if (!given) return `! ${flag} excludes ${match.cidr}, so not every ${word} matches`;
  return cidrsDisjoint(rule, packet) ? null : `! ${flag} excludes ${match.cidr}, which overlaps ${packetText}`;
}

function protocolProblem(match: NamedMatch | undefined, protocol: string | undefined): string | null {
  if (match === undefined) return null;
  if (!match.negated) {
    if (protocol === match.name) return null;
    return protocol === undefined ? `matches only -p ${match.name}, the packet's protocol is not specified` : `matches -p ${match.name}, the packet is ${protocol}`;
  }
  if (protocol !== undefined && protocol !== match.name) return null;
  return protocol === undefined ? `! -p ${match.name} excludes some packets, the packet's protocol is not specified` : `excludes -p ${match.name}, the packet is ${protocol}`;
}

function inRanges(match: PortMatch, port: number | undefined): boolean {
  return port !== undefined && match.ranges.some((r) => r.from <= port && port <= r.to);
}

function portProblem(dir: 'dport' | 'sport', match: PortMatch | undefined, port: number | undefined): string | null {
  if (match === undefined) return null;
  const flag = `--${dir}${match.text.includes(',') ? 's' : ''} ${match.text}`;
  const word = dir === 'dport' ? 'destination' : 'source';
  const packetText = dir === 'dport' ? `the packet goes to port ${port}` : `the packet comes from port ${port}`;
  if (match.ranges.length === 0) return `${flag} is not a port list this check can read`;
  if (port === undefined) return `${match.negated ? '! ' : 'matches only '}${flag}, the packet's ${word} port is not specified`;
  if (inRanges(match, port) !== match.negated) return null;
  return `${match.negated ? 'excludes' : 'matches'} ${flag}, ${packetText}`;
}

function eitherPortProblem(match: PortMatch | undefined, packet: PacketClass): string | null {
  if (match === undefined) return null;
  const hit = inRanges(match, packet.dport) || inRanges(match, packet.sport);
  const known = packet.dport !== undefined && packet.sport !== undefined;
  if (match.negated ? known && !hit : hit) return null;
  return `${match.negated ? 'excludes' : 'matches only'} --ports ${match.text} (source or destination), the packet does not qualify for all its ports`;
}

function interfaceProblem(flag: '-i' | '-o', match: NamedMatch | undefined, name: string | undefined): string | null {
  if (match === undefined || (match.name === '+' && !match.negated)) return null;
  const fits = name !== undefined && (match.name.endsWith('+') ? name.startsWith(match.name.slice(0, -1)) : name === match.name);
  if (name !== undefined && fits !== match.negated) return null;
  const verb = flag === '-i' ? 'arrives on' : 'leaves on';
  if (name === undefined) {
    const which = flag === '-i' ? 'incoming' : 'outgoing';
    return `${match.negated ? `! ${flag} ${match.name} excludes some interfaces` : `matches only ${flag} ${match.name}`}, the packet's ${which} interface is not specified`;
  }
  return `${match.negated ? 'excludes' : 'matches'} ${flag} ${match.name}, the packet ${verb} ${name}`;
}

/** A conntrack/state match that leaves out the packet's state (say `--ctstate INVALID` on a NAT rule, which then never applies). */
function stateProblem(rule: Rule, state: string): string | null {
  for (const m of rule.matches) {
    if (m.name !== 'conntrack' && m.name !== 'state') continue;
    const at = m.options.findIndex((o) => o === '--ctstate' || o === '--state');
    if (at < 0) continue;
    const negated = m.options[at - 1] === '!' || m.options[at + 1] === '!';
    const list = (m.options[at + 1] === '!' ? m.options[at + 2] : m.options[at + 1]) ?? '';
    const states = list.split(',');
    if (states.includes(state) === negated) {
      return `${negated ? 'excludes' : 'matches only'} ${m.options[at]} ${list}, the packets are ${state}`;
    }
  }
  return null;
}

/** A module's options other than those in `known` and their values (e.g. --tcp-flags of -m tcp). */
function otherOptions(options: readonly string[], known: ReadonlySet<string>): string[] {
  const rest: string[] = [];
  for (let i = 0; i < options.length; i++) {
    const option = options[i] ?? '';
    if (option === '!' && known.has(options[i + 1] ?? '')) continue;
    if (known.has(option)) i += options[i + 1] === '!' ? 2 : 1;
    else rest.push(option);
  }
  return rest;
}

const ICMP_TYPES: Readonly<Record<string, number>> = {
  'echo-reply': 0, pong: 0, 'destination-unreachable': 3, 'echo-request': 8, ping: 8, 'time-exceeded': 11,
};

/** `-m icmp --icmp-type T`: judged against the packets' ICMP type when the check names one. */
function icmpModuleProblem(m: MatchModule, packet: PacketClass): string | null | 'unknown' {
  const at = m.options.indexOf('--icmp-type');
  const negated = m.options[at - 1] === '!' || m.options[at + 1] === '!';
  const text = (m.options[at + 1] === '!' ? m.options[at + 2] : m.options[at + 1]) ?? '';
  const type = /^\d+$/.test(text) ? Number(text) : ICMP_TYPES[text];
  if (at < 0 || otherOptions(m.options, new Set(['--icmp-type'])).length > 0 || type === undefined || packet.icmpType === undefined) return 'unknown';
  return (type === packet.icmpType) !== negated ? null : `${negated ? 'excludes' : 'matches only'} --icmp-type ${text}, the packets are ICMP type ${packet.icmpType}`;
}

/** The options of a module this matcher reads in full, or null for a module it does not read. */
function knownOptions(name: string): ReadonlySet<string> | null {
  if (name === 'comment') return new Set(['--comment']);
  if (name === 'conntrack' || name === 'state') return STATE_OPTIONS;
  if (name === 'tcp' || name === 'udp' || name === 'multiport') return PORT_OPTIONS;
  return null;
}

/** Conditions of modules this matcher cannot judge: the rule may not match the packets. */
function assumptionsOf(rule: Rule, packet: PacketClass): string[] {
  const notes: string[] = [];
  for (const m of rule.matches) {
    if (m.name === 'icmp' && icmpModuleProblem(m, packet) !== 'unknown') continue;
    const known = knownOptions(m.name);
    const extra = known === null ? [] : otherOptions(m.options, known);
    if (known === null || extra.length > 0) notes.push(`-m ${m.name} ${(extra.length > 0 ? extra : m.options).join(' ')}`.trim());
  }
  if (rule.unknownOptions.length > 0) notes.push(rule.unknownOptions.join(' '));
  return notes;
}

function icmpProblem(rule: Rule, packet: PacketClass): string | null {
  for (const m of rule.matches) {
    const problem = m.name === 'icmp' ? icmpModuleProblem(m, packet) : null;
    if (problem !== null && problem !== 'unknown') return problem;
  }
  return null;
}

export interface ConditionCheck {
  readonly problems: readonly string[];
  readonly assumptions: readonly string[];
}

/** Why `rule` does not match every packet of the class (empty: it does). */
export function checkConditions(rule: Rule, packet: PacketClass): ConditionCheck {
  const problems = [
    addressProblem('-s', rule.source, parseCidrOrThrow(packet.source), packet.source !== undefined),
    addressProblem('-d', rule.destination, parseCidrOrThrow(packet.destination), packet.destination !== undefined),
    protocolProblem(rule.protocol, packet.protocol),
    interfaceProblem('-i', rule.inInterface, packet.inInterface),
    interfaceProblem('-o', rule.outInterface, packet.outInterface),
    portProblem('dport', rule.dport, packet.dport),
    portProblem('sport', rule.sport, packet.sport),
    eitherPortProblem(rule.ports, packet),
    stateProblem(rule, packet.state ?? 'NEW'),
    icmpProblem(rule, packet),
  ].filter((p): p is string => p !== null);
  return { problems, assumptions: assumptionsOf(rule, packet) };
}

function normaliseRange(text: string | undefined, one: (part: string) => string): string | null {
  if (text === undefined || text === '') return null;
  const [a = '', b] = text.split('-');
  const from = one(a);
  const to = b === undefined ? from : one(b);
  return from === to ? from : `${from}-${to}`;
}

const oneAddress = (s: string): string => {
  const n = parseIpv4(s.trim());
  return n === null ? s.trim() : formatIpv4(n);
};
const onePort = (s: string): string => (/^\d+$/.test(s.trim()) ? String(Number(s)) : s.trim());

/** `10.0.0.2-10.0.0.2:80-80` -> addresses 10.0.0.2, ports 80 (IPv4 NAT ranges). */
export function parseNatSpec(text: string | undefined): { addresses: string | null; ports: string | null } {
  const [address, ports] = (text ?? '').trim().split(':');
  return { addresses: normaliseRange(address, oneAddress), ports: normaliseRange(ports, onePort) };
}

/** Why the rule's target is not this wanted one (null: it is). */
function targetProblem(rule: Rule, want: WantedTarget, packet: PacketClass): string | null {
  if ((rule.target ?? '').toUpperCase() !== want.target.toUpperCase()) return `does ${rule.target ?? 'nothing (no -j)'}, not ${want.target}`;
  const dport = packet.dport === undefined ? null : String(packet.dport);
  if (want.toDestination !== undefined) {
    const w = parseNatSpec(want.toDestination);
    const h = parseNatSpec(rule.toDestination);
    if (w.addresses !== h.addresses || (w.ports ?? dport) !== (h.ports ?? dport)) return `sends to ${rule.toDestination ?? 'no --to-destination'}, not ${want.toDestination}`;
  }
  if (want.toSource !== undefined) {
    const w = parseNatSpec(want.toSource);
    const h = parseNatSpec(rule.toSource);
    const sport = packet.sport === undefined ? null : String(packet.sport);
    // Source-port remapping is incidental to SNAT unless the check names a port.
    if (w.addresses !== h.addresses || (w.ports !== null && w.ports !== (h.ports ?? sport))) return `translates the source to ${rule.toSource ?? 'nothing'}, not ${want.toSource}`;
  }
  if (want.toPorts !== undefined) {
    const unchanged = rule.target?.toUpperCase() === 'REDIRECT' ? dport : null;
    if (normaliseRange(want.toPorts, onePort) !== (normaliseRange(rule.toPorts, onePort) ?? unchanged)) return `uses --to-ports ${rule.toPorts ?? '(none)'}, not ${want.toPorts}`;
  }
  return null;
}

/** null when some alternative accepts the rule's target, else the most telling reason. */
export function targetMismatch(rule: Rule, wants: readonly WantedTarget[], packet: PacketClass): string | null {
  const problems = wants.map((w) => targetProblem(rule, w, packet));
  if (problems.some((p) => p === null)) return null;
  const sameName = wants.findIndex((w) => w.target.toUpperCase() === (rule.target ?? '').toUpperCase());
  return problems[sameName >= 0 ? sameName : 0] ?? 'no target wanted';
}

function chainReaches(table: Table, chain: Chain, names: ReadonlySet<string>, seen: Set<string>): boolean {
  seen.add(chain.name);
  return chain.rules.some((rule) => {
    const target = rule.target ?? '';
    if (names.has(target.toUpperCase())) return true;
    const next = table.chains.find((c) => c.name === target);
    return next !== undefined && !seen.has(next.name) && chainReaches(table, next, names, seen);
  });
}

export function findMatchingRules(ruleset: Ruleset, query: RuleQuery): MatchReport {
  const table = ruleset.tables.find((t) => t.name === query.table);
  const start = table?.chains.find((c) => c.name === query.chain);
  const found = new RuleSearch(query);
  if (table !== undefined && start !== undefined) found.chain(table, start, [], undefined);
  return {
    chainFound: start !== undefined,
    policy: start?.policy ?? null,
    ruleCount: start?.rules.length ?? 0,
    searched: found.searched,
    matches: found.matches,
    possible: found.possible,
    nearMisses: found.nearMisses,
  };
}

/** A search through a table's chains, depth first: the chains on the current path, and what was found so far. */
class RuleSearch {
  readonly searched: string[] = [];
  readonly matches: RuleMatch[] = [];
  readonly possible: RuleMatch[] = [];
  readonly nearMisses: NearMiss[] = [];
  private readonly wantedNames: Set<string>;
  private readonly onPath = new Set<string>();

  constructor(private readonly query: RuleQuery) {
    this.wantedNames = new Set(query.targets.map((t) => t.target.toUpperCase()));
  }

  /** Search one chain; returns the rule that certainly ends every packet's traversal, if any. */
  chain(t: Table, chain: Chain, via: readonly Rule[], inherited: Rule | undefined): Rule | undefined {
    this.onPath.add(chain.name);
    if (!this.searched.includes(chain.name)) this.searched.push(chain.name);
    let shadow = inherited;
    let ended: Rule | undefined;
    // Once a rule this matcher cannot judge may have taken some packets away (ufw's `-m addrtype ...
    // -j RETURN`), no later rule certainly takes all of them: nothing after it shadows or ends.
    let leaky = false;
    for (const rule of chain.rules) {
      const conditions = checkConditions(rule, this.query.packet);
      const certain = conditions.problems.length === 0 && conditions.assumptions.length === 0;
      const target = rule.target ?? '';
      const userChain = t.chains.find((c) => c.name === target);
      this.note(t, rule, via, shadow, conditions, userChain);
      const passes = conditions.problems.length === 0;
      if (passes && userChain !== undefined && !this.onPath.has(userChain.name)) {
        const inner = this.chain(t, userChain, [...via, rule], shadow);
        if (certain && !leaky && inner !== undefined && shadow === undefined) shadow = ended = inner;
      }
      const diverts = TERMINATING.has(target.toUpperCase()) || target === 'RETURN' || userChain !== undefined;
      if (passes && !certain && diverts) leaky = true;
      if (!certain || leaky || shadow !== undefined) continue;
      if (TERMINATING.has(target.toUpperCase())) shadow = ended = rule;
      else if (target === 'RETURN' || (rule.goto && userChain !== undefined)) shadow = rule; // ends this chain only
    }
    this.onPath.delete(chain.name);
    return ended;
  }

  /** Where one rule goes: a match, a possible match (and why it may not count), or a near miss with its reasons. */
  private note(t: Table, rule: Rule, via: readonly Rule[], shadow: Rule | undefined, conditions: ConditionCheck, userChain: Chain | undefined): void {
    const { problems, assumptions } = conditions;
    const target = rule.target ?? '';
    const wanted = this.wantedNames.has(target.toUpperCase());
    const mismatch = targetMismatch(rule, this.query.targets, this.query.packet);
    if (problems.length === 0 && mismatch === null) {
      const found = { rule, via, ...(shadow === undefined ? {} : { shadowedBy: shadow }), assumptions };
      if (assumptions.length === 0) this.matches.push(found);
      else {
        this.possible.push(found);
        this.nearMisses.push({ rule, via, reasons: [mayNotMatch(assumptions)] });
      }
    } else if (problems.length > 0 && (wanted || (userChain !== undefined && chainReaches(t, userChain, this.wantedNames, new Set(this.onPath))))) {
      this.nearMisses.push({ rule, via, reasons: problems });
    } else if (problems.length === 0 && mismatch !== null && (wanted || TERMINATING.has(target.toUpperCase()))) {
      this.nearMisses.push({ rule, via, reasons: [mismatch] });
    }
  }
}

/** The sentence for a rule whose conditions include some grade cannot judge. */
export function mayNotMatch(assumptions: readonly string[]): string {
  return `may not match: grade cannot tell whether ${assumptions.join(', ')} lets these packets through, so the rule does not count`;
}

/** Matches that would really handle the packets: not taken first by an earlier rule. */
export function effectiveMatches(report: MatchReport): readonly RuleMatch[] {
  return report.matches.filter((m) => m.shadowedBy === undefined);
}
