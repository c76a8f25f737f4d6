import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A tar archive (ustar) of exactly these files of `root`, to send as a build context.
 * Made here rather than by dockerode's `{ context, src }` because dockerode filters `src` through
 * .dockerignore, and an ignore-everything-but pattern (`*`) drops the Dockerfile itself.
 */
export function buildContextTar(root: string, files: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    const name = file.split('\\').join('/');
    const path = join(root, file);
    const data = readFileSync(path);
    const st = statSync(path);
    parts.push(tarHeader(name, data.length, st.mode & 0o7777, Math.floor(st.mtimeMs / 1000)), data, Buffer.alloc(padding(data.length)));
  }
  parts.push(Buffer.alloc(1024)); // end of archive: two zero blocks
  return Buffer.concat(parts);
}

function padding(size: number): number {
  return (512 - (size % 512)) % 512;
}

function tarHeader(name: string, size: number, mode: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`grade: build context path too long for tar: ${name}`);
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  octal(h, mode, 100, 8);
  octal(h, 0, 108, 8); // uid
  octal(h, 0, 116, 8); // gid
  octal(h, size, 124, 12);
  octal(h, mtime, 136, 12);
  h.fill(' ', 148, 156); // checksum is computed with its own field as spaces
  h.write('0', 156, 'ascii'); // regular file
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('root', 265, 'ascii');
  h.write('root', 297, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

function octal(buf: Buffer, value: number, offset: number, length: number): void {
  buf.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}
