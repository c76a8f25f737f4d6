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

/** Whether the engine answers, and if not why (`code`: ENOENT, EACCES, TIMEOUT, ...). */
export type EngineProbe = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

export interface EngineVersion {
  readonly version: string;
  readonly apiVersion: string;
  readonly minApiVersion?: string;
  readonly os: string;
  readonly arch: string;
}

/** What `docker info` says that grade reads: the security options ("name=seccomp,profile=default", "name=rootless"). */
export interface EngineInfo {
  readonly securityOptions: readonly string[];
}

/** One line of an image build's output: a step's text, or a status of a layer. */
export interface BuildProgress {
  readonly stream?: string;
  readonly status?: string;
}

export interface ImageBuild {
  /** A tar of the build context (the Dockerfile and what it copies). */
  readonly context: NodeJS.ReadableStream;
  readonly tag: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ImageImport {
  /** A tar of a root file system. */
  readonly rootfs: NodeJS.ReadableStream;
  readonly repo: string;
  readonly tag: string;
  /** Dockerfile instructions applied to it, e.g. `CMD ["bash"]`. */
  readonly changes: readonly string[];
}

export interface ImageSummary {
  readonly id: string;
  readonly tags: readonly string[];
}

/**
 * Labs (containers, exec) and, for set-up and doctor only, the engine itself and its images. Every
 * method but `probe` throws InfraError with the engine's words, the original error as its cause.
 */
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
  /** Like ping, but never throws: says why the engine does not answer within `timeoutMs`. */
  probe(timeoutMs: number): Promise<EngineProbe>;
  version(): Promise<EngineVersion>;
  info(): Promise<EngineInfo>;
  imageExists(ref: string): Promise<boolean>;
  /** The image's id (sha256:...), shared by every tag of it. */
  imageId(ref: string): Promise<string>;
  /** The images whose reference matches `reference` (a repository such as grade-lab). */
  listImages(reference: string): Promise<ImageSummary[]>;
  /** The ids of the images that containers (running or not) were made from. */
  imagesInUse(): Promise<ReadonlySet<string>>;
  buildImage(build: ImageBuild, onProgress?: (event: BuildProgress) => void): Promise<void>;
  /** Pull from the image's registry; gives up when `signal` aborts. */
  pullImage(ref: string, signal: AbortSignal): Promise<void>;
  importImage(image: ImageImport): Promise<void>;
  tagImage(ref: string, target: string): Promise<void>;
  /** Resolves true when it removed the tag, false when it was already gone. */
  removeImage(ref: string): Promise<boolean>;
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
