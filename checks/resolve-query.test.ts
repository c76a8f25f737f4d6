import { describe, expect, test } from 'vitest';
import { HOST_NAME_PATTERN, mixedCase, qnameBytes, queryFilter } from './resolve-query.js';

/** A draw that replays the given bits, then repeats the last one. */
const bits = (...seq: number[]) => {
  let i = 0;
  return () => seq[Math.min(i++, seq.length - 1)]!;
};

describe('mixedCase', () => {
  test('each letter takes the case drawn for it; digits and dashes stay', () => {
    expect(mixedCase('web-1.lab', bits(1, 0, 1, 0, 1, 1))).toBe('WeB-1.lAB');
  });

  test('never all lower case, nor the spelling the exercise wrote: programs ask that way', () => {
    // The first draws spell "db" (all lower case, and as written), so it draws again.
    expect(mixedCase('db', bits(0, 0, 1, 1))).toBe('DB');
    expect(mixedCase('Db', bits(1, 0, 0, 1))).toBe('dB');
  });

  test('a one-letter name can only be upper case; a name without letters stays as it is', () => {
    expect(mixedCase('x')).toBe('X');
    expect(mixedCase('10-20')).toBe('10-20');
  });

  test('with real randomness, the name is the same to DNS (case-insensitive)', () => {
    for (let i = 0; i < 50; i++) {
      const spelt = mixedCase('web.lab');
      expect(spelt.toLowerCase()).toBe('web.lab');
      expect(spelt).not.toBe('web.lab');
    }
  });
});

describe('qnameBytes', () => {
  test('labels as length, then bytes; no final zero (a search domain may follow)', () => {
    expect(qnameBytes('wEb.LaB')).toEqual([3, 0x77, 0x45, 0x62, 3, 0x4c, 0x61, 0x42]);
    expect(qnameBytes('dB')).toEqual([2, 0x64, 0x42]);
  });
});

describe('queryFilter', () => {
  test('UDP: a query (QR bit 0) to port 53 whose question starts with the exact bytes, compared 4, 2, then 1 at a time', () => {
    const udp = queryFilter('wEb.LaB').split(' or ')[0];
    expect(udp).toBe('(udp dst port 53 and udp[10] & 0x80 = 0 and udp[20:4] = 0x03774562 and udp[24:4] = 0x034c6142)');
    expect(queryFilter('dB').split(' or ')[0]).toBe('(udp dst port 53 and udp[10] & 0x80 = 0 and udp[20:2] = 0x0264 and udp[22:1] = 0x42)');
  });

  test('TCP: the same, after the TCP header and the 2-byte message length', () => {
    const tcp = queryFilter('dB').split(' or ')[1];
    const start = '((tcp[12] & 0xf0) >> 2)';
    expect(tcp).toBe(`(tcp dst port 53 and tcp[${start} + 4] & 0x80 = 0 and tcp[${start} + 14:2] = 0x0264 and tcp[${start} + 16:1] = 0x42)`);
  });
});

describe('HOST_NAME_PATTERN', () => {
  const pattern = new RegExp(HOST_NAME_PATTERN);
  test.each(['db', 'web.lab', 'a-1.b-2.example', '192.168.1.20', 'x'])('%s is a name', (name) => expect(pattern.test(name)).toBe(true));
  test.each(['', '-db', 'db-', 'web..lab', 'web.lab.', 'we b', 'web/lab', `${'a'.repeat(64)}.lab`, 'a.'.repeat(127) + 'ab'])(
    '%s is not',
    (name) => expect(pattern.test(name)).toBe(false),
  );
});
