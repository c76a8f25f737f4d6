import { describe, expect, test } from 'vitest';
import type { BatchItem } from '../core/batch-entry.js';
import { UserError } from '../core/errors.js';
import { parseShard, shardItems } from './shard.js';

const item = (learner: string, exercise = 'ex01'): BatchItem => ({ learner, displayName: null, exercise, source: learner, dir: `/in/${learner}`, invalid: null });

describe('--shard', () => {
  test('I/N, or N with the index from a Kubernetes Indexed Job (0-based there, 1-based here)', () => {
    expect(parseShard('2/4', {})).toEqual({ index: 2, count: 4 });
    expect(parseShard('4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 4 });
    expect(parseShard('4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 4, count: 4 });
  });

  test('anything else is one sentence that says what to write', () => {
    for (const [text, env, message] of [
      ['5/4', {}, /--shard 5\/4 is out of range/],
      ['0/4', {}, /out of range/],
      ['4', {}, /JOB_COMPLETION_INDEX, which is not set/],
      ['4', { JOB_COMPLETION_INDEX: '4' }, /--shard 5\/4 is out of range/],
      ['half', {}, /--shard takes I\/N/],
    ] as const) {
      expect(() => parseShard(text, env)).toThrow(UserError);
      expect(() => parseShard(text, env)).toThrow(message);
    }
  });

  test('deals learners round-robin: slices are disjoint, cover everyone, differ by one at most, and keep a learner\'s exercises together', () => {
    const items = ['e', 'a', 'd', 'b', 'c'].flatMap((l) => [item(l, 'ex01'), item(l, 'ex03')]);
    const slices = [1, 2, 3].map((index) => shardItems(items, { index, count: 3 }));
    expect(slices.map((s) => [...new Set(s.map((i) => i.learner))].sort())).toEqual([['a', 'd'], ['b', 'e'], ['c']]);
    expect(slices.flat().length).toBe(items.length);
    for (const s of slices) for (const i of s) expect(s.filter((j) => j.learner === i.learner)).toHaveLength(2);
    expect(shardItems(items, { index: 1, count: 3 })).toEqual(slices[0]);
  });
});
