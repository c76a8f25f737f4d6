import { describe, expect, test } from 'vitest';
import type { Engine } from './engine.js';
import { loggingEngine } from './logging-engine.js';

describe('loggingEngine', () => {
  test('passes calls through and logs each with its duration, failures included', async () => {
    const inner = {
      imageExists: async (ref: string) => ref === 'grade-lab:abc',
      removeNetwork: async () => {
        throw new Error('no such network');
      },
    } as unknown as Engine;
    const lines: string[] = [];
    const engine = loggingEngine(inner, (l) => lines.push(l));
    expect(await engine.imageExists('grade-lab:abc')).toBe(true);
    await expect(engine.removeNetwork('n1')).rejects.toThrow('no such network');
    expect(lines[0]).toMatch(/^engine imageExists\(grade-lab:abc\) \d+ ms$/);
    expect(lines[1]).toMatch(/^engine removeNetwork\(n1\) failed after \d+ ms: no such network$/);
  });
});
