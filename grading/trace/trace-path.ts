// The path tracer: follows one flow (a ping, or a TCP connection to a port) hop by hop through the
// lab's final state, there and back, the way the kernel would: route lookup (longest prefix), the
// next hop's owner on the link, ip_forward on routers, the filter chains (OUTPUT, FORWARD, INPUT),
// DNAT on arrival and SNAT/MASQUERADE on the way out, undone for the replies as conntrack does. It
// stops at the first hop where the packets would stop, and says why in one sentence. Pure.

import { formatIpv4, parseIpv4 } from '../../checks/iptables/cidr.js';
import type { BreakKind, BrokenHop, PathHop } from '../../core/result.js';
import { chainVerdict, type ChainVerdict } from './chain-verdict.js';
import type { LabWorld, Member } from './lab-world.js';
import { isLocal, localAddresses, lookupRoute, type NodeFacts, type RouteFacts } from './node-facts.js';
import { natTarget, natTo, setDst, setSrc, undo, type Nat, type Packet } from './trace-nat.js';
import { brokenBy, describe, dropReason, traceLine, unsureReason, type TraceLine } from './trace-words.js';

export interface Flow {
  readonly from: string;
  /** The IPv4 address the check sends to. */
  readonly to: string;
  readonly proto: 'icmp' | 'tcp';
  readonly port?: number;
  /** The node that must receive the packets, when the check names it. */
  readonly far?: string;
  /** Nodes the learner does not configure (`owner: lab`): where no way back is fixed by NAT, not by a route there. */
  readonly labOwned?: ReadonlySet<string>;
}

export interface Trace {
  readonly hops: readonly PathHop[];
  /** null: the packets get there and back in the final state. */
  readonly broken: BrokenHop | null;
}

type Walk = { readonly at: string } | { readonly broken: BrokenHop };

const MAX_HOPS = 16;

/** Follow `flow` through the lab's final state. */
export function tracePath(world: LabWorld, flow: Flow): Trace {
  const hops: PathHop[] = [];
  const dst = parseIpv4(flow.to);
  const stop = (from: string, kind: BreakKind, reason: TraceLine): Trace => ({ hops, broken: brokenBy({ from, to: null, network: null, kind }, reason) });
  if (dst === null) return stop(flow.from, 'unknown', traceLine('trace.not-ipv4', { to: flow.to }));
  const nat: Nat = { snat: [], dnat: [], routers: [] };
  const packet: Packet = {
    src: 0, srcText: '', dst, dstText: flow.to, proto: flow.proto, state: 'NEW',
    ...(flow.proto === 'icmp' ? { icmpType: 8 } : { dport: flow.port ?? 0 }),
  };
  const there = walk(world, flow.from, packet, false, hops, nat, flow.labOwned ?? new Set());
  if ('broken' in there) return { hops, broken: there.broken };
  if (flow.far !== undefined && there.at !== flow.far) {
    const why = traceLine('trace.ends-at', { packets: describe(packet, false, true), at: there.at, dst: packet.dstText, far: flow.far });
    return stop(there.at, 'unknown', why);
  }
  if (there.at === flow.from && hops.length === 0) return stop(flow.from, 'unknown', traceLine('trace.holds-itself', { node: flow.from, dst: packet.dstText }));
  const reply: Packet = {
    src: packet.dst, srcText: packet.dstText, dst: packet.src, dstText: packet.srcText, proto: packet.proto, state: 'ESTABLISHED',
    ...(flow.proto === 'icmp' ? { icmpType: 0 } : { sport: packet.dport ?? 0 }),
  };
  const back = walk(world, there.at, reply, true, hops, nat, flow.labOwned ?? new Set());
  if ('broken' in back) return { hops, broken: back.broken };
  if (back.at !== flow.from) return stop(back.at, 'unknown', traceLine('trace.replies-elsewhere', { at: back.at, from: flow.from }));
  return { hops, broken: null };
}

