// Builds batch folders and archives (benign and hostile) in temp folders for the batch-input tests.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import yazl from 'yazl';

/** A temp root with `batch/` (the folder graded), `work/` (the batch's work folder) and `outside/` (must never change). */
export interface Sandbox {
  readonly root: string;
  readonly batch: string;
  readonly work: string;
  readonly outside: string;
  remove(): void;
}

export function sandbox(batchName = 'batch'): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'grade-batch-input-'));
  const batch = join(root, batchName);
  const work = join(root, 'deep', 'er', 'work');
  const outside = join(root, 'outside');
  for (const dir of [batch, work, outside]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(outside, 'sentinel.txt'), 'untouched\n');
  return { root, batch, work, outside, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Writes files given by relative path; a path ending in "/" makes an empty folder. */
export function writeTree(dir: string, files: Readonly<Record<string, string | Buffer>>): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    if (path.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** Every file and folder under `dir`, relative, sorted: what a test compares before and after. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      const isDir = lstatSync(path).isDirectory();
      out.push(relative(dir, path) + (isDir ? '/' : ''));
      if (isDir) walk(path);
    }
  };
  walk(dir);
  return out;
}

export interface ZipEntry {
  readonly name: string;
  readonly data?: string | Buffer;
  readonly mode?: number;
  readonly folder?: boolean;
  readonly compress?: boolean;
}

export function zipOf(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    if (e.folder) zip.addEmptyDirectory(e.name, e.mode === undefined ? {} : { mode: e.mode });
    else zip.addBuffer(Buffer.from(e.data ?? ''), e.name, { ...(e.mode === undefined ? {} : { mode: e.mode }), compress: e.compress ?? true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export interface TarEntry {
  readonly name: string;
  readonly data?: string | Buffer;
  readonly type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device' | 'fifo';
  readonly linkname?: string;
}

export async function tarOf(entries: readonly TarEntry[], gzip = true): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer));
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) {
    const type = e.type ?? 'file';
    const header = { name: e.name, type, ...(e.linkname ? { linkname: e.linkname } : {}), ...(type === 'character-device' ? { devmajor: 1, devminor: 3 } : {}) };
    if (type === 'file') pack.entry(header, Buffer.from(e.data ?? ''));
    else pack.entry(header);
  }
  pack.finalize();
  await done;
  const raw = Buffer.concat(chunks);
  return gzip ? gzipSync(raw) : raw;
}

/** Rewrites every occurrence of a (same-length) name in an archive: how names yazl refuses to write get into a zip. */
export function patchBytes(archive: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('patchBytes needs names of the same length');
  const out = Buffer.from(archive);
  const needle = Buffer.from(from);
  let found = 0;
  for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, at + 1)) {
    Buffer.from(to).copy(out, at);
    found += 1;
  }
  if (!found) throw new Error(`patchBytes: ${from} is not in the archive`);
  return out;
}
