import type { CheckKindSpec } from '../core/check-kind-spec.js';
import type { Evidence, CheckStatus, SaidLines } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';

/** What a check kind decides; the grader adds id, title, points and hint. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  readonly expected: string;
  readonly observed: string;
  /** expected and observed as catalogue sentences (checks/words/), for reports in the learner's language. */
  readonly said?: SaidLines;
  readonly evidence: readonly Evidence[];
}

export interface CheckContext {
  readonly lab: LabExec;
  /** The run's random token; services print it, checks expect it. */
  readonly token: string;
  /** The node the exercise gives an address (its topology, not the lab's current state); undefined when none does. */
  readonly holderOf: (address: string) => string | undefined;
}

/** One kind of check (reach, route, ...): its parameter schema and how it runs. */
export interface CheckKind<P = Record<string, unknown>> extends CheckKindSpec<P> {
  /** One line for docs and `grade list --kinds`. */
  readonly description: string;
  run(params: P, ctx: CheckContext): Promise<CheckOutcome>;
  /**
   * Whether a failure of this check is run once more before it counts: true for checks that traffic
   * gets through (a first packet lost to a busy machine must not cost a correct network its points).
   * Never for checks that traffic stays out: a second try would let a leaky firewall pass.
   */
  confirmFailure?(params: P): boolean;
}
