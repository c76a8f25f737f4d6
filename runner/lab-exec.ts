// What checks and the submission runner need from a running lab. Implemented by StartedLab over the
// Docker engine; nothing here knows about Docker.

export interface ExecOptions {
  /** Environment variables for the command; only GRADE_* names reach it. */
  readonly env?: Readonly<Record<string, string>>;
  /** Cut the command off after this many milliseconds (default 10 s). */
  readonly timeoutMs?: number;
  /** Keep at most this many bytes of output (default 64 KiB). */
  readonly maxOutputBytes?: number;
}

/** A finished command. A non-zero exit is data, not an exception. */
export interface ExecResult {
  readonly exitCode: number | null;
  /** stdout and stderr interleaved as they arrived. */
  readonly output: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly truncated: boolean;
  readonly timedOut: boolean;
  readonly durationMs: number;
}

/** The probes of the lab image (runner/image/probe-*.sh): trusted programs that may look at several nodes. */
export type ProbeName = 'ping' | 'files' | 'tcp' | 'conn' | 'resolve' | 'budget';

/** How checks see a lab: from outside each node, with the lab image's own tools. */
export interface LabExec {
  readonly nodeNames: readonly string[];
  /**
   * Run a tool of the read-only lab image inside a node's network namespace only, with a fixed
   * PATH and environment and only NET_ADMIN + NET_RAW. `node` may be NODE/NETNS: a network
   * namespace the learner made in the node (`ip netns add NETNS`); without one the command exits
   * 125 with grade-enter's reason. Throws only for infrastructure faults.
   */
  exec(node: string, argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** Run one of the lab image's probes with its arguments. */
  probe(name: ProbeName, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /**
   * Commands (as `exec` runs them) that must end before the next commands asked of the lab start,
   * sent with those in one engine exec where the lab can. Without it, callers run and await them.
   */
  prelude?(commands: readonly PlacedCommand[]): void;
}

/** A command for one place (a node, or NODE/NETNS), as `LabExec.exec` runs it. */
export interface PlacedCommand {
  readonly place: string;
  readonly argv: readonly string[];
  readonly timeoutMs: number;
}

/** How a learner's commands run: inside all of a node's namespaces, as the node's root. */
export interface LearnerExec {
  runAsLearner(node: string, argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /**
   * Run grade's own bash program `script` as the lab container's root, outside every node, with
   * GRADE_ENTER set to the words that start a learner process in `node`: it starts the learner's
   * commands there and sees them end from outside, where the learner cannot write.
   */
  superviseLearner(node: string, script: string, options?: ExecOptions): Promise<ExecResult>;
}
