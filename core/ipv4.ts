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

/** A subnet as numbers: 192.168.7.0/24 -> { network: 0xc0a80700, prefix: 24 }; null when malformed. */
export function parseCidr(text: string): { network: number; prefix: number } | null {
  if (!isValidCidr(text)) return null;
  const [addr, len] = text.split('/') as [string, string];
  return { network: parseIpv4(addr)!, prefix: Number(len) };
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** How many addresses a prefix spans: /24 -> 256. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}
