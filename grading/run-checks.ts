import type { CheckKind } from '../checks/check-kind.js';
import { messageOf } from '../core/errors.js';
import type { CheckSpec } from '../core/exercise.js';
import type { CheckResult } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';

/** Run every check of a lab at once. A check that throws is an `error` (the machine's fault), never a `fail`. */
export async function runChecks(checks: readonly CheckSpec[], kinds: ReadonlyMap<string, CheckKind>, lab: LabExec, token: string): Promise<CheckResult[]> {
  const results = await Promise.all(
    checks.map(async (check) => {
      const started = Date.now();
      const kind = kinds.get(check.kind)!;
      let outcome;
      try {
        outcome = await kind.run(check.params, { lab, token });
      } catch (error) {
        outcome = { status: 'error' as const, expected: check.title, observed: `the check could not run: ${messageOf(error)}`, evidence: [] };
      }
      return {
        id: check.id,
        title: check.title,
        kind: check.kind,
        points: check.points,
        earned: outcome.status === 'pass' ? check.points : 0,
        status: outcome.status,
        expected: outcome.expected,
        observed: outcome.observed,
        ...(check.hint && outcome.status !== 'pass' ? { hint: check.hint } : {}),
        evidence: outcome.evidence,
        durationMs: Date.now() - started,
      };
    }),
  );
  return results.map((r, i) => withCauses(r, checks[i]!, results));
}

/** A failed behaviour check names the failed rule checks that explain it. */
function withCauses(result: CheckResult, spec: CheckSpec, all: readonly CheckResult[]): CheckResult {
  if (result.status === 'pass' || spec.because.length === 0) return result;
  const causes = all.filter((r) => spec.because.includes(r.id) && r.status !== 'pass').map((r) => ({ id: r.id, observed: r.observed }));
  return causes.length ? { ...result, causes } : result;
}
