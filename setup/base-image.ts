import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';

/** The image the lab Dockerfile builds FROM (e.g. `debian:bookworm-slim`). */
export function baseImageRef(root: string = packageRoot()): string {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words[0]?.toUpperCase() !== 'FROM') continue;
    const image = words.slice(1).find((w) => !w.startsWith('--'));
    if (image) return image;
  }
  throw new Error('grade: the Dockerfile has no FROM line');
}

/** Where set-up puts the base image: the Dockerfile's FROM, or GRADE_BASE_IMAGE_TAG (only for testing set-up itself). */
export function baseImageTarget(root: string = packageRoot()): string {
  return process.env['GRADE_BASE_IMAGE_TAG'] || baseImageRef(root);
}

/** The Debian suite a `debian:<suite>[-slim]` reference names, which debootstrap can make; else undefined. */
export function debianSuiteOf(ref: string): string | undefined {
  const m = /^(?:library\/)?debian:([a-z]+)(?:-slim)?$/.exec(ref);
  return m?.[1];
}
