// Read `iptables-save` output into tables, chains and rules with normalised match fields.
// Never throws: lines it cannot read are kept in `unparsed`.

import { normaliseCidr } from './cidr.js';

export interface AddressMatch {
  /** `a.b.c.d/n` when the text is IPv4 (with /32 added), otherwise the text as written. */
  readonly cidr: string;
  readonly negated: boolean;
}

export interface NamedMatch {
  /** Protocol (lowercase) or interface name (`+` wildcard kept). */
  readonly name: string;
  readonly negated: boolean;
}

export interface PortRange { readonly from: number; readonly to: number }

export interface PortMatch {
  /** As written after normalisation: `8080`, `1000:2000`, `80,443`. */
  readonly text: string;
  /** Empty when some part could not be read (a service name iptables-save would not print). */
  readonly ranges: readonly PortRange[];
  readonly negated: boolean;
}

export interface MatchModule {
  readonly name: string;
  /** The module's options as tokens, `!` included: ['--ctstate', 'RELATED,ESTABLISHED']. */
  readonly options: readonly string[];
}

export interface Rule {
  readonly table: string;
  readonly chain: string;
  readonly source?: AddressMatch;
  readonly destination?: AddressMatch;
  readonly protocol?: NamedMatch;
  readonly inInterface?: NamedMatch;
  readonly outInterface?: NamedMatch;
  readonly sport?: PortMatch;
  readonly dport?: PortMatch;
  /** multiport `--ports`: source or destination port. */
  readonly ports?: PortMatch;
  readonly matches: readonly MatchModule[];
  readonly comment?: string;
  /** The -j (or -g) value; absent for a rule that only counts. */
  readonly target?: string;
  readonly goto: boolean;
  readonly targetOptions: readonly string[];
  readonly toDestination?: string;
  readonly toSource?: string;
  readonly toPorts?: string;
  /** Options outside any match module that this parser does not understand, e.g. `-f`. */
  readonly unknownOptions: readonly string[];
  /** The rule as iptables-save printed it, without a packet-counter prefix. */
  readonly line: string;
}

export interface Chain {
  readonly name: string;
  /** Built-in chains have a policy; user chains are declared with `-`. */
  readonly policy: string | null;
  readonly rules: Rule[];
}

export interface Table {
  readonly name: string;
  readonly chains: Chain[];
}

export interface UnparsedLine { readonly lineNumber: number; readonly text: string }

export interface Ruleset {
  readonly tables: readonly Table[];
  readonly unparsed: readonly UnparsedLine[];
  /** Rules Docker adds inside containers (its DOCKER* chains and jumps to them), left out. */
  readonly ignored: readonly string[];
}

interface Token { readonly text: string; readonly quoted: boolean }

/** Split a line like a shell would for iptables-save output: quotes group, backslash escapes. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let quoted = false;
  let inToken = false;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote !== null) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) text += line[++i] ?? '';
      else text += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      quoted = true;
      inToken = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      text += line[++i] ?? '';
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push({ text, quoted });
      text = '';
      quoted = false;
      inToken = false;
    } else {
      text += ch;
      inToken = true;
    }
  }
  if (inToken) tokens.push({ text, quoted });
  return tokens;
}

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  '1': 'icmp', '2': 'igmp', '6': 'tcp', '17': 'udp', '47': 'gre', '50': 'esp', '51': 'ah', '58': 'ipv6-icmp', '132': 'sctp',
};

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

/** Read the words after `-A CHAIN`. */
function parseRule(table: string, chain: string, tokens: readonly Token[], line: string): Rule {
  const rule: { -readonly [K in keyof Rule]: Rule[K] } = {
    table, chain, matches: [], goto: false, targetOptions: [], unknownOptions: [], line,
  };
  const matches: MatchModule[] = [];
  const targetOptions: string[] = [];
  const unknown: string[] = [];
  let module: { name: string; options: string[] } | null = null;
  let afterTarget = false;
  let negate = false;
  let i = 0;
  const value = (): { text: string; negated: boolean } => {
    let next = tokens[i++]?.text ?? '';
    let negated = negate;
    if (next === '!' && tokens[i] !== undefined) {
      negated = !negated; // old style: -s ! 10.0.0.1
      next = tokens[i++]?.text ?? '';
    }
    return { text: next, negated };
  };
  while (i < tokens.length) {
    const token = tokens[i++] as Token;
    if (token.text === '!' && !token.quoted) {
      negate = true;
      continue;
    }
    const kind = token.quoted ? undefined : OPTION_ALIASES[token.text];
    const bang = negate ? ['!'] : [];
    if (kind === 'source' || kind === 'destination') {
      const v = value();
      rule[kind] = { cidr: normaliseCidr(v.text) ?? v.text, negated: v.negated };
      afterTarget = false;
    } else if (kind === 'protocol') {
      const v = value();
      const name = v.text.toLowerCase();
      if (name !== 'all' && name !== '0') rule.protocol = { name: PROTOCOL_NUMBERS[name] ?? name, negated: v.negated };
      afterTarget = false;
    } else if (kind === 'inInterface' || kind === 'outInterface') {
      const v = value();
      rule[kind] = { name: v.text, negated: v.negated };
      afterTarget = false;
    } else if (kind === 'match') {
      module = { name: tokens[i++]?.text ?? '', options: [] };
      matches.push(module);
      afterTarget = false;
    } else if (kind === 'counters') {
      i += 2;
    } else if (kind === 'fragment') {
      unknown.push(...bang, token.text);
    } else if (kind === 'jump' || kind === 'goto') {
      rule.target = tokens[i++]?.text ?? '';
      rule.goto = kind === 'goto';
      afterTarget = true;
    } else if (!afterTarget && (kind === 'dport' || kind === 'sport' || kind === 'ports')) {
      const v = value();
      rule[kind] = parsePorts(v.text, v.negated);
      module?.options.push(...bang, token.text, ...(v.negated !== negate ? ['!'] : []), v.text);
    } else if (isOption(token)) {
      const words = [...bang, token.text];
      while (i < tokens.length && !isOption(tokens[i]) && tokens[i]?.text !== '!') words.push(tokens[i++]?.text ?? '');
      if (afterTarget) targetOptions.push(...words);
      else if (module !== null) module.options.push(...words);
      else unknown.push(...words);
    } else {
      unknown.push(...bang, token.text);
    }
    negate = false;
  }
  readTargetOptions(rule, targetOptions);
  const comment = matches.find((m) => m.name === 'comment')?.options;
  const commentAt = comment?.indexOf('--comment') ?? -1;
  if (comment !== undefined && commentAt >= 0 && comment[commentAt + 1] !== undefined) rule.comment = comment[commentAt + 1];
  return { ...rule, matches, targetOptions, unknownOptions: unknown };
}

