import { describe, expect, test } from 'vitest';
import { OutputCollector } from './output-collector.js';

const frame = (kind: number, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = kind;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

describe('OutputCollector', () => {
  test('keeps stdout and stderr apart and interleaved, across split chunks', () => {
    const c = new OutputCollector(1024);
    const all = Buffer.concat([frame(1, 'out1\n'), frame(2, 'err\n'), frame(1, 'out2\n')]);
    c.push(all.subarray(0, 5));
    c.push(all.subarray(5, 17));
    c.push(all.subarray(17));
    expect(c.result()).toEqual({ output: 'out1\nerr\nout2\n', stdout: 'out1\nout2\n', stderr: 'err\n', truncated: false });
  });

  test('caps what it keeps and says so', () => {
    const c = new OutputCollector(6);
    c.push(frame(1, 'abcd'));
    c.push(frame(1, 'efgh'));
    c.push(frame(2, 'ijkl'));
    expect(c.result().output).toBe('abcdef');
    expect(c.result().truncated).toBe(true);
  });
});
