import { describe, expect, it } from 'vitest';
import { ANY_ADDRESS, cidrContains, cidrsDisjoint, formatCidr, formatIpv4, normaliseCidr, parseCidr, parseIpv4 } from './cidr.js';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (parsed === null) throw new Error(`bad test CIDR ${text}`);
  return parsed;
};

describe('parseIpv4 / formatIpv4', () => {
  it('round-trips addresses, including the extremes', () => {
    for (const text of ['0.0.0.0', '10.0.0.2', '192.168.15.255', '255.255.255.255']) {
      expect(formatIpv4(parseIpv4(text) ?? -1)).toBe(text);
    }
  });

  it('rejects what is not a dotted quad', () => {
    for (const text of ['', '10.0.0', '10.0.0.0.1', '256.0.0.1', '10.0.0.-1', 'a.b.c.d', '10.0.0.1 ', '::1']) {
      expect(parseIpv4(text)).toBeNull();
    }
  });
});

describe('parseCidr', () => {
  it('adds /32 to a bare address', () => {
    expect(parseCidr('10.0.0.5')).toEqual({ base: parseIpv4('10.0.0.5'), prefix: 32 });
  });

  it('reads prefix lengths and dotted netmasks alike', () => {
    expect(normaliseCidr('192.168.15.0/24')).toBe('192.168.15.0/24');
    expect(normaliseCidr('192.168.15.0/255.255.255.0')).toBe('192.168.15.0/24');
    expect(normaliseCidr('10.0.0.0/255.0.0.0')).toBe('10.0.0.0/8');
    expect(normaliseCidr('0.0.0.0/0')).toBe('0.0.0.0/0');
    expect(normaliseCidr('0.0.0.0/0.0.0.0')).toBe('0.0.0.0/0');
  });

  it('clears host bits the way iptables does', () => {
    expect(normaliseCidr('10.9.8.7/24')).toBe('10.9.8.0/24');
    expect(normaliseCidr('10.9.8.7/0')).toBe('0.0.0.0/0');
  });

  it('rejects bad prefixes, non-contiguous masks and junk', () => {
    for (const text of ['10.0.0.0/33', '10.0.0.0/255.0.255.0', '10.0.0.0/', '10.0.0.0/24/1', 'eth0', '10.0.0.0/ab']) {
      expect(parseCidr(text)).toBeNull();
    }
  });

  it('formats as a.b.c.d/n', () => {
    expect(formatCidr(cidr('172.16.5.4/12'))).toBe('172.16.0.0/12');
    expect(formatCidr(ANY_ADDRESS)).toBe('0.0.0.0/0');
  });
});

describe('cidrContains / cidrsDisjoint', () => {
  it('a network contains itself, its subnets and its hosts', () => {
    const lan = cidr('192.168.15.0/24');
    expect(cidrContains(lan, lan)).toBe(true);
    expect(cidrContains(lan, cidr('192.168.15.128/25'))).toBe(true);
    expect(cidrContains(lan, cidr('192.168.15.7'))).toBe(true);
    expect(cidrContains(ANY_ADDRESS, lan)).toBe(true);
  });

  it('a network does not contain a wider or a different one', () => {
    expect(cidrContains(cidr('192.168.15.0/25'), cidr('192.168.15.0/24'))).toBe(false);
    expect(cidrContains(cidr('10.0.0.0/24'), cidr('192.168.15.0/24'))).toBe(false);
    expect(cidrContains(cidr('192.168.15.0/24'), ANY_ADDRESS)).toBe(false);
    expect(cidrContains(cidr('10.0.0.1'), cidr('10.0.0.2'))).toBe(false);
  });

  it('only unrelated networks are disjoint', () => {
    expect(cidrsDisjoint(cidr('10.0.0.0/24'), cidr('192.168.15.0/24'))).toBe(true);
    expect(cidrsDisjoint(cidr('10.0.0.0/25'), cidr('10.0.0.128/25'))).toBe(true);
    expect(cidrsDisjoint(cidr('10.0.0.0/8'), cidr('10.1.0.0/16'))).toBe(false);
    expect(cidrsDisjoint(cidr('10.1.0.0/16'), cidr('10.0.0.0/8'))).toBe(false);
    expect(cidrsDisjoint(ANY_ADDRESS, cidr('10.0.0.1'))).toBe(false);
  });

  it('handles the top of the address space without sign trouble', () => {
    expect(cidrContains(cidr('128.0.0.0/1'), cidr('255.255.255.255'))).toBe(true);
    expect(cidrContains(cidr('224.0.0.0/3'), cidr('240.1.2.3/32'))).toBe(true);
    expect(cidrsDisjoint(cidr('0.0.0.0/1'), cidr('128.0.0.0/1'))).toBe(true);
  });
});
