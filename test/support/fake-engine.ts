import type {
  BuildProgress,
  Engine,
  EngineExecOptions,
  EngineInfo,
  EngineProbe,
  EngineTerminal,
  EngineVersion,
  ImageBuild,
  ImageImport,
  ImageSummary,
  LabContainerSpec,
  LabelledResources,
  TerminalSize,
} from '../../runner/engine.js';
import type { ExecResult } from '../../runner/lab-exec.js';

// An in-memory Engine for unit tests: it records every call, keeps containers and networks with their
// labels (so listLabelled and the reaper see what was made), keeps images by tag with their ids (so
// set-up's build, tag and prune see each other), and can be told to refuse a call.

export type EngineMethod = keyof Engine;

export interface EngineCall {
  readonly method: EngineMethod;
  readonly args: readonly unknown[];
}

export interface ExecCall {
  readonly containerId: string;
  readonly argv: readonly string[];
  readonly options: EngineExecOptions;
}

export interface FakeContainer {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly labels: Record<string, string>;
  running: boolean;
}

interface Failure {
  readonly method: EngineMethod;
  readonly error: unknown;
  remaining: number;
}

/** A finished command: exit 0, no output, unless overridden. */
export function execResult(over: Partial<ExecResult> = {}): ExecResult {
  const stdout = over.stdout ?? '';
  const stderr = over.stderr ?? '';
  return { exitCode: 0, stdout, stderr, output: stdout + stderr, truncated: false, timedOut: false, durationMs: 1, ...over };
}

/** An error shaped as dockerode reports an HTTP answer: 429 and 503 are transient, a plain 500 or a 404 is not. */
export function engineError(statusCode: number, message = `(HTTP code ${statusCode}) the engine refused`): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode });
}

export class FakeEngine implements Engine {
  readonly calls: EngineCall[] = [];
  readonly containers = new Map<string, FakeContainer>();
  readonly networks = new Map<string, { id: string; name: string; labels: Record<string, string> }>();
  /** The images the engine holds, tag -> image id; imageExists answers from this. */
  readonly images: Map<string, string>;
  /** What version() answers. */
  engineVersion: EngineVersion = { version: '20.10.24', apiVersion: '1.41', minApiVersion: '1.12', os: 'linux', arch: 'amd64' };
  /** What info() answers. */
  engineInfo: EngineInfo = { securityOptions: ['name=seccomp,profile=default', 'name=cgroupns'] };
  /** What a build streams as it goes, before it makes its image. */
  buildOutput: BuildProgress[] = [{ stream: 'Step 1/2 : FROM debian:bookworm-slim\n' }, { stream: 'Step 2/2 : RUN true\n' }];
  /** Answers each exec (after it is recorded); the default is exit 0 with no output. */
  onExec: (call: ExecCall) => Partial<ExecResult> = () => ({});
  private readonly failures: Failure[] = [];
  private made = 0;

  constructor(images: readonly string[] = ['grade-lab:test']) {
    this.images = new Map(images.map((ref) => [ref, this.newId('sha256:image')]));
  }

  /** An image under this tag (a new id, unless `sameAs` names a tag whose image it shares). */
  addImage(ref: string, sameAs?: string): string {
    const id = (sameAs && this.images.get(sameAs)) || this.newId('sha256:image');
    this.images.set(ref, id);
    return id;
  }

  /** Make the next call of `method` throw `error`; `times` calls, or every one with 'always'. */
  fail(method: EngineMethod, error: unknown, times: number | 'always' = 1): this {
    this.failures.push({ method, error, remaining: times === 'always' ? Infinity : times });
    return this;
  }

  /** A container made by someone else (another run, a crashed one), found only by its labels. */
  addContainer(labels: Record<string, string>, options: { name?: string; running?: boolean } = {}): string {
    const id = this.newId('container');
    this.containers.set(id, { id, name: options.name ?? id, image: 'grade-lab:old', labels, running: options.running ?? true });
    return id;
  }

  /** A Docker network, as versions of grade before one-container labs made them. */
  addNetwork(labels: Record<string, string>, name?: string): string {
    const id = this.newId('network');
    this.networks.set(id, { id, name: name ?? id, labels });
    return id;
  }

  /** The names of the methods called, in order. */
  methods(): EngineMethod[] {
    return this.calls.map((c) => c.method);
  }

  execCalls(): ExecCall[] {
    return this.calls.filter((c) => c.method === 'exec').map((c) => {
      const [containerId, argv, options] = c.args as [string, readonly string[], EngineExecOptions];
      return { containerId, argv, options };
    });
  }

  async ping(): Promise<void> {
    this.enter('ping', []);
  }

  async probe(timeoutMs: number): Promise<EngineProbe> {
    try {
      this.enter('probe', [timeoutMs]);
      return { ok: true };
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      return { ok: false, code: e.code ?? 'ERROR', message: e.message };
    }
  }

  async version(): Promise<EngineVersion> {
    this.enter('version', []);
    return this.engineVersion;
  }

