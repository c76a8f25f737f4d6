// Cleanup that fails must not vanish: each failure is logged under --debug (GRADE_DEBUG) with its
// cause, and one that leaves something behind (a lab container, a mount) is kept so that the CLI
// says so and does not exit 0. Process-wide, like process.exitCode, which it feeds.
import { describeCauses } from './errors.js';

export interface CleanupFailure {
  /** What could not be done, e.g. "remove lab ex01-3f2a1c". */
  readonly what: string;
  /** Whether something the run made is still there (counts toward the exit status). */
  readonly leftBehind: boolean;
  readonly error: unknown;
}

const failures: CleanupFailure[] = [];

export function cleanupFailed(what: string, error: unknown, options: { readonly leftBehind: boolean }): void {
  failures.push({ what, leftBehind: options.leftBehind, error });
  if (process.env['GRADE_DEBUG']) process.stderr.write(`grade: cleanup: could not ${what}: ${describeCauses(error)}\n`);
}

/** The failed cleanups of this process that left something behind. */
export function leftBehind(): readonly CleanupFailure[] {
  return failures.filter((f) => f.leftBehind);
}

/** For tests: forget what was recorded. */
export function clearCleanupFailures(): void {
  failures.length = 0;
}
