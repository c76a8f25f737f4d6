// Minimal IPv4 helpers for validating what people write.

export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

export function isValidIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

export function isValidCidr(text: string): boolean {
  const [addr, len, ...rest] = text.split('/');
  if (rest.length || addr === undefined || len === undefined || !/^\d{1,2}$/.test(len)) return false;
  return isValidIpv4(addr) && Number(len) <= 32;
}

/** The address part of a CIDR: 192.168.1.10/24 -> 192.168.1.10. */
export function addressOf(cidr: string): string {
  return cidr.split('/')[0] ?? cidr;
}