/** What one direction's walk carries from hop to hop. */
interface Walker {
  readonly world: LabWorld;
  readonly packet: Packet;
  readonly back: boolean;
  readonly hops: PathHop[];
  readonly nat: Nat;
  readonly labOwned: ReadonlySet<string>;
}

/** One direction, from the node that sends to the node that takes the packets in. */
function walk(world: LabWorld, origin: string, packet: Packet, back: boolean, hops: PathHop[], nat: Nat, labOwned: ReadonlySet<string>): Walk {
  const w: Walker = { world, packet, back, hops, nat, labOwned };
  let at: Member = { node: origin, iface: '' };
  for (let step = 0; step < MAX_HOPS; step++) {
    const facts = world.factsOf(at.node);
    if (!facts) return stop(at.node, 'unknown', traceLine('trace.unread-state', { node: at.node }));
    const inIface = step === 0 ? null : at.iface;
    const arrived = inIface === null ? start(w, facts) : arrive(w, facts, inIface);
    if (arrived !== null) return arrived;
    const next = leave(w, facts, inIface);
    if ('broken' in next) return next;
    at = next;
  }
  return stop(at.node, 'unknown', traceLine('trace.loop', { packets: describe(packet, back, true), max: MAX_HOPS }));
}

function stop(from: string, kind: BreakKind, reason: TraceLine, to: string | null = null, network: string | null = null): { broken: BrokenHop } {
  return { broken: brokenBy({ from, to, network, kind }, reason) };
}

/** Packets a node sends itself: DNAT in nat OUTPUT (new connections), then delivery when they are for the node. null: they go out. */
function start(w: Walker, facts: NodeFacts): Walk | null {
  const { packet } = w;
  const self = isLocal(facts, packet.dst);
  const route = self ? null : lookupRoute(facts.routes, packet.dst);
  if (packet.src === 0) {
    // The kernel picks the source with the route: the route's own, else the outgoing interface's first address.
    const dev = route === null ? null : (route.dev ?? connectedDev(facts, route.via));
    const src = self ? packet.dst : route === null ? null : (parseIpv4(route.src ?? '') ?? (dev === null ? null : firstAddress(facts, dev)));
    if (src !== null) setSrc(packet, src);
  }
  if (packet.state === 'NEW' && packet.src !== 0) {
    const local = localAddresses(facts);
    const outIface = self ? 'lo' : (route?.dev ?? undefined);
    const out = natTarget(facts, 'OUTPUT', packet, { inIface: '', ...(outIface ? { outIface } : {}), local });
    if ('broken' in out) return out;
    const dnat = rewriteDestination(w, facts, out);
    if (dnat !== null) return dnat;
  }
  return isLocal(facts, packet.dst) ? { at: facts.name } : null;
}

/** Applies a DNAT verdict to the packet and remembers it for the replies. */
function rewriteDestination(w: Walker, facts: NodeFacts, verdict: { target: string; spec: string | undefined }): Walk | null {
  if (verdict.target !== 'DNAT') return null;
  const to = natTo(verdict.spec);
  if (to === null) return stop(facts.name, 'unknown', traceLine('trace.unreadable-dnat', { node: facts.name }));
  w.nat.dnat.push({ node: facts.name, original: w.packet.dst, now: to.address });
  setDst(w.packet, to.address);
  if (to.port !== null && w.packet.proto === 'tcp') w.packet.dport = to.port;
  return null;
}

