// Read the words of one iptables-save rule (after `-A CHAIN`) into the rule model: addresses,
// protocol, interfaces and ports normalised; match modules and target options kept as tokens.

import { normaliseCidr } from './cidr.js';
import type { MatchModule, MutableRule, PortMatch, PortRange, Rule } from './rule-types.js';
import type { Token } from './save-lines.js';

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  '1': 'icmp', '2': 'igmp', '6': 'tcp', '17': 'udp', '47': 'gre', '50': 'esp', '51': 'ah', '58': 'ipv6-icmp', '132': 'sctp',
};

export function protocolName(text: string): string {
  const name = text.toLowerCase();
  return PROTOCOL_NUMBERS[name] ?? name;
}

const OPTION_ALIASES: Readonly<Record<string, string>> = {
  '-s': 'source', '--source': 'source', '--src': 'source',
  '-d': 'destination', '--destination': 'destination', '--dst': 'destination',
  '-p': 'protocol', '--protocol': 'protocol',
  '-i': 'inInterface', '--in-interface': 'inInterface',
  '-o': 'outInterface', '--out-interface': 'outInterface',
  '-m': 'match', '--match': 'match',
  '-j': 'jump', '--jump': 'jump',
  '-g': 'goto', '--goto': 'goto',
  '--dport': 'dport', '--destination-port': 'dport', '--dports': 'dport', '--destination-ports': 'dport',
  '--sport': 'sport', '--source-port': 'sport', '--sports': 'sport', '--source-ports': 'sport',
  '--ports': 'ports',
  '-c': 'counters', '--set-counters': 'counters', '-f': 'fragment', '--fragment': 'fragment',
};

export function parsePorts(text: string, negated: boolean): PortMatch {
  const ranges: PortRange[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d*)(?::(\d*))?$/.exec(part.trim());
    if (!m || (m[1] === '' && m[2] === undefined)) return { text, ranges: [], negated };
    const from = m[1] === '' ? 0 : Number(m[1]);
    const to = m[2] === undefined ? from : m[2] === '' ? 65535 : Number(m[2]);
    ranges.push({ from: Math.min(from, to), to: Math.max(from, to) });
  }
  return { text, ranges, negated };
}

function isOption(token: Token | undefined): boolean {
  return token !== undefined && !token.quoted && token.text.startsWith('-') && token.text.length > 1;
}

/** The reading state while walking a rule's words. */
interface Walk {
  readonly tokens: readonly Token[];
  i: number;
  negate: boolean;
  afterTarget: boolean;
  module: { name: string; options: string[] } | null;
  readonly rule: MutableRule;
  readonly matches: MatchModule[];
  readonly targetOptions: string[];
  readonly unknown: string[];
}

/** The value after an option, honouring both `! -s x` and the old `-s ! x`. */
function value(w: Walk): { text: string; negated: boolean } {
  let next = w.tokens[w.i++]?.text ?? '';
  let negated = w.negate;
  if (next === '!' && w.tokens[w.i] !== undefined) {
    negated = !negated;
    next = w.tokens[w.i++]?.text ?? '';
  }
  return { text: next, negated };
}

/** One of the core options (-s, -d, -p, -i, -o); false when `kind` is none of them. */
function readCoreOption(w: Walk, kind: string | undefined): boolean {
  if (kind === 'source' || kind === 'destination') {
    const v = value(w);
    w.rule[kind] = { cidr: normaliseCidr(v.text) ?? v.text, negated: v.negated };
  } else if (kind === 'protocol') {
    const v = value(w);
    const name = v.text.toLowerCase();
    if (name !== 'all' && name !== '0') w.rule.protocol = { name: protocolName(name), negated: v.negated };
  } else if (kind === 'inInterface' || kind === 'outInterface') {
    const v = value(w);
    w.rule[kind] = { name: v.text, negated: v.negated };
  } else return false;
  w.afterTarget = false;
  return true;
}

/** A word that is not a core option: module, target, ports, or options of either. */
function readOtherWord(w: Walk, token: Token, kind: string | undefined): void {
  const bang = w.negate ? ['!'] : [];
  if (kind === 'match') {
    w.module = { name: w.tokens[w.i++]?.text ?? '', options: [] };
    w.matches.push(w.module);
    w.afterTarget = false;
  } else if (kind === 'counters') {
    w.i += 2;
  } else if (kind === 'fragment') {
    w.unknown.push(...bang, token.text);
  } else if (kind === 'jump' || kind === 'goto') {
    w.rule.target = w.tokens[w.i++]?.text ?? '';
    w.rule.goto = kind === 'goto';
    w.afterTarget = true;
  } else if (!w.afterTarget && (kind === 'dport' || kind === 'sport' || kind === 'ports')) {
    const v = value(w);
    w.rule[kind] = parsePorts(v.text, v.negated);
    w.module?.options.push(...bang, token.text, ...(v.negated !== w.negate ? ['!'] : []), v.text);
  } else if (isOption(token)) {
    const words = [...bang, token.text];
    while (w.i < w.tokens.length && !isOption(w.tokens[w.i]) && w.tokens[w.i]?.text !== '!') words.push(w.tokens[w.i++]?.text ?? '');
    if (w.afterTarget) w.targetOptions.push(...words);
    else if (w.module !== null) w.module.options.push(...words);
    else w.unknown.push(...words);
  } else {
    w.unknown.push(...bang, token.text);
  }
}

/** Read the words after `-A CHAIN`. */
export function parseRule(table: string, chain: string, tokens: readonly Token[], line: string): Rule {
  const w: Walk = {
    tokens, i: 0, negate: false, afterTarget: false, module: null,
    rule: { table, chain, matches: [], goto: false, targetOptions: [], unknownOptions: [], line },
    matches: [], targetOptions: [], unknown: [],
  };
  while (w.i < tokens.length) {
    const token = tokens[w.i++] as Token;
    if (token.text === '!' && !token.quoted) {
      w.negate = true;
      continue;
    }
    const kind = token.quoted ? undefined : OPTION_ALIASES[token.text];
    if (!readCoreOption(w, kind)) readOtherWord(w, token, kind);
    w.negate = false;
  }
  readTargetOptions(w.rule, w.targetOptions);
  const comment = commentOf(w.matches);
  return { ...w.rule, ...(comment === undefined ? {} : { comment }), matches: w.matches, targetOptions: w.targetOptions, unknownOptions: w.unknown };
}

function commentOf(matches: readonly MatchModule[]): string | undefined {
  const options = matches.find((m) => m.name === 'comment')?.options;
  const at = options?.indexOf('--comment') ?? -1;
  return at >= 0 ? options?.[at + 1] : undefined;
}

function readTargetOptions(rule: MutableRule, options: readonly string[]): void {
  for (let i = 0; i < options.length; i++) {
    const option = options[i];
    const next = options[i + 1];
    if (next === undefined) break;
    if (option === '--to-destination' || (option === '--to' && rule.target === 'DNAT')) rule.toDestination = next;
    else if (option === '--to-source' || (option === '--to' && rule.target === 'SNAT')) rule.toSource = next;
    else if (option === '--to-ports' || option === '--to-port') rule.toPorts = next;
  }
}