  async info(): Promise<EngineInfo> {
    this.enter('info', []);
    return this.engineInfo;
  }

  async imageExists(ref: string): Promise<boolean> {
    this.enter('imageExists', [ref]);
    return this.images.has(ref);
  }

  async imageId(ref: string): Promise<string> {
    this.enter('imageId', [ref]);
    const id = this.images.get(ref);
    if (!id) throw engineError(404, `No such image: ${ref}`);
    return id;
  }

  async listImages(reference: string): Promise<ImageSummary[]> {
    this.enter('listImages', [reference]);
    const byId = new Map<string, string[]>();
    for (const [tag, id] of this.images) if (tag.startsWith(`${reference}:`)) byId.set(id, [...(byId.get(id) ?? []), tag]);
    return [...byId].map(([id, tags]) => ({ id, tags }));
  }

  async imagesInUse(): Promise<ReadonlySet<string>> {
    this.enter('imagesInUse', []);
    return new Set([...this.containers.values()].map((c) => this.images.get(c.image) ?? c.image));
  }

  async buildImage(build: ImageBuild, onProgress?: (event: BuildProgress) => void): Promise<void> {
    this.enter('buildImage', [build.tag, build.labels]);
    for (const event of this.buildOutput) onProgress?.(event);
    this.addImage(build.tag);
  }

  async pullImage(ref: string, signal: AbortSignal): Promise<void> {
    this.enter('pullImage', [ref]);
    if (signal.aborted) throw new Error('aborted');
    this.addImage(ref);
  }

  async importImage(image: ImageImport): Promise<void> {
    this.enter('importImage', [image.repo, image.tag, image.changes]);
    this.addImage(`${image.repo}:${image.tag}`);
  }

  async tagImage(ref: string, target: string): Promise<void> {
    this.enter('tagImage', [ref, target]);
    if (!this.images.has(ref)) throw engineError(404, `No such image: ${ref}`);
    this.addImage(target, ref);
  }

  async removeImage(ref: string): Promise<boolean> {
    this.enter('removeImage', [ref]);
    return this.images.delete(ref);
  }

  async createContainer(spec: LabContainerSpec): Promise<string> {
    this.enter('createContainer', [spec]);
    if ([...this.containers.values()].some((c) => c.name === spec.name)) throw engineError(409, `Conflict. The container name "/${spec.name}" is already in use`);
    const id = this.newId('container');
    this.containers.set(id, { id, name: spec.name, image: spec.image, labels: { ...spec.labels }, running: false });
    return id;
  }

  async startContainer(id: string): Promise<void> {
    this.enter('startContainer', [id]);
    this.container(id).running = true;
  }

  async removeContainer(id: string): Promise<boolean> {
    this.enter('removeContainer', [id]);
    return this.containers.delete(id);
  }

  async removeNetwork(id: string): Promise<boolean> {
    this.enter('removeNetwork', [id]);
    return this.networks.delete(id);
  }

  async exec(containerId: string, argv: readonly string[], options: EngineExecOptions): Promise<ExecResult> {
    this.enter('exec', [containerId, argv, options]);
    if (!this.container(containerId).running) throw engineError(409, `Container ${containerId} is not running`);
    return execResult(this.onExec({ containerId, argv, options }));
  }

  async execInteractive(containerId: string, argv: readonly string[]): Promise<number> {
    this.enter('execInteractive', [containerId, argv]);
    this.container(containerId);
    return 0;
  }

  async openTerminal(containerId: string, argv: readonly string[], size: TerminalSize): Promise<EngineTerminal> {
    this.enter('openTerminal', [containerId, argv, size]);
    this.container(containerId);
    // A terminal that echoes what it is sent: enough for the logic around a stream.
    const data: ((chunk: Buffer) => void)[] = [];
    const end: (() => void)[] = [];
    return {
      write: (chunk) => data.forEach((l) => l(chunk)),
      onData: (l) => void data.push(l),
      onEnd: (l) => void end.push(l),
      resize: async () => undefined,
      close: () => end.splice(0).forEach((l) => l()),
    };
  }

  async listLabelled(label: string, value?: string): Promise<LabelledResources> {
    this.enter('listLabelled', value === undefined ? [label] : [label, value]);
    const match = (labels: Record<string, string>) => (value === undefined ? label in labels : labels[label] === value);
    return {
      containers: [...this.containers.values()].filter((c) => match(c.labels)).map((c) => ({ id: c.id, name: c.name, labels: { ...c.labels }, running: c.running })),
      networks: [...this.networks.values()].filter((n) => match(n.labels)).map((n) => ({ ...n, labels: { ...n.labels } })),
    };
  }

  private enter(method: EngineMethod, args: readonly unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.failures.find((f) => f.method === method && f.remaining > 0);
    if (failure) {
      failure.remaining--;
      throw failure.error;
    }
  }

  private container(id: string): FakeContainer {
    const found = this.containers.get(id);
    if (!found) throw engineError(404, `No such container: ${id}`);
    return found;
  }

  private newId(kind: string): string {
    this.made++;
    return `${kind}-${this.made}`;
  }
}
