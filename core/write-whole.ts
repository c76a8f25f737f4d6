import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Write a cache file whole, then rename it into place: a run reading at the same moment sees all of it
 * or nothing. Synchronous, for caches filled on a command's start-up path.
 */
export function writeWholeSync(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}
