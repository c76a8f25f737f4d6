// The sentences the path tracer writes into a broken hop's reason (English, one sentence each).

import type { Ending, TracedPacket } from './chain-verdict.js';

/** "the echo requests from A to B", "the packets of the connection from A to B port P", and their replies. */
export function describe(p: TracedPacket, back: boolean): string {
  if (p.proto === 'icmp') return `the echo ${back ? 'replies' : 'requests'} from ${p.srcText} to ${p.dstText}`;
  if (back) return `the replies from ${p.srcText} port ${p.sport ?? '?'} to ${p.dstText}`;
  return `the packets of the connection from ${p.srcText} to ${p.dstText} port ${p.dport ?? '?'}`;
}

export function dropReason(node: string, chain: string, p: TracedPacket, back: boolean, ending: Ending): string {
  const how = ending.target === 'REJECT' ? 'rejects' : 'drops';
  const by = ending.rule === null ? `policy ${ending.target}: no rule accepts them` : `rule ${ending.rule.line}`;
  return `${node}'s ${chain} chain ${how} ${describe(p, back)} (${by}).`;
}

export function unsureReason(node: string, chain: string, p: TracedPacket, back: boolean, why: string): string {
  return `The tracer cannot tell whether ${node}'s ${chain} chain lets ${describe(p, back)} through: ${why}.`;
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
