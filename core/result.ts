// The one result model every reporter renders. Plain data, JSON-serialisable, versioned:
// reports/results-schema.json describes exactly this shape.

import type { Lang } from './lang.js';

export const RESULT_SCHEMA_VERSION = 1;

export type CheckStatus = 'pass' | 'fail' | 'error';

/** A parameter of a said sentence: learner or lab data (inserted as is), a number, or sentences said inside it. */
export type SaidParam = string | number | Said | readonly Said[];

/** A fixed sentence by its catalogue id, with its parameters: what a reporter renders in the learner's language. */
export interface Said {
  readonly id: string;
  readonly params: { readonly [name: string]: SaidParam };
}

/** The structured form of a check's expected and observed lines (the English strings stay as they are). */
export interface SaidLines {
  readonly expected?: Said;
  readonly observed?: Said;
}

/** One command the grader ran on a node to decide a check, with what it printed. */
export interface Evidence {
  readonly node: string;
  readonly command: string;
  readonly exitCode: number | null;
  readonly output: string;
  readonly truncated: boolean;
  readonly timedOut: boolean;
}

export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly points: number;
  readonly earned: number;
  readonly status: CheckStatus;
  /** What the check wanted, in words. */
  readonly expected: string;
  /** What it found, in words. */
  readonly observed: string;
  /** Shown when the check did not pass. */
  readonly hint?: string;
  /** When this check did not pass: the explaining checks (its `because`) that did not pass either. */
  readonly causes?: readonly { readonly id: string; readonly observed: string; readonly said?: Said }[];
  /** expected and observed as catalogue sentences, so a report can say them in the learner's language. */
  readonly said?: SaidLines;
  readonly evidence: readonly Evidence[];
  readonly durationMs: number;
  /** reach, tcp and http checks that expect to connect: the hops their packets take in the final state, there and back, up to a break. */
  readonly path?: readonly PathHop[];
  /** When such a check did not pass: the first hop where its packets stop (grading/trace/). */
  readonly brokenHop?: BrokenHop;
}

/** One hop of a traced path: from a node to the next over one network; `back` for the reply's way. */
export interface PathHop {
  readonly from: string;
  readonly to: string;
  readonly network: string;
  readonly back: boolean;
}

export type BreakKind = 'no-route' | 'forwarding-off' | 'no-way-back' | 'dropped' | 'unknown';

/** Where a failing check's packets stop: at node `from`, on their way to `to` over `network` when known. */
export interface BrokenHop {
  readonly from: string;
  readonly to: string | null;
  readonly network: string | null;
  readonly kind: BreakKind;
  /** One sentence. */
  readonly reason: string;
  /** The reason as a catalogue sentence, for reports in the learner's language. */
  readonly said?: Said;
}

export type CommandStatus = 'ok' | 'failed' | 'timed-out' | 'not-run' | 'syntax-error';

/** One command of a learner's submission, as it ran on its node. */
export interface CommandRecord {
  readonly index: number;
  /** 1-based line numbers in the submitted file. */
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
  readonly status: CommandStatus;
  readonly exitCode: number | null;
  readonly output: string;
  readonly truncated: boolean;
  readonly durationMs: number | null;
  /** Why the command has this status, when it is not plain ok/failed. */
  readonly note?: string;
}

export interface NodeState {
  readonly addresses: string;
  readonly routes: string;
  readonly iptables: string;
  /** net.ipv4.ip_forward as read at the end; absent when it could not be read. */
  readonly forwarding?: boolean;
}

export interface NodeReport {
  readonly name: string;
  readonly role: string;
  /** The submission file that ran on this node, if any. */
  readonly submissionFile: string | null;
  readonly commands: readonly CommandRecord[];
  /** The node's network state once the submission ran, read while the checks run (they change no address, route or rule); null when it could not be read. */
  readonly state: NodeState | null;
}

export interface TopologyInterface {
  readonly name: string;
  readonly network: string;
  readonly addresses: readonly string[];
}

export interface Topology {
  readonly networks: readonly { readonly name: string; readonly subnet: string | null }[];
  readonly nodes: readonly {
    readonly name: string;
    readonly role: string;
    readonly interfaces: readonly TopologyInterface[];
  }[];
}

export type GradeStatus = 'pass' | 'fail' | 'error';

export type GradeMode = 'submission' | 'live' | 'reference' | 'wrong-case';

export interface GradeResult {
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'grade'; readonly version: string };
  readonly exercise: {
    readonly id: string;
    readonly slug: string;
    readonly title: string;
    readonly summary: string;
    /** The learner's variant (`--variant`) of an exercise with params; absent for the lesson's own values. */
    readonly variant?: string | null;
  };
  readonly submission: { readonly mode: GradeMode; readonly path: string | null; readonly label: string | null };
  readonly labId: string | null;
  readonly startedAt: string;
  readonly durationMs: number;
  /** pass: every check passed; fail: some check failed; error: the grader could not decide (not the learner's fault). */
  readonly status: GradeStatus;
  readonly score: { readonly earned: number; readonly possible: number };
  readonly checks: readonly CheckResult[];
  readonly nodes: readonly NodeReport[];
  readonly topology: Topology;
  readonly timings: {
    readonly provisionMs: number;
    readonly submissionMs: number;
    readonly checksMs: number;
    readonly teardownMs: number;
  };
  /** Set when status is error: what went wrong with the machine, and what to do. */
  readonly error: string | null;
  /** The language of the titles, hints and summary above, and of the reports' fixed words; absent: English. */
  readonly lang?: Lang;
}
