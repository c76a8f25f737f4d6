import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from '../core/exercise.js';
import type { Submission } from '../core/submission.js';
import { toolVersion } from '../core/tool-version.js';

export interface KeyInput {
  readonly exercise: Exercise;
  readonly variant: string | null;
  /** The lab image's content-hashed tag: a rebuilt image grades again. */
  readonly image: string;
  readonly submission: Submission;
}

/**
 * A hash of everything a verdict depends on: grade's version, the lab image, the exercise as written
 * (its exercise.yaml) and its variant, and each node file's text. Equal keys give equal verdicts, so a
 * resumed batch may reuse a recorded result; any change to one of these grades the submission again.
 * Where the files sat (a folder, an archive, an LMS download) is not part of it.
 */
export function submissionKey(input: KeyInput): string {
  return keyOf(input, exerciseFileHash(input.exercise.dir));
}

// One read of an exercise.yaml per process, however many submissions a batch keys with it.
const fileHashes = new Map<string, string>();

function exerciseFileHash(dir: string): string {
  let hash = fileHashes.get(dir);
  if (hash === undefined) fileHashes.set(dir, (hash = createHash('sha256').update(readFileSync(join(dir, 'exercise.yaml'))).digest('hex')));
  return hash;
}

function keyOf(input: KeyInput, exerciseFile: string): string {
  const hash = createHash('sha256');
  const part = (label: string, text: string) => hash.update(`${label}\u0000${Buffer.byteLength(text)}\u0000${text}\u0000`);
  part('tool', toolVersion());
  part('image', input.image);
  part('exercise', input.exercise.id);
  part('exercise.yaml', exerciseFile);
  part('variant', input.variant ?? '');
  for (const file of [...input.submission.files].sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0))) part(`node ${file.node}`, file.text);
  return hash.digest('hex');
}
