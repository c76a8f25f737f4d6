import type { CheckContext, CheckKind, CheckOutcome } from '../checks/check-kind.js';
import { gradingLine } from './words.js';
import { messageOf } from '../core/errors.js';
import { addressOf } from '../core/ipv4.js';
import type { CheckSpec, Exercise } from '../core/exercise.js';
import type { CheckResult } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';
import { forgetLearnedState, placesOf } from './learned-state.js';

export interface RunOptions {
  /** The order the checks that send traffic run in (check ids; the rest follow in file order). Tests prove it changes no verdict. */
  readonly order?: readonly string[];
}

/**
 * Run every check of a lab. Checks that only read the nodes' state run at once. Checks that send
 * traffic through the lab (the kinds that may confirm a failure) run one at a time, each try after
 * the network has forgotten what it learned (grading/learned-state.ts): a direction that works only
 * because the other side spoke first, in the learner's script or in an earlier check, never passes,
 * whatever the order. A check that throws is an `error` (the machine's fault), never a `fail`.
 */
export async function runChecks(exercise: Exercise, kinds: ReadonlyMap<string, CheckKind>, lab: LabExec, token: string, options: RunOptions = {}): Promise<CheckResult[]> {
  const checks = exercise.checks;
  const ctx = { lab, token, holderOf: addressHolders(exercise) };
  const places = placesOf(exercise);
  const sendsTraffic = (check: CheckSpec) => kinds.get(check.kind)!.confirmFailure !== undefined;
  const ranked = (id: string) => (options.order?.includes(id) ? options.order.indexOf(id) : Number.MAX_SAFE_INTEGER);
  const traffic = checks.filter(sendsTraffic).sort((a, b) => ranked(a.id) - ranked(b.id));
  const reading = Promise.all(checks.filter((c) => !sendsTraffic(c)).map((check) => runOne(check, kinds.get(check.kind)!, ctx)));
  const sent: CheckResult[] = [];
  // One turn of the event loop first: the reading checks' commands (and the lab state the report reads
  // alongside) go to the lab as one exec of their own, so the first check that sends traffic does not
  // wait for all of them to end; they run meanwhile. (The reading checks ask after a microtask or two
  // and the batcher sends on the next turn: the turn after that is surely past it.)
  await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
  for (const check of traffic) sent.push(await runOne(check, kinds.get(check.kind)!, ctx, () => forgetLearnedState(lab, places)));
  const done = [...(await reading), ...sent];
  const results = checks.map((c) => done.find((r) => r.id === c.id)!);
  return results.map((r, i) => withCauses(r, checks[i]!, results));
}

/**
 * One check, tried again on a failure where its kind allows it; `fresh` runs before the first try (the
 * second follows only the check's own traffic, which teaches the far side about the sender, not the way back).
 */
async function runOne(check: CheckSpec, kind: CheckKind, ctx: CheckContext, fresh?: () => Promise<void>): Promise<CheckResult> {
  const started = Date.now();
  let before = fresh;
  const attempt = async (): Promise<CheckOutcome> => {
    try {
      const forget = before;
      before = undefined;
      await forget?.();
      return await kind.run(check.params, ctx);
    } catch (error) {
      const expected = gradingLine('grading.title', { title: check.title });
      const observed = gradingLine('grading.could-not-run', { why: messageOf(error) });
      return { status: 'error', expected: expected.text, observed: observed.text, said: { expected: expected.said, observed: observed.said }, evidence: [] };
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
    ...(outcome.said ? { said: outcome.said } : {}),
    ...(check.hint && outcome.status !== 'pass' ? { hint: check.hint } : {}),
    evidence: outcome.evidence,
    durationMs: Date.now() - started,
  };
}

/** A failed behaviour check names the failed rule checks that explain it. */
function withCauses(result: CheckResult, spec: CheckSpec, all: readonly CheckResult[]): CheckResult {
  if (result.status === 'pass' || spec.because.length === 0) return result;
  const causes = all.filter((r) => spec.because.includes(r.id) && r.status !== 'pass').map((r) => ({ id: r.id, observed: r.observed, ...(r.said?.observed ? { said: r.said.observed } : {}) }));
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
