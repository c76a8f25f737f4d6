// What an iptables chain does with one concrete packet, for the path tracer. Rules are matched with
// the checks' own matcher (checks/iptables/match-rule.ts) plus the few modules a packet makes
// decidable (address types, ICMP types, --syn). A rule that still cannot be judged is followed both
// ways: when both lead to the same end the verdict stands, otherwise it is "unsure".

import { checkConditions, type PacketClass } from '../../checks/iptables/match-rule.js';
import { findChain, type MatchModule, type Rule, type Ruleset } from '../../checks/iptables/parse-iptables-save.js';

export interface TracedPacket {
  readonly src: number;
  readonly srcText: string;
  readonly dstText: string;
  readonly dst: number;
  readonly proto: 'icmp' | 'tcp';
  /** Unknown for the client's side of a TCP connection (its port is picked when it connects). */
  readonly sport?: number;
  readonly dport?: number;
  /** 8 for echo requests, 0 for their replies. */
  readonly icmpType?: number;
  readonly state: 'NEW' | 'ESTABLISHED';
}

export interface HookPlace {
  /** '' where the hook has none (locally made packets have no incoming interface). */
  readonly inIface?: string;
  readonly outIface?: string;
  /** The node's own addresses (`-m addrtype --dst-type LOCAL`). */
  readonly local: ReadonlySet<number>;
}

/** Where the packet's traversal ended: a target, with the rule that sent it there (null: the chain's policy). */
export interface Ending {
  readonly target: string;
  readonly rule: Rule | null;
  readonly chain: string;
}

export type ChainVerdict =
  | { readonly sure: true; readonly ending: Ending }
  | { readonly sure: false; readonly endings: readonly Ending[]; readonly why: string };

type Match = { readonly verdict: 'yes' } | { readonly verdict: 'no' } | { readonly verdict: 'maybe'; readonly why: string };

