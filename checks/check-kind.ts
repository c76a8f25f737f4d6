import type { Evidence, CheckStatus } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';

/** What a check kind decides; the grader adds id, title, points and hint. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  readonly expected: string;
  readonly observed: string;
  readonly evidence: readonly Evidence[];
}

export interface CheckContext {
  readonly lab: LabExec;
  /** The run's random token; services print it, checks expect it. */
  readonly token: string;
}

/** One kind of check (reach, route, ...): its parameter schema and how it runs. */
export interface CheckKind<P = Record<string, unknown>> {
  readonly name: string;
  /** One line for docs and `grade list --kinds`. */
  readonly description: string;
  /** JSON Schema of the check's own parameters (the fields beside id/title/kind/points/hint). */
  readonly schema: object;
  /** Node names the parameters refer to, so the loader can reject unknown nodes up front. */
  nodesOf(params: P): readonly string[];
  run(params: P, ctx: CheckContext): Promise<CheckOutcome>;
}
