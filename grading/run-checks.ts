import type { CheckKind, CheckOutcome } from '../checks/check-kind.js';
import { messageOf } from '../core/errors.js';
import { addressOf } from '../core/ipv4.js';
import type { CheckSpec, Exercise } from '../core/exercise.js';
import type { CheckResult } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';

/** Run every check of a lab at once. A check that throws is an `error` (the machine's fault), never a `fail`. */
export async function runChecks(exercise: Exercise, kinds: ReadonlyMap<string, CheckKind>, lab: LabExec, token: string): Promise<CheckResult[]> {
  const checks = exercise.checks;
  const holderOf = addressHolders(exercise);
  const results = await Promise.all(
    checks.map(async (check) => {
      const started = Date.now();
      const kind = kinds.get(check.kind)!;
      const attempt = async (): Promise<CheckOutcome> => {
        try {
          return await kind.run(check.params, { lab, token, holderOf });
        } catch (error) {
          return { status: 'error', expected: check.title, observed: `the check could not run: ${messageOf(error)}`, evidence: [] };
        }
      };
      let outcome = await attempt();
      if (outcome.status === 'fail' && kind.confirmFailure?.(check.params)) {
        // The verdict is the second try's; the report keeps the evidence of both.
        const first = outcome;
        outcome = await attempt();
        outcome = { ...outcome, evidence: [...first.evidence, ...outcome.evidence] };
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

/** Which node the exercise gives each address: the far end a ping to that address must reach. */
export function addressHolders(exercise: Exercise): (address: string) => string | undefined {
  const holders = new Map<string, string>();
  for (const node of exercise.nodes) {
    for (const cidr of node.interfaces.flatMap((i) => i.addresses)) holders.set(addressOf(cidr), node.name);
  }
  return (address) => holders.get(address);
}
