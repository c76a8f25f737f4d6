// The narrow slice of the Docker Engine API that grade uses. Domain code talks to this interface,
// never to dockerode, so the engine is passed in and can be swapped in tests of pure logic.
import type { ExecResult } from './lab-exec.js';

/** The one container of a lab. Its security settings are fixed by the engine implementation. */
export interface LabContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Limits for the whole lab, all nodes together. */
  readonly memoryBytes: number;
  readonly pidsLimit: number;
  /** Host devices the lab's nodes use, e.g. /dev/net/tun. */
  readonly devices?: readonly string[];
}

export interface LabelledResources {
  readonly containers: readonly { id: string; name: string; labels: Record<string, string>; running: boolean }[];
  /** Docker networks: labs no longer make any, but older versions of grade did and may have left some. */
  readonly networks: readonly { id: string; name: string; labels: Record<string, string> }[];
}

export interface EngineExecOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
}

/** An interactive exec with a TTY whose stream the caller carries (grade serve's terminals in a page). */
export interface EngineTerminal {
  /** Keystrokes and pasted text, as bytes. */
  write(data: Buffer): void;
  onData(listener: (chunk: Buffer) => void): void;
  /** Called once, when the shell has ended or the stream broke. */
  onEnd(listener: () => void): void;
  resize(size: TerminalSize): Promise<void>;
  /** Ends the shell's input (it exits) and drops the stream. */
  close(): void;
}

export interface TerminalSize {
  readonly cols: number;
  readonly rows: number;
}

export interface Engine {
  ping(): Promise<void>;
  imageExists(ref: string): Promise<boolean>;
  createContainer(spec: LabContainerSpec): Promise<string>;
  startContainer(id: string): Promise<void>;
  /** Resolves true when it removed the container, false when it was already gone. */
  removeContainer(id: string): Promise<boolean>;
  removeNetwork(id: string): Promise<boolean>;
  exec(containerId: string, argv: readonly string[], options: EngineExecOptions): Promise<ExecResult>;
  /** Start an interactive exec attached to this process's terminal; resolves with its exit code. */
  execInteractive(containerId: string, argv: readonly string[]): Promise<number>;
  /** Start an interactive exec with a TTY whose stream is handed back, not tied to this process's terminal. */
  openTerminal(containerId: string, argv: readonly string[], size: TerminalSize): Promise<EngineTerminal>;
  listLabelled(label: string, value?: string): Promise<LabelledResources>;
}
