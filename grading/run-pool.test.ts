import { describe, expect, test } from 'vitest';
import { runPool } from './run-pool.js';

describe('runPool', () => {
  test('a fault in one item becomes that item\'s result, and every other item is still worked', async () => {
    const worked: number[] = [];
    const results = await runPool(
      [1, 2, 3, 4, 5],
      2,
      async (n) => {
        if (n === 2) throw new Error('boom');
        worked.push(n);
        return `ok ${n}`;
      },
      async (error, n) => `fault ${n}: ${(error as Error).message}`,
    );
    expect(results).toEqual(['ok 1', 'fault 2: boom', 'ok 3', 'ok 4', 'ok 5']);
    expect(worked.sort()).toEqual([1, 3, 4, 5]);
  });

  test('without a fault handler, a fault fails the pool', async () => {
    await expect(runPool([1, 2], 1, async (n) => {
      if (n === 1) throw new Error('boom');
      return n;
    })).rejects.toThrow('boom');
  });
});
