// Small IPv4 helpers for comparing iptables address conditions with a described packet class.
import { parseIpv4 } from '../../core/ipv4.js';

export { parseIpv4 };

/** An IPv4 network: base address (host bits cleared) as an unsigned 32-bit number, and prefix length. */
export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

export const ANY_ADDRESS: Cidr = { base: 0, prefix: 0 };

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** A dotted netmask's prefix length, or null when the mask is not contiguous (255.0.255.0). */
function prefixOfMask(mask: number): number | null {
  for (let prefix = 0; prefix <= 32; prefix++) if (maskOf(prefix) === mask) return prefix;
  return null;
}

/** `10.0.0.1`, `10.0.0.0/24` or `10.0.0.0/255.255.255.0`; host bits are cleared, as iptables does. */
export function parseCidr(text: string): Cidr | null {
  const [addressText, prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0 || addressText === undefined) return null;
  const address = parseIpv4(addressText);
  if (address === null) return null;
  let prefix = 32;
  if (prefixText !== undefined) {
    if (/^\d{1,2}$/.test(prefixText)) prefix = Number(prefixText);
    else {
      const mask = parseIpv4(prefixText);
      const fromMask = mask === null ? null : prefixOfMask(mask);
      if (fromMask === null) return null;
      prefix = fromMask;
    }
    if (prefix > 32) return null;
  }
  return { base: (address & maskOf(prefix)) >>> 0, prefix };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIpv4(cidr.base)}/${cidr.prefix}`;
}

/** The canonical `a.b.c.d/n` spelling of an address or network, or null when it is not IPv4. */
export function normaliseCidr(text: string): string | null {
  const cidr = parseCidr(text);
  return cidr === null ? null : formatCidr(cidr);
}

/** Every address of `inner` is in `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.prefix <= inner.prefix && ((inner.base & maskOf(outer.prefix)) >>> 0) === outer.base;
}

/** No address is in both. (Two IPv4 networks either nest or are disjoint.) */
export function cidrsDisjoint(a: Cidr, b: Cidr): boolean {
  return !cidrContains(a, b) && !cidrContains(b, a);
}
