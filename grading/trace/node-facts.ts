// A node's final state (core/result.ts NodeState: `ip addr`, `ip route`, `iptables-save` text and
// the forwarding flag) read into the facts the path tracer walks. Never throws: what it cannot
// read is left out or marked, and the tracer then says "unknown" where it would matter.

import { parseIptablesSave, type Ruleset } from '../../checks/iptables/parse-iptables-save.js';
import { cidrContains, parseCidr, parseIpv4, type Cidr } from '../../checks/iptables/cidr.js';
import type { NodeState } from '../../core/result.js';

export interface IfaceFacts {
  readonly name: string;
  /** Administratively up and with a carrier: it can send and receive. */
  readonly usable: boolean;
  /** The bridge this interface is a port of. */
  readonly master: string | null;
  /** Its IPv4 addresses with their networks (a point-to-point peer's prefix for `peer`). */
  readonly addresses: readonly { readonly address: number; readonly text: string; readonly net: Cidr }[];
  /** What `ip addr` shows the device leads to, where the tracer cannot follow it (a TUN device, a veth into a namespace), or null. */
  readonly leadsTo: string | null;
}

export type RouteType = 'unicast' | 'blackhole' | 'unreachable' | 'prohibit' | 'throw' | 'other';

export interface RouteFacts {
  readonly dest: Cidr;
  readonly type: RouteType;
  readonly via: string | null;
  readonly dev: string | null;
  readonly src: string | null;
  /** Several next hops (`nexthop` lines) or a form this reader does not know: the tracer gives up there. */
  readonly unreadable: boolean;
  readonly text: string;
}

export interface NodeFacts {
  readonly name: string;
  readonly ifaces: readonly IfaceFacts[];
  readonly routes: readonly RouteFacts[];
  readonly forwarding: boolean | null;
  readonly rules: Ruleset;
}

/** The facts of one node's state. */
export function nodeFacts(name: string, state: NodeState): NodeFacts {
  return {
    name,
    ifaces: parseAddresses(state.addresses),
    routes: parseRoutes(state.routes),
    forwarding: state.forwarding ?? null,
    rules: parseIptablesSave(state.iptables),
  };
}

const IFACE_LINE = /^\d+:\s+([^:@\s]+)(?:@\S+)?:\s+<([^>]*)>(.*)$/;
const INET_LINE = /^\s+inet\s+(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?(?:\s+peer\s+(\S+))?/;

/** `ip addr` text: interfaces, their state, bridge master and IPv4 addresses. */
export function parseAddresses(text: string): IfaceFacts[] {
  const ifaces: { name: string; usable: boolean; master: string | null; addresses: IfaceFacts['addresses'][number][]; leadsTo: string | null }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const head = IFACE_LINE.exec(line);
    if (head) {
      const flags = new Set((head[2] ?? '').split(','));
      const rest = head[3] ?? '';
      const state = /\bstate\s+(\S+)/.exec(rest)?.[1] ?? 'UNKNOWN';
      ifaces.push({
        name: head[1] ?? '',
        usable: flags.has('UP') && (flags.has('LOWER_UP') || state === 'UNKNOWN') && state !== 'DOWN',
        master: /\bmaster\s+(\S+)/.exec(rest)?.[1] ?? null,
        addresses: [],
        leadsTo: null,
      });
      continue;
    }
    const current = ifaces[ifaces.length - 1];
    const link = LINK_LINE.exec(line);
    if (link && current) current.leadsTo = leadsTo(link[1]!, link[2] ?? '');
    const inet = INET_LINE.exec(line);
    if (!inet || current === undefined) continue;
    const address = parseIpv4(inet[1] ?? '');
    const net = parseCidr(inet[3] ?? `${inet[1]}/${inet[2] ?? '32'}`);
    if (address !== null && net !== null) current.addresses.push({ address, text: inet[1] ?? '', net });
  }
  return ifaces;
}

const LINK_LINE = /^\s+link\/(\S+)(.*)$/;

/** "a TUN device", "a veth whose other end is in namespace NS1": what a link line says of its device. */
function leadsTo(type: string, rest: string): string | null {
  const netns = /\blink-netns\s+(\S+)/.exec(rest)?.[1];
  if (netns) return `a link whose other end is in the network namespace ${netns}`;
  if (/\blink-netnsid\s+\d+/.test(rest)) return 'a link whose other end is in another network namespace';
  if (type === 'none') return 'a TUN device, whose packets a program on the node carries';
  if (type === 'ipip' || type === 'gre' || type === 'sit') return `a ${type.toUpperCase()} tunnel`;
  return null;
}

const ROUTE_TYPES = new Set<string>(['unicast', 'blackhole', 'unreachable', 'prohibit', 'throw']);
const OTHER_TYPES = new Set<string>(['local', 'broadcast', 'multicast', 'anycast', 'nat']);

/** `ip route` text (the main table): destination, type, gateway, device and preferred source. */
export function parseRoutes(text: string): RouteFacts[] {
  const routes: RouteFacts[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    if (/^\s/.test(line)) {
      // A `nexthop` line of the multipath route above: the tracer cannot say which one a flow takes.
      const last = routes.pop();
      if (last !== undefined) routes.push({ ...last, unreadable: true });
      continue;
    }
    const words = line.trim().split(/\s+/);
    let type: RouteType = 'unicast';
    const first = words[0] ?? '';
    if (ROUTE_TYPES.has(first)) {
      type = first as RouteType;
      words.shift();
    } else if (OTHER_TYPES.has(first)) {
      type = 'other';
      words.shift();
    }
    const destText = words.shift() ?? '';
    const dest = destText === 'default' ? parseCidr('0.0.0.0/0') : parseCidr(destText);
    if (dest === null) continue;
    const value = (key: string): string | null => {
      const at = words.indexOf(key);
      return at >= 0 ? (words[at + 1] ?? null) : null;
    };
    const via = value('via');
    routes.push({
      dest,
      type,
      via: via === 'inet' ? (words[words.indexOf('via') + 2] ?? null) : via,
      dev: value('dev'),
      src: value('src'),
      unreadable: type === 'unicast' && via === null && value('dev') === null,
      text: line.trim(),
    });
  }
  return routes;
}

/** The route the kernel would pick for `dst`: longest prefix first, the earlier line among equals. */
export function lookupRoute(routes: readonly RouteFacts[], dst: number): RouteFacts | null {
  let best: RouteFacts | null = null;
  for (const r of routes) {
    if (!cidrContains(r.dest, { base: dst, prefix: 32 })) continue;
    if (best === null || r.dest.prefix > best.dest.prefix) best = r;
  }
  return best;
}

/** Whether `address` is one of the node's own (127.0.0.0/8 included). */
export function isLocal(facts: NodeFacts, address: number): boolean {
  if (address >>> 24 === 127) return true;
  return facts.ifaces.some((i) => i.addresses.some((a) => a.address === address));
}

/** The node's own addresses, for address-type matches. */
export function localAddresses(facts: NodeFacts): ReadonlySet<number> {
  return new Set(facts.ifaces.flatMap((i) => i.addresses.map((a) => a.address)));
}