/** Packets come in on `inIface`: NAT on arrival, then delivery (INPUT) or forwarding. null: they go on. */
function arrive(w: Walker, facts: NodeFacts, inIface: string): Walk | null {
  const { packet, back, nat } = w;
  const node = facts.name;
  const local = localAddresses(facts);
  if (back) undo(nat.snat, node, packet, 'dst');
  else {
    const pre = natTarget(facts, 'PREROUTING', packet, { inIface, outIface: '', local });
    if ('broken' in pre) return pre;
    const dnat = rewriteDestination(w, facts, pre);
    if (dnat !== null) return dnat;
  }
  if (isLocal(facts, packet.dst)) {
    const input = chainVerdict(facts.rules, 'filter', 'INPUT', packet, { inIface, outIface: '', local });
    return filterStop(node, 'INPUT', input, packet, back, null, null) ?? { at: node };
  }
  if (facts.forwarding === true) return null;
  if (facts.forwarding === null) return stop(node, 'unknown', traceLine('trace.unread-forwarding', { node }));
  return stop(node, 'forwarding-off', traceLine('trace.forwarding-off', { node, packets: describe(packet, back) }));
}

/** Packets leave the node: route, source address, filter (OUTPUT or FORWARD), source NAT, the next hop's owner. */
function leave(w: Walker, facts: NodeFacts, inIface: string | null): Member | { broken: BrokenHop } {
  const { world, packet, back, nat } = w;
  const node = facts.name;
  const noRoute: BreakKind = back ? 'no-way-back' : 'no-route';
  const route = lookupRoute(facts.routes, packet.dst);
  const trouble = routeTrouble(facts, route, packet, back, inIface === null, nat, w.labOwned);
  if (trouble !== null || route === null) return stop(node, trouble?.kind ?? noRoute, trouble?.reason ?? traceLine('trace.no-route', { node, dst: packet.dstText }));
  const outIface = route.dev ?? connectedDev(facts, route.via) ?? '';
  const nextHop = parseIpv4(route.via ?? '') ?? packet.dst;
  if (inIface === null && packet.src === 0) {
    const src = parseIpv4(route.src ?? '') ?? firstAddress(facts, outIface);
    if (src === null) return stop(node, 'unknown', traceLine('trace.no-source', { node }));
    setSrc(packet, src);
  }
  const segment = world.segmentOf(node, outIface);
  const network = world.networkOf(node, outIface);
  if (segment === null) return stop(node, noRoute, traceLine('trace.iface-down', { node, packets: describe(packet, back), iface: outIface }));
  if (!world.isMapped(segment)) {
    const seen = facts.ifaces.find((i) => i.name === outIface)?.leadsTo;
    const into = { node, packets: describe(packet, back), iface: outIface };
    return stop(node, 'unknown', seen ? traceLine('trace.cannot-follow-further', { ...into, seen }) : traceLine('trace.cannot-follow', into));
  }
  const holder = holderOf(world, segment, nextHop, node);

  const local = localAddresses(facts);
  const chain = inIface === null ? 'OUTPUT' : 'FORWARD';
  const filter = chainVerdict(facts.rules, 'filter', chain, packet, { inIface: inIface ?? '', outIface, local });
  const stopped = filterStop(node, chain, filter, packet, back, holder === 'unread' || holder === null ? null : holder.node, network);
  if (stopped) return stopped;
  if (packet.state === 'NEW') {
    const post = natTarget(facts, 'POSTROUTING', packet, { inIface: inIface ?? '', outIface, local });
    if ('broken' in post) return post;
    if (post.target === 'MASQUERADE' || post.target === 'SNAT') {
      const now = post.target === 'MASQUERADE' ? firstAddress(facts, outIface) : natTo(post.spec)?.address ?? null;
      if (now === null) return stop(node, 'unknown', traceLine('trace.unreadable-nat', { node, target: post.target }));
      nat.snat.push({ node, original: packet.src, now });
      setSrc(packet, now);
    }
  }
  if (back) undo(nat.dnat, node, packet, 'src');
  else if (inIface !== null) nat.routers.push(node);

  if (holder === 'unread') return stop(node, 'unknown', traceLine('trace.unread-node', { network: network ?? outIface }));
  if (holder === null) {
    const on = { node, dst: packet.dstText, network: network ?? outIface, hop: formatIpv4(nextHop) };
    const why = route.via !== null
      ? traceLine(back ? 'trace.nobody-holds-replies-via' : 'trace.nobody-holds-via', { ...on, via: route.via })
      : traceLine(back ? 'trace.nobody-holds-replies-direct' : 'trace.nobody-holds-direct', on);
    return stop(node, noRoute, why, null, network);
  }
  for (const h of world.linkHops({ node, iface: outIface }, holder)) w.hops.push({ ...h, back });
  return holder;
}

