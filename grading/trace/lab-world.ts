// The lab as the path tracer sees it: each node's facts, and which interfaces share a link. The
// exercise's networks are the links; a bridge on a node (its ports' `master`) joins the links of its
// ports into one segment, as the learner's bridge in ex03 joins red's and blue's.

import type { NodeState, Topology } from '../../core/result.js';
import { nodeFacts, type IfaceFacts, type NodeFacts } from './node-facts.js';

export interface Member {
  readonly node: string;
  /** The interface packets arrive on: a bridge rather than its port. */
  readonly iface: string;
}

export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly network: string;
}

export interface LabWorld {
  /** undefined: no such node; null: its state could not be read. */
  factsOf(node: string): NodeFacts | null | undefined;
  /** The segment a usable interface is on; null when it is down or unknown. */
  segmentOf(node: string, iface: string): string | null;
  /** Whether a segment is one of the exercise's networks (or bridged to one), not a private interface like tun0. */
  isMapped(segment: string): boolean;
  /** The usable, not enslaved interfaces on a segment. */
  membersOf(segment: string): readonly Member[];
  /** Nodes on the segment whose state could not be read. */
  unreadOn(segment: string): readonly string[];
  /** The exercise network an interface is plugged into (a bridge: its first port's). */
  networkOf(node: string, iface: string): string | null;
  /** Node-to-node hops over the exercise's networks, through bridging nodes, from one interface to another on the same segment. */
  linkHops(from: Member, to: Member): Hop[];
}

type Facts = ReadonlyMap<string, NodeFacts | null>;

interface Bridging {
  readonly node: string;
  readonly nets: string[];
}

export function labWorld(topology: Topology, states: ReadonlyMap<string, NodeState | null>): LabWorld {
  const facts = factsOfNodes(topology, states);
  const ifaceOf = (node: string, name: string): IfaceFacts | undefined => facts.get(node)?.ifaces.find((i) => i.name === name);
  const keyOf = (node: string, iface: string): string => {
    const net = declaredNetwork(topology, node, iface);
    return net === null ? `if:${node}:${iface}` : `net:${net}`;
  };
  const find = joinBridgePorts(facts, keyOf, ifaceOf);
  const members = segmentMembers(facts, (node, iface) => find(keyOf(node, iface)));
  const netsOf = (node: string, iface: string, depth = 0): string[] => {
    const net = declaredNetwork(topology, node, iface);
    if (net !== null) return [net];
    if (depth > 4) return [];
    return portsOf(facts, node, iface).flatMap((p) => netsOf(node, p.name, depth + 1));
  };
  const bridges = bridgingNodes(facts, netsOf);
  return {
    factsOf: (node) => facts.get(node),
    segmentOf: (node, iface) => (ifaceOf(node, iface)?.usable ? find(keyOf(node, iface)) : null),
    isMapped: (segment) => [...new Set(topology.nodes.flatMap((n) => n.interfaces.map((i) => i.network)))].some((net) => find(`net:${net}`) === segment),
    membersOf: (segment) => members.get(segment) ?? [],
    unreadOn: (segment) =>
      topology.nodes.filter((n) => facts.get(n.name) === null && n.interfaces.some((i) => find(`net:${i.network}`) === segment)).map((n) => n.name),
    networkOf: (node, iface) => netsOf(node, iface)[0] ?? null,
    linkHops: (from, to) => linkHops(netsOf(from.node, from.iface), netsOf(to.node, to.iface), bridges, from.node, to.node),
  };
}

/** Each node's facts; null where its state could not be read. */
function factsOfNodes(topology: Topology, states: ReadonlyMap<string, NodeState | null>): Facts {
  const facts = new Map<string, NodeFacts | null>();
  for (const n of topology.nodes) {
    const state = states.get(n.name);
    facts.set(n.name, state === undefined || state === null ? null : nodeFacts(n.name, state));
  }
  return facts;
}

/** The exercise network an interface is declared on, if any. */
function declaredNetwork(topology: Topology, node: string, iface: string): string | null {
  return topology.nodes.find((n) => n.name === node)?.interfaces.find((i) => i.name === iface)?.network ?? null;
}

/** Union-find over links and private interfaces, where a bridge joins its ports' links: returns `find`. */
function joinBridgePorts(facts: Facts, keyOf: (node: string, iface: string) => string, ifaceOf: (node: string, name: string) => IfaceFacts | undefined): (key: string) => string {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let p = parent.get(k) ?? k;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(k, p);
    return p;
  };
  for (const [node, f] of facts) {
    for (const i of f?.ifaces ?? []) {
      if (!i.usable || i.master === null || !ifaceOf(node, i.master)?.usable) continue;
      const [ra, rb] = [find(keyOf(node, i.name)), find(keyOf(node, i.master))];
      if (ra !== rb) parent.set(ra, rb);
    }
  }
  return find;
}

/** The usable, not enslaved interfaces of each segment. */
function segmentMembers(facts: Facts, segmentOf: (node: string, iface: string) => string): Map<string, Member[]> {
  const members = new Map<string, Member[]>();
  for (const [node, f] of facts) {
    for (const i of f?.ifaces ?? []) {
      if (!i.usable || i.master !== null) continue;
      const seg = segmentOf(node, i.name);
      members.set(seg, [...(members.get(seg) ?? []), { node, iface: i.name }]);
    }
  }
  return members;
}

function portsOf(facts: Facts, node: string, bridge: string): IfaceFacts[] {
  return (facts.get(node)?.ifaces ?? []).filter((i) => i.master === bridge && i.usable);
}

/** Bridging nodes: networks joined by one node's bridge. */
function bridgingNodes(facts: Facts, netsOf: (node: string, iface: string) => string[]): Bridging[] {
  const bridges: Bridging[] = [];
  for (const [node, f] of facts) {
    for (const i of f?.ifaces ?? []) {
      const nets = [...new Set(netsOf(node, i.name))];
      if (i.usable && portsOf(facts, node, i.name).length > 0 && nets.length > 1) bridges.push({ node, nets });
    }
  }
  return bridges;
}

/** Breadth-first over networks joined by bridges, from the sender's networks to the receiver's. */
function linkHops(start: readonly string[], end: readonly string[], bridges: readonly Bridging[], from: string, to: string): Hop[] {
  const direct = start.find((n) => end.includes(n));
  if (direct !== undefined) return [{ from, to, network: direct }];
  const prev = new Map<string, { net: string; via: string } | null>(start.map((n) => [n, null]));
  const queue = [...start];
  for (let net = queue.shift(); net !== undefined; net = queue.shift()) {
    if (end.includes(net)) {
      const chain: { net: string; via: string | null }[] = [];
      for (let at: string | undefined = net; at !== undefined; ) {
        const p: { net: string; via: string } | null | undefined = prev.get(at);
        chain.unshift({ net: at, via: p?.via ?? null });
        at = p?.net;
      }
      // chain: [n0 (via null), n1 via b1, ...]: hops from -> b1 over n0, b1 -> b2 over n1, ..., bk -> to over nk.
      const hops: Hop[] = [];
      let at = from;
      chain.forEach((c, i) => {
        const next = chain[i + 1]?.via ?? to;
        hops.push({ from: at, to: next, network: c.net });
        at = next;
      });
      return hops;
    }
    for (const b of bridges) {
      if (!b.nets.includes(net)) continue;
      for (const other of b.nets) {
        if (prev.has(other)) continue;
        prev.set(other, { net, via: b.node });
        queue.push(other);
      }
    }
  }
  return [];
}
