import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';

export const LAB_IMAGE_REPO = 'grade-lab';

/** Files whose content defines the lab image; the image tag is their hash, so a stale image is simply missing. */
export function labImageInputs(root: string = packageRoot()): string[] {
  const imageDir = join('runner', 'image');
  const files = readdirSync(join(root, imageDir)).sort().map((f) => join(imageDir, f));
  return ['Dockerfile', ...files];
}

/** `grade-lab:<hash>` for the current Dockerfile and runner/image files. */
export function labImageRef(root: string = packageRoot()): string {
  const hash = createHash('sha256');
  for (const file of labImageInputs(root)) {
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return `${LAB_IMAGE_REPO}:${hash.digest('hex').slice(0, 12)}`;
}
