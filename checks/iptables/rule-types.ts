// The rule model every rule source is read into: iptables-save text (legacy and nft backends) and
// `nft -j list ruleset`. Matchers and the path tracer only ever see these types.

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

/** Which of the kernel's rule stores a rule lives in. */
export type Backend = 'nft' | 'legacy';

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
  /** Conditions outside any known match that no matcher can judge, e.g. `-f` or an nft expression. */
  readonly unknownOptions: readonly string[];
  /** The rule as iptables-save printed it (or as grade renders an nft rule), without counters. */
  readonly line: string;
}

/** Where an nft base chain hooks into the kernel's packet path. */
export interface ChainHook {
  readonly type: string;
  readonly hook: string;
  readonly priority: number;
}

export interface Chain {
  readonly name: string;
  /** Built-in (base) chains have a policy; user chains are declared with `-`. */
  readonly policy: string | null;
  readonly rules: Rule[];
  /** nft base chains only. */
  readonly hook?: ChainHook;
}

export interface Table {
  readonly name: string;
  readonly chains: Chain[];
  /** nft tables only: ip, inet, ip6, arp, bridge, netdev. */
  readonly family?: string;
}

export interface UnparsedLine { readonly lineNumber: number; readonly text: string }

export interface Ruleset {
  readonly tables: readonly Table[];
  readonly unparsed: readonly UnparsedLine[];
  /** Rules Docker adds inside containers (its DOCKER* chains and jumps to them), left out. */
  readonly ignored: readonly string[];
  /**
   * Signs that the text does not read as one unambiguous listing (a chain declared twice, a rule of
   * an undeclared chain, an unterminated quote...). Empty for iptables-save's own output.
   */
  readonly anomalies: readonly string[];
}

export type MutableRule = { -readonly [K in keyof Rule]: Rule[K] };