const TERMINAL = new Set(['ACCEPT', 'DROP', 'REJECT', 'DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'NETMAP', 'NFQUEUE', 'QUEUE']);
/** Targets that let the packet go on to the next rule. */
const NON_TERMINAL = new Set(['LOG', 'NFLOG', 'ULOG', 'MARK', 'CONNMARK', 'CT', 'TCPMSS', 'TTL', 'TOS', 'DSCP', 'CLASSIFY', 'TRACE', 'AUDIT', 'NOTRACK', '']);
const MAX_DEPTH = 32;

/** How `chain` of `table` handles `packet`; a missing chain accepts (nothing filters there). */
export function chainVerdict(rules: Ruleset, table: string, chain: string, packet: TracedPacket, place: HookPlace): ChainVerdict {
  const t = rules.tables.find((x) => x.name === table);
  const start = findChain(rules, table, chain);
  if (t === undefined || start === undefined) return { sure: true, ending: { target: 'ACCEPT', rule: null, chain } };
  const doubts: string[] = [];
  const memo = new Map<string, Ending[]>();

  const fromRule = (chainName: string, index: number, depth: number): Ending[] => {
    const key = `${chainName}#${index}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const c = t.chains.find((x) => x.name === chainName);
    const rule = c?.rules[index];
    let out: Ending[];
    if (c === undefined || depth > MAX_DEPTH) out = [{ target: 'UNKNOWN', rule: null, chain: chainName }];
    else if (rule === undefined) out = [{ target: c.policy ?? 'RETURN', rule: null, chain: chainName }];
    else {
      const m = matchRule(rule, packet, place);
      const next = (): Ending[] => fromRule(chainName, index + 1, depth);
      if (m.verdict === 'no') out = next();
      else {
        const taken = take(rule, chainName, index, depth, next);
        if (m.verdict === 'yes') out = taken;
        else {
          doubts.push(`${m.why} (${rule.line})`);
          out = [...taken, ...next()];
        }
      }
    }
    memo.set(key, out);
    return out;
  };

  const take = (rule: Rule, chainName: string, index: number, depth: number, next: () => Ending[]): Ending[] => {
    const target = (rule.target ?? '').toUpperCase();
    const user = t.chains.find((x) => x.name === rule.target);
    if (user !== undefined) {
      const inner = fromRule(user.name, 0, depth + 1);
      const returned = inner.some((e) => e.target === 'RETURN');
      const rest = inner.filter((e) => e.target !== 'RETURN');
      if (!returned) return rest;
      return [...rest, ...(rule.goto ? [{ target: 'RETURN', rule, chain: chainName }] : next())];
    }
    if (target === 'RETURN') return [{ target: 'RETURN', rule, chain: chainName }];
    if (TERMINAL.has(target)) return [{ target, rule, chain: chainName }];
    if (NON_TERMINAL.has(target)) return next();
    return [{ target: 'UNKNOWN', rule, chain: chainName }];
  };

  const endings = dedupe(fromRule(start.name, 0, 0).map((e) => (e.target === 'RETURN' ? { ...e, target: start.policy ?? 'ACCEPT', rule: null, chain: start.name } : e)));
  const only = endings[0];
  if (endings.length === 1 && only !== undefined && only.target !== 'UNKNOWN') return { sure: true, ending: only };
  const unknown = endings.find((e) => e.target === 'UNKNOWN');
  const why = unknown?.rule ? `it jumps to ${unknown.rule.target}, which the tracer does not know (${unknown.rule.line})` : (doubts[0] ?? 'a rule the tracer cannot judge');
  return { sure: false, endings, why };
}

/** Same target counts once (the first rule that leads there is kept). */
function dedupe(endings: readonly Ending[]): Ending[] {
  const seen = new Map<string, Ending>();
  for (const e of endings) if (!seen.has(e.target)) seen.set(e.target, e);
  return [...seen.values()];
}

/** Whether `rule` matches `packet`: its addresses, interfaces, protocol, ports, state and modules. */
export function matchRule(rule: Rule, packet: TracedPacket, place: HookPlace): Match {
  const bothPorts = packet.sport !== undefined && packet.dport !== undefined;
  const unknownPort =
    (rule.sport !== undefined && packet.sport === undefined) || (rule.dport !== undefined && packet.dport === undefined) || (rule.ports !== undefined && !bothPorts);
  const judged = {
    ...rule,
    sport: packet.sport === undefined ? undefined : rule.sport,
    dport: packet.dport === undefined ? undefined : rule.dport,
    ports: bothPorts ? rule.ports : undefined,
    matches: [],
  } as Rule;
  const cls: PacketClass = {
    source: packet.srcText,
    destination: packet.dstText,
    protocol: packet.proto,
    ...(packet.sport !== undefined ? { sport: packet.sport } : {}),
    ...(packet.dport !== undefined ? { dport: packet.dport } : {}),
    ...(place.inIface !== undefined ? { inInterface: place.inIface } : {}),
    ...(place.outIface !== undefined ? { outInterface: place.outIface } : {}),
    state: packet.state,
  };
  // Addresses, protocol, interfaces and known ports first: a sure "no" ends it.
  if (checkConditions(judged, cls).problems.length > 0) return { verdict: 'no' };
  const doubts: string[] = [];
  if (unknownPort) doubts.push("the rule names a port of the connection's client side, which is picked at random");
  if (rule.unknownOptions.length > 0) doubts.push(`the tracer cannot judge ${rule.unknownOptions.join(' ')}`);
  for (const m of rule.matches) {
    const v = moduleMatch(m, packet, place, cls);
    if (v === 'no') return { verdict: 'no' };
    if (v !== 'yes') doubts.push(v);
  }
  return doubts.length === 0 ? { verdict: 'yes' } : { verdict: 'maybe', why: doubts[0] ?? '' };
}

/** 'yes', 'no', or why the module cannot be judged. */
function moduleMatch(m: MatchModule, packet: TracedPacket, place: HookPlace, cls: PacketClass): string {
  const o = m.options;
  switch (m.name) {
    case 'comment':
    case 'multiport':
      return 'yes';
    case 'state':
    case 'conntrack': {
      // The state itself was judged with the addresses; other conntrack conditions are not.
      const other = o.filter((x) => x.startsWith('--') && x !== '--ctstate' && x !== '--state');
      if (other.length > 0) return `the tracer cannot judge -m ${m.name} ${other.join(' ')}`;
      return checkConditions({ table: '', chain: '', matches: [m], goto: false, targetOptions: [], unknownOptions: [], line: '' }, cls).problems.length > 0 ? 'no' : 'yes';
    }
    case 'tcp':
    case 'udp':
      return tcpOptions(o, packet, m.name);
    case 'icmp':
      return icmpType(o, packet);
    case 'addrtype':
      return addressTypes(o, packet, place);
    default:
      return `the tracer cannot judge -m ${m.name} ${o.join(' ')}`.trim();
  }
}

const PORT_WORDS = new Set(['--dport', '--sport', '--destination-port', '--source-port']);

function tcpOptions(o: readonly string[], packet: TracedPacket, name: string): string {
  if (packet.proto !== name) return 'no';
  for (let i = 0; i < o.length; i++) {
    const word = o[i] ?? '';
    const negated = word === '!';
    const option = negated ? (o[++i] ?? '') : word;
    if (PORT_WORDS.has(option)) {
      i += o[i + 1] === '!' ? 2 : 1;
      continue;
    }
    if (option === '--syn') {
      // The first packet of a connection is the SYN; every later one carries ACK.
      if ((packet.state === 'NEW') === negated) return 'no';
      continue;
    }
    return `the tracer cannot judge -m ${name} ${o.slice(i).join(' ')}`;
  }
  return 'yes';
}

const ICMP_NAMES: Readonly<Record<string, number>> = {
  'echo-reply': 0, pong: 0, 'destination-unreachable': 3, 'source-quench': 4, redirect: 5, 'echo-request': 8, ping: 8,
  'router-advertisement': 9, 'router-solicitation': 10, 'time-exceeded': 11, ttl_exceeded: 11, 'parameter-problem': 12,
};

function icmpType(o: readonly string[], packet: TracedPacket): string {
  if (packet.proto !== 'icmp') return 'no';
  const at = o.indexOf('--icmp-type');
  if (at < 0) return 'yes';
  const negated = o[at - 1] === '!' || o[at + 1] === '!';
  const text = (o[at + 1] === '!' ? o[at + 2] : o[at + 1]) ?? '';
  if (text === 'any') return negated ? 'no' : 'yes';
  const [typeText = '', code] = text.split('/');
  const type = /^\d+$/.test(typeText) ? Number(typeText) : ICMP_NAMES[typeText];
  if (type === undefined || (code !== undefined && code !== '0')) return `the tracer cannot judge --icmp-type ${text}`;
  return (type === packet.icmpType) !== negated ? 'yes' : 'no';
}

function addressTypes(o: readonly string[], packet: TracedPacket, place: HookPlace): string {
  for (let i = 0; i < o.length; i++) {
    const negated = o[i] === '!';
    const option = negated ? o[++i] : o[i];
    const value = o[i + 1] ?? '';
    i++;
    if (option !== '--dst-type' && option !== '--src-type') return `the tracer cannot judge -m addrtype ${o.join(' ')}`;
    const address = option === '--dst-type' ? packet.dst : packet.src;
    const types = typesOf(address, place.local);
    const wanted = value.split(',');
    if (wanted.some((w) => !KNOWN_TYPES.has(w))) return `the tracer cannot judge --${option.slice(2)} ${value}`;
    if (wanted.some((w) => types.has(w)) === negated) return 'no';
  }
  return 'yes';
}

const KNOWN_TYPES = new Set(['LOCAL', 'UNICAST', 'MULTICAST', 'BROADCAST']);

function typesOf(address: number, local: ReadonlySet<number>): Set<string> {
  const types = new Set<string>();
  if (address >>> 28 === 14) types.add('MULTICAST');
  else if (address === 0xffffffff) types.add('BROADCAST');
  else types.add('UNICAST');
  if (local.has(address) || address >>> 24 === 127) types.add('LOCAL');
  return types;
}
