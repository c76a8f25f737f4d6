import { randomInt } from 'node:crypto';

// How a resolve check recognises its own DNS query on the lab's switch. DNS compares names without
// regard to case and servers echo the question as asked (the "0x20" trick), so the check asks with a
// random mix of upper and lower case and matches those exact bytes: a query a learner's program
// sends, or one sent before the check, spells the name otherwise.

/** A host name as exercise files write it: labels of letters, digits and dashes. */
export const HOST_NAME_PATTERN = '^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$';

/**
 * The name with each letter's case drawn at random, never all lower case and never as written (the
 * spellings programs use), as long as the name has letters enough to leave another spelling.
 */
export function mixedCase(name: string, draw: (max: number) => number = randomInt): string {
  const letters = [...name].filter((c) => /[a-z]/i.test(c)).length;
  const taken = new Set([name.toLowerCase(), name]);
  if (letters === 0 || 2 ** letters <= taken.size) return letters === 0 ? name : name.toUpperCase();
  for (;;) {
    const spelt = [...name].map((c) => (/[a-z]/i.test(c) && draw(2) === 1 ? c.toUpperCase() : c.toLowerCase())).join('');
    if (!taken.has(spelt)) return spelt;
  }
}

/** The name's labels as a DNS message writes them (length byte, then the label), without the final 0. */
export function qnameBytes(name: string): number[] {
  return name.split('.').flatMap((label) => [label.length, ...[...label].map((c) => c.charCodeAt(0))]);
}

/**
 * A BPF filter (tcpdump) for DNS queries whose question starts with these labels: the name itself or
 * the name with a search domain after it (resolv.conf `search`). UDP, and TCP (`options use-vc`),
 * where a 2-byte length comes first.
 */
export function queryFilter(question: string): string {
  return messageFilter(question, 'query');
}

/**
 * The same for queries and for the answers to them: an answer repeats the question as it was asked,
 * so it carries the same bytes at the same place, from port 53 with the header's answer bit set.
 */
export function queryAndAnswerFilter(question: string): string {
  return `${messageFilter(question, 'query')} or ${messageFilter(question, 'answer')}`;
}

function messageFilter(question: string, kind: 'query' | 'answer'): string {
  const bytes = qnameBytes(question);
  const [port, bit] = kind === 'query' ? ['dst port 53', '= 0'] : ['src port 53', '!= 0'];
  // The DNS header is 12 bytes; its third byte's top bit is 0 in a query, 1 in an answer.
  const udp = [`udp ${port}`, `udp[10] & 0x80 ${bit}`, ...compare((at, size) => `udp[${20 + at}:${size}]`, bytes)];
  const start = '((tcp[12] & 0xf0) >> 2)'; // the TCP header's length
  const tcp = [`tcp ${port}`, `tcp[${start} + 4] & 0x80 ${bit}`, ...compare((at, size) => `tcp[${start} + ${14 + at}:${size}]`, bytes)];
  return `(${udp.join(' and ')}) or (${tcp.join(' and ')})`;
}

/** "field = value" terms that compare the bytes 4, 2 or 1 at a time (what BPF loads). */
function compare(field: (at: number, size: number) => string, bytes: readonly number[]): string[] {
  const terms: string[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = bytes.length - at >= 4 ? 4 : bytes.length - at >= 2 ? 2 : 1;
    const hex = bytes.slice(at, at + size).map((b) => b.toString(16).padStart(2, '0')).join('');
    terms.push(`${field(at, size)} = 0x${hex}`);
    at += size;
  }
  return terms;
}
