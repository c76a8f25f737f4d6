import { describe, expect, test } from 'vitest';
import type { ParamSpec } from './exercise.js';
import { parseCidr } from './ipv4.js';
import { checkVariantId, paramValues, seededRandom } from './variant-values.js';

const subnet = (name: string, def: string, within: string[]): ParamSpec => ({ name, type: 'subnet', default: def, within, min: 0, max: 0 });
const int = (name: string, def: number, min: number, max: number, group?: string): ParamSpec => ({
  name,
  type: 'int',
  default: def,
  within: [],
  min,
  max,
  ...(group ? { group } : {}),
});

// ex01's params, as its exercise.yaml declares them.
const EX01: ParamSpec[] = [
  subnet('lan', '192.168.1.0/24', ['192.168.0.0/16']),
  subnet('wan', '192.168.2.0/24', ['192.168.0.0/16']),
  int('gw', 1, 1, 254, 'lan'),
  int('hostA', 10, 2, 250, 'lan'),
  int('hostB', 11, 2, 250, 'lan'),
  int('typo', 100, 2, 250, 'lan'),
  int('serverC', 10, 2, 250),
];
const ids = Array.from({ length: 200 }, (_, i) => `learner${i}`);

describe('paramValues', () => {
  test('no variant: every param is its default, the lesson value', () => {
    expect(paramValues('ex01', EX01, null)).toEqual({ lan: '192.168.1.0/24', wan: '192.168.2.0/24', gw: 1, hostA: 10, hostB: 11, typo: 100, serverC: 10 });
  });

  test('the same id always gives the same values, on every machine (pinned)', () => {
    expect(paramValues('ex01', EX01, 'alice')).toEqual(paramValues('ex01', EX01, 'alice'));
    // Pinned: a change here changes every learner's lab, so it must be deliberate.
    expect(paramValues('ex01', EX01, 'v1')).toEqual({ lan: '192.168.37.0/24', wan: '192.168.248.0/24', gw: 231, hostA: 237, hostB: 218, typo: 179, serverC: 194 });
  });

  test('the exercise id is part of the seed', () => {
    expect(paramValues('ex01', EX01, 'alice')).not.toEqual(paramValues('ex02', EX01, 'alice'));
  });

  test('different ids mostly give different labs: the LAN and gateway differ for almost every pair', () => {
    const labs = ids.map((id) => paramValues('ex01', EX01, id));
    const keys = new Set(labs.map((v) => `${v.lan} ${v.gw}`));
    expect(keys.size).toBeGreaterThan(195);
    expect(new Set(labs.map((v) => v.lan)).size).toBeGreaterThan(100);
  });

  test('values stay in their ranges; a group never repeats a value; subnets never overlap', () => {
    for (const id of ids) {
      const v = paramValues('ex01', EX01, id);
      for (const p of EX01.filter((q) => q.type === 'int')) {
        expect(v[p.name]).toBeGreaterThanOrEqual(p.min);
        expect(v[p.name]).toBeLessThanOrEqual(p.max);
        expect(Number.isInteger(v[p.name])).toBe(true);
      }
      expect(new Set([v.gw, v.hostA, v.hostB, v.typo]).size).toBe(4);
      const lan = parseCidr(String(v.lan))!;
      const wan = parseCidr(String(v.wan))!;
      expect([lan.prefix, wan.prefix]).toEqual([24, 24]);
      expect(String(v.lan)).toMatch(/^192\.168\.\d+\.0\/24$/);
      expect(lan.network).not.toBe(wan.network);
    }
  });

  test('a tight group still finds a value for every member, and subnets in a small range stay apart', () => {
    const tight = [int('a', 1, 1, 3, 'g'), int('b', 2, 1, 3, 'g'), int('c', 3, 1, 3, 'g')];
    for (const id of ids.slice(0, 50)) expect(Object.values(paramValues('ex99', tight, id)).sort()).toEqual([1, 2, 3]);
    const two = [subnet('x', '10.0.0.0/25', ['10.0.0.0/24']), subnet('y', '10.0.0.128/25', ['10.0.0.0/24'])];
    for (const id of ids.slice(0, 50)) expect(Object.values(paramValues('ex99', two, id)).sort()).toEqual(['10.0.0.0/25', '10.0.0.128/25']);
  });

  test('within may list several ranges; a pick lands in one of them', () => {
    const p = [subnet('lan', '192.168.1.0/24', ['192.168.0.0/22', '10.20.0.0/22'])];
    const seen = new Set(ids.map((id) => String(paramValues('ex99', p, id).lan).split('.')[0]));
    expect([...seen].sort()).toEqual(['10', '192']);
  });
});

describe('seededRandom and variant ids', () => {
  test('a seed gives the same sequence; numbers fall in [0, 1)', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.05);
  });

  test('a variant id is trimmed; an empty one or one with control characters is refused', () => {
    expect(checkVariantId('  alice ')).toBe('alice');
    expect(checkVariantId('s1234567@uni.example')).toBe('s1234567@uni.example');
    expect(() => checkVariantId(' ')).toThrow(/is not a variant id/);
    expect(() => checkVariantId('a\nb')).toThrow(/is not a variant id/);
  });
});