function readTargetOptions(rule: { -readonly [K in keyof Rule]: Rule[K] }, options: readonly string[]): void {
  for (let i = 0; i < options.length; i++) {
    const option = options[i];
    const next = options[i + 1];
    if (next === undefined) break;
    if (option === '--to-destination' || (option === '--to' && rule.target === 'DNAT')) rule.toDestination = next;
    else if (option === '--to-source' || (option === '--to' && rule.target === 'SNAT')) rule.toSource = next;
    else if (option === '--to-ports' || option === '--to-port') rule.toPorts = next;
  }
}

// Docker's own DNS plumbing inside a container; a learner's chain named DOCKER (copying Docker's layout) counts.
const DOCKER_DNS_CHAINS = new Set(['DOCKER_OUTPUT', 'DOCKER_POSTROUTING']);

function isDockerChain(name: string | undefined): boolean {
  return name !== undefined && DOCKER_DNS_CHAINS.has(name);
}

export function parseIptablesSave(output: string): Ruleset {
  const tables: Table[] = [];
  const unparsed: UnparsedLine[] = [];
  const ignored: string[] = [];
  let table: Table | null = null;
  const chainOf = (t: Table, name: string, policy: string | null): Chain => {
    let chain = t.chains.find((c) => c.name === name);
    if (chain === undefined) {
      chain = { name, policy, rules: [] };
      t.chains.push(chain);
    }
    return chain;
  };
  output.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const keep = () => unparsed.push({ lineNumber: index + 1, text: raw });
    if (text.startsWith('*')) {
      const name = text.slice(1).trim();
      table = tables.find((t) => t.name === name) ?? null;
      if (table === null) {
        table = { name, chains: [] };
        tables.push(table);
      }
      return;
    }
    if (text === 'COMMIT') {
      table = null;
      return;
    }
    if (table === null) return keep();
    const current: Table = table;
    if (text.startsWith(':')) {
      const [name, policy] = text.slice(1).split(/\s+/);
      if (name === undefined || name === '') return keep();
      if (isDockerChain(name)) return;
      chainOf(current, name, policy === undefined || policy === '-' ? null : policy);
      return;
    }
    const line = text.replace(/^\[\d+:\d+\]\s*/, '');
    const tokens = tokenize(line);
    const [append, chainName] = tokens;
    if (append === undefined || (append.text !== '-A' && append.text !== '--append') || chainName === undefined) return keep();
    const rule = parseRule(current.name, chainName.text, tokens.slice(2), line);
    if (isDockerChain(rule.chain) || isDockerChain(rule.target)) {
      ignored.push(line);
      return;
    }
    chainOf(current, rule.chain, null).rules.push(rule);
  });
  return { tables, unparsed, ignored };
}

export function findChain(ruleset: Ruleset, table: string, chain: string): Chain | undefined {
  return ruleset.tables.find((t) => t.name === table)?.chains.find((c) => c.name === chain);
}
