import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';

let cached: string | undefined;

/** The bash program (runner/submission-runner.sh) that runs a learner's file inside a node. */
export function submissionRunner(): string {
  cached ??= readFileSync(join(packageRoot(), 'runner', 'submission-runner.sh'), 'utf8');
  return cached;
}
