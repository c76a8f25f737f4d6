import { LABEL } from './labels.js';

/**
 * The set of labs this process may attach to, stop and clean: `GRADE_SCOPE`, empty by default.
 * The test suite runs in a scope of its own, so a student who runs it while a lab of theirs is open
 * never sees that lab touched (`grade clean`, `grade stop` and `grade start` look only at their scope).
 */
export function labScope(env: NodeJS.ProcessEnv = process.env): string {
  const scope = env.GRADE_SCOPE ?? '';
  return /^[A-Za-z0-9_.-]{0,64}$/.test(scope) ? scope : '';
}

/** Whether a lab's labels put it in this process's scope. */
export function inScope(labels: Record<string, string>, scope: string = labScope()): boolean {
  return (labels[LABEL.scope] ?? '') === scope;
}
