import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-atomic.js';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grade-write-atomic-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates missing parent folders and writes the data', async () => {
    const dir = scratch();
    const target = join(dir, 'a', 'b', 'result.json');
    await writeFileAtomic(target, '{"ok":true}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"ok":true}\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['result.json']);
  });

  it('replaces an existing file whole and leaves no temporary files', async () => {
    const dir = scratch();
    const target = join(dir, 'report.html');
    writeFileSync(target, 'old content that is longer than the new one');
    await writeFileAtomic(target, 'new');
    await writeFileAtomic(target, new TextEncoder().encode('newer'));
    expect(readFileSync(target, 'utf8')).toBe('newer');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('survives concurrent writers to the same path with one complete result', async () => {
    const dir = scratch();
    const target = join(dir, 'r.txt');
    const bodies = Array.from({ length: 8 }, (_, i) => String(i).repeat(10_000));
    await Promise.all(bodies.map((b) => writeFileAtomic(target, b)));
    expect(bodies).toContain(readFileSync(target, 'utf8'));
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });

  it('cleans up its temporary file when the rename fails', async () => {
    const dir = scratch();
    const target = join(dir, 'taken');
    mkdirSync(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
