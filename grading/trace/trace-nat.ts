// NAT as the path tracer follows it: which nat chain rewrites a new connection's packets, and how
// conntrack undoes that for the replies. Packets are the tracer's own mutable copies.

import { formatIpv4, parseIpv4 } from '../../checks/iptables/cidr.js';
import { parseNatSpec } from '../../checks/iptables/match-rule.js';
import type { BrokenHop } from '../../core/result.js';
import { chainVerdict, type TracedPacket } from './chain-verdict.js';
import type { NodeFacts } from './node-facts.js';
import { brokenBy, describe, traceLine } from './trace-words.js';

export type Packet = { -readonly [K in keyof TracedPacket]: TracedPacket[K] };

export interface Nat {
  /** Sources rewritten on the way out (SNAT, MASQUERADE), undone for replies on arrival. */
  readonly snat: { node: string; original: number; now: number }[];
  /** Destinations rewritten on arrival (DNAT), undone for replies on the way out. */
  readonly dnat: { node: string; original: number; now: number }[];
  /** Nodes that forwarded the requests. */
  readonly routers: string[];
}

/** The target a nat chain sends the packet to (ACCEPT: no rewrite), with its --to spec. */
export function natTarget(facts: NodeFacts, chain: string, packet: Packet, place: { inIface?: string; outIface?: string; local: ReadonlySet<number> }): { target: string; spec: string | undefined } | { broken: BrokenHop } {
  const v = chainVerdict(facts.rules, 'nat', chain, packet, place);
  if (!v.sure) {
    const reason = traceLine('trace.unsure-nat', { node: facts.name, chain, packets: describe(packet, false), why: v.why });
    return { broken: brokenBy({ from: facts.name, to: null, network: null, kind: 'unknown' }, reason) };
  }
  const rule = v.ending.rule;
  return { target: v.ending.target, spec: v.ending.target === 'DNAT' ? rule?.toDestination : rule?.toSource };
}

export function natTo(spec: string | undefined): { address: number; port: number | null } | null {
  const { addresses, ports } = parseNatSpec(spec);
  const address = parseIpv4((addresses ?? '').split('-')[0] ?? '');
  const port = ports === null ? null : Number(ports.split('-')[0]);
  return address === null ? null : { address, port: port !== null && Number.isInteger(port) ? port : null };
}

/** A reply undoes what conntrack rewrote for its request on this node. */
export function undo(records: readonly { node: string; original: number; now: number }[], node: string, packet: Packet, field: 'src' | 'dst'): void {
  const rec = records.find((r) => r.node === node && r.now === packet[field]);
  if (rec === undefined) return;
  if (field === 'src') setSrc(packet, rec.original);
  else setDst(packet, rec.original);
}

export function setSrc(p: Packet, address: number): void {
  p.src = address;
  p.srcText = formatIpv4(address);
}

export function setDst(p: Packet, address: number): void {
  p.dst = address;
  p.dstText = formatIpv4(address);
}