function routeTrouble(
  facts: NodeFacts,
  route: RouteFacts | null,
  packet: Packet,
  back: boolean,
  origin: boolean,
  nat: Nat,
  labOwned: ReadonlySet<string>,
): { kind?: BreakKind; reason: TraceLine } | null {
  const node = facts.name;
  const dst = packet.dstText;
  if (route === null || route.type === 'throw') {
    if (!back) return { reason: origin ? traceLine('trace.no-route', { node, dst }) : traceLine('trace.no-route-pass', { node, dst, packets: describe(packet, false) }) };
    // A lab-owned far end is not the learner's to give a route: the routers on the way should have masqueraded.
    const noNat = nat.snat.length === 0 && nat.routers.length > 0 && labOwned.has(node);
    return { reason: noNat ? traceLine('trace.no-route-back-no-nat', { node, dst, routers: andOf(nat.routers) }) : traceLine('trace.no-route-back', { node, dst }) };
  }
  const named = { node, route: route.text };
  if (route.type !== 'unicast' && route.type !== 'other') return { reason: traceLine('trace.route-discards', { ...named, packets: describe(packet, back) }) };
  if (route.type === 'other' || route.unreadable) return { kind: 'unknown', reason: traceLine('trace.route-unfollowable', named) };
  if (route.dev === null && connectedDev(facts, route.via) === null) return { kind: 'unknown', reason: traceLine('trace.route-no-iface', named) };
  return null;
}

/** The stop a filter chain's verdict makes, if any. */
function filterStop(node: string, chain: string, verdict: ChainVerdict, packet: Packet, back: boolean, to: string | null, network: string | null): { broken: BrokenHop } | null {
  if (!verdict.sure) return { broken: brokenBy({ from: node, to, network, kind: 'unknown' }, unsureReason(node, chain, packet, back, verdict.why)) };
  if (verdict.ending.target === 'ACCEPT') return null;
  return { broken: brokenBy({ from: node, to, network, kind: 'dropped' }, dropReason(node, chain, packet, back, verdict.ending)) };
}

/** Names joined as English joins them with "and". */
function andOf(names: readonly string[]): TraceLine | string {
  if (names.length <= 1) return names[0] ?? '';
  return traceLine('trace.and', { first: names[0]!, rest: andOf(names.slice(1)) });
}

function holderOf(world: LabWorld, segment: string, address: number, self: string): Member | null | 'unread' {
  let weak: Member | null = null;
  for (const m of world.membersOf(segment)) {
    if (m.node === self) continue;
    const f = world.factsOf(m.node);
    if (!f) continue;
    if (f.ifaces.find((i) => i.name === m.iface)?.addresses.some((a) => a.address === address)) return m;
    // Linux answers ARP for any of its addresses on any interface.
    if (weak === null && isLocal(f, address) && address >>> 24 !== 127) weak = m;
  }
  if (weak !== null) return weak;
  return world.unreadOn(segment).length > 0 ? 'unread' : null;
}

function connectedDev(facts: NodeFacts, via: string | null): string | null {
  const gw = parseIpv4(via ?? '');
  if (gw === null) return null;
  const r = lookupRoute(facts.routes.filter((x) => x.via === null && x.dev !== null), gw);
  return r?.dev ?? null;
}

function firstAddress(facts: NodeFacts, iface: string): number | null {
  const own = facts.ifaces.find((i) => i.name === iface)?.addresses[0]?.address;
  if (own !== undefined) return own;
  return facts.ifaces.flatMap((i) => i.addresses).find((a) => a.address >>> 24 !== 127)?.address ?? null;
}
