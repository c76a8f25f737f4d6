import { describe, expect, test } from 'vitest';
import { ReplayBuffer } from './replay-buffer.js';

describe('ReplayBuffer', () => {
  test('a reconnecting page gets exactly what came after its sequence number', () => {
    const b = new ReplayBuffer();
    b.push(Buffer.from('hello '));
    const seen = b.push(Buffer.from('world'));
    b.push(Buffer.from('\r\n$ '));
    expect(b.since(seen)).toEqual({ from: 11, data: Buffer.from('\r\n$ ') });
    expect(b.since(0).data.toString()).toBe('hello world\r\n$ ');
    expect(b.since(99).data.length).toBe(0);
  });

  test('past its capacity it drops the oldest output and replays from what it kept', () => {
    const b = new ReplayBuffer(8);
    for (const s of ['aaaa', 'bbbb', 'cccc', 'dddd']) b.push(Buffer.from(s));
    const r = b.since(0);
    expect(r.from).toBeGreaterThan(0);
    expect(r.data.toString()).toBe('aaaabbbbccccdddd'.slice(r.from));
    expect(b.seq).toBe(16);
  });
});
