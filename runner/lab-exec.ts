// What checks and the submission runner need from a running lab: run a command on a node.
// Implemented by StartedLab over the Docker engine; nothing here knows about Docker.

export interface ExecOptions {
  /** Environment variables for the command. */
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

export interface LabExec {
  readonly nodeNames: readonly string[];
  /** Run argv on a node with only NET_ADMIN and NET_RAW. Throws only for infrastructure faults. */
  exec(node: string, argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

