import './dockerode-lazy.js';
import Docker from 'dockerode';
import type { Duplex } from 'node:stream';
import { InfraError } from '../core/errors.js';
import type { ExecResult } from './lab-exec.js';
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
} from './engine.js';
import { withBackoff } from './engine-backoff.js';
import { labHostConfig } from './lab-host-config.js';
import { OutputCollector } from './output-collector.js';

/** The Docker engine through dockerode (DOCKER_HOST or the default socket). */
export class DockerEngine implements Engine {
  private readonly docker: Docker;

  constructor(docker: Docker = new Docker()) {
    this.docker = docker;
  }

  async ping(): Promise<void> {
    await this.call('reach the Docker engine', () => this.docker.ping());
  }

  async probe(timeoutMs: number): Promise<EngineProbe> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      await (this.docker.ping as (opts: { abortSignal: AbortSignal }) => Promise<unknown>)({ abortSignal: abort.signal });
      return { ok: true };
    } catch (err) {
      if (abort.signal.aborted) return { ok: false, code: 'TIMEOUT', message: `no answer within ${timeoutMs / 1000} s` };
      const e = err as NodeJS.ErrnoException;
      return { ok: false, code: e.code ?? 'ERROR', message: e.message };
    } finally {
      clearTimeout(timer);
    }
  }

  async version(): Promise<EngineVersion> {
    const v = await this.call('read the engine version', () => this.docker.version());
    return { version: v.Version, apiVersion: v.ApiVersion, ...(v.MinAPIVersion ? { minApiVersion: v.MinAPIVersion } : {}), os: v.Os, arch: v.Arch };
  }

  async info(): Promise<EngineInfo> {
    const info = (await this.call('read the engine info', () => this.docker.info())) as { SecurityOptions?: unknown };
    const options = Array.isArray(info.SecurityOptions) ? info.SecurityOptions.filter((o): o is string => typeof o === 'string') : [];
    return { securityOptions: options };
  }

  async imageId(ref: string): Promise<string> {
    return (await this.call(`inspect image ${ref}`, () => this.docker.getImage(ref).inspect())).Id;
  }

  async listImages(reference: string): Promise<ImageSummary[]> {
    const images = await this.call('list images', () => this.docker.listImages({ filters: { reference: [reference] } }));
    return images.map((i) => ({ id: i.Id, tags: i.RepoTags ?? [] }));
  }

  async imagesInUse(): Promise<ReadonlySet<string>> {
    return new Set((await this.call('list containers', () => this.docker.listContainers({ all: true }))).map((c) => c.ImageID));
  }

  async buildImage(build: ImageBuild, onProgress?: (event: BuildProgress) => void): Promise<void> {
    await this.stream(`build image ${build.tag}`, () =>
      this.docker.buildImage(build.context, { t: build.tag, rm: true, forcerm: true, labels: { ...build.labels } }), onProgress);
  }

  async pullImage(ref: string, signal: AbortSignal): Promise<void> {
    await this.stream(`pull ${ref}`, () => this.docker.pull(ref, { abortSignal: signal }) as Promise<NodeJS.ReadableStream>);
  }

  async importImage(image: ImageImport): Promise<void> {
    await this.stream(`import ${image.repo}:${image.tag}`, () =>
      this.docker.importImage(image.rootfs, { repo: image.repo, tag: image.tag, changes: [...image.changes] } as object));
  }

  async tagImage(ref: string, target: string): Promise<void> {
    const colon = target.lastIndexOf(':');
    await this.call(`tag ${ref} as ${target}`, () => this.docker.getImage(ref).tag({ repo: target.slice(0, colon), tag: target.slice(colon + 1) }));
  }

  async removeImage(ref: string): Promise<boolean> {
    return this.ignoreMissing(`remove image ${ref}`, () => this.docker.getImage(ref).remove());
  }


  async imageExists(ref: string): Promise<boolean> {
    try {
      await this.docker.getImage(ref).inspect();
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw infra('inspect the lab image', error);
    }
  }

  async createContainer(spec: LabContainerSpec): Promise<string> {
    const container = await this.call(`create container ${spec.name}`, () =>
      this.docker.createContainer({
        name: spec.name,
        Hostname: 'lab',
        Image: spec.image,
        Labels: { ...spec.labels },
        NetworkDisabled: false,
        HostConfig: labHostConfig(spec),
      }),
    );
    return container.id;
  }

  async startContainer(id: string): Promise<void> {
    await this.call(`start container ${id.slice(0, 12)}`, () => this.docker.getContainer(id).start());
  }

  async removeContainer(id: string): Promise<boolean> {
    return this.ignoreMissing(`remove container ${id.slice(0, 12)}`, () =>
      this.docker.getContainer(id).remove({ force: true, v: true }),
    );
  }

  async removeNetwork(id: string): Promise<boolean> {
    return this.ignoreMissing(`remove network ${id}`, () => this.docker.getNetwork(id).remove());
  }

  async exec(containerId: string, argv: readonly string[], options: EngineExecOptions): Promise<ExecResult> {
    const started = Date.now();
    const container = this.docker.getContainer(containerId);
    const exec = await this.call('start a command in a lab container', () =>
      container.exec({
        Cmd: [...argv],
        AttachStdout: true,
        AttachStderr: true,
        AttachStdin: false,
        Tty: false,
        Env: Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`),
      }),
    );
    const stream = (await this.call('attach to a command in a lab container', () =>
      exec.start({ hijack: true, stdin: false }),
    )) as unknown as Duplex;
    const collector = new OutputCollector(options.maxOutputBytes);
    const ended = await new Promise<boolean>((resolve) => {
      // A safety net behind the in-container `timeout`: never wait on the engine forever.
      const timer = setTimeout(() => {
        stream.destroy();
        resolve(false);
      }, options.timeoutMs + 3000);
      stream.on('data', (chunk: Buffer) => collector.push(chunk));
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      stream.on('end', done);
      stream.on('close', done);
      stream.on('error', done);
    });
    let exitCode: number | null = null;
    for (let attempt = 0; ended && attempt < 50; attempt++) {
      const info = await this.call('read a command exit status', () => exec.inspect());
      if (!info.Running) {
        exitCode = info.ExitCode ?? null;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const durationMs = Date.now() - started;
    const timedOut = !ended || (exitCode === 137 && durationMs >= options.timeoutMs - 50);
    return { ...collector.result(), exitCode: timedOut ? null : exitCode, timedOut, durationMs };
  }

  async execInteractive(containerId: string, argv: readonly string[]): Promise<number> {
    const container = this.docker.getContainer(containerId);
    const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    const exec = await this.call('open a shell in a lab container', () =>
      container.exec({
        Cmd: [...argv],
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: tty,
        Env: ['TERM=' + (process.env.TERM ?? 'xterm')],
      }),
    );
    const stream = (await exec.start({ hijack: true, stdin: true, Tty: tty })) as unknown as Duplex;
    const resize = () => {
      if (tty) void exec.resize({ h: process.stdout.rows, w: process.stdout.columns }).catch(() => undefined);
    };
    if (tty) {
      stream.pipe(process.stdout);
      process.stdin.setRawMode(true);
      process.stdout.on('resize', resize);
      resize();
    } else {
      this.docker.modem.demuxStream(stream, process.stdout, process.stderr);
    }
    process.stdin.resume();
    process.stdin.pipe(stream);
    await new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
    });
    process.stdin.unpipe(stream);
    if (tty) process.stdin.setRawMode(false);
    process.stdin.pause();
    process.stdout.off('resize', resize);
    const info = await exec.inspect();
    return info.ExitCode ?? 0;
  }

  async openTerminal(containerId: string, argv: readonly string[], size: TerminalSize): Promise<EngineTerminal> {
    const container = this.docker.getContainer(containerId);
    const exec = await this.call('open a shell in a lab container', () =>
      container.exec({ Cmd: [...argv], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, Env: ['TERM=xterm-256color', 'LANG=C.UTF-8'] }),
    );
    const stream = (await this.call('attach to a shell in a lab container', () => exec.start({ hijack: true, stdin: true, Tty: true }))) as unknown as Duplex;
    const resize = (s: TerminalSize) => exec.resize({ h: s.rows, w: s.cols }).then(() => undefined, () => undefined);
    await resize(size);
    let ended = false;
    const endListeners: (() => void)[] = [];
    const end = () => {
      if (ended) return;
      ended = true;
      endListeners.splice(0).forEach((l) => l());
    };
    stream.on('end', end);
    stream.on('close', end);
    stream.on('error', end);
    return {
      write: (data) => void (ended || stream.write(data)),
      onData: (listener) => void stream.on('data', listener),
      onEnd: (listener) => (ended ? listener() : void endListeners.push(listener)),
      resize,
      close: () => {
        stream.end();
        stream.destroy();
        end();
      },
    };
  }

  async listLabelled(label: string, value?: string): Promise<LabelledResources> {
    const filter = JSON.stringify({ label: [value === undefined ? label : `${label}=${value}`] });
    const [containers, networks] = await this.call('list lab resources', () =>
      Promise.all([
        this.docker.listContainers({ all: true, filters: filter }),
        this.docker.listNetworks({ filters: filter }),
      ]),
    );
    return {
      containers: containers.map((c) => ({
        id: c.Id,
        name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
        labels: c.Labels ?? {},
        running: c.State === 'running',
      })),
      networks: networks.map((n) => ({ id: n.Id, name: n.Name, labels: n.Labels ?? {} })),
    };
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await withBackoff(fn);
    } catch (error) {
      throw infra(what, error);
    }
  }

  /** Start a streamed operation (build, pull, import) and follow its progress to the end; not retried. */
  private async stream(what: string, start: () => Promise<NodeJS.ReadableStream>, onProgress?: (event: BuildProgress) => void): Promise<void> {
    let stream: NodeJS.ReadableStream;
    try {
      stream = await start();
    } catch (error) {
      throw infra(what, error);
    }
    await new Promise<void>((resolve, reject) => {
      this.docker.modem.followProgress(
        stream,
        (err: Error | null, events: ProgressEvent[]) => {
          // The engine reports a failed step as an event, not as an HTTP error: its words are the message.
          const failed = err ? undefined : events.find((e) => e.error || e.errorDetail);
          if (err) reject(infra(what, err));
          else if (failed) reject(new InfraError(failed.errorDetail?.message ?? failed.error ?? 'unknown engine error', { cause: failed }));
          else resolve();
        },
        onProgress,
      );
    });
  }

  private async ignoreMissing(what: string, fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await withBackoff(fn);
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw infra(what, error);
    }
  }
}

/** One event of the engine's JSON progress streams (pull, import, build). */
interface ProgressEvent extends BuildProgress {
  readonly error?: string;
  readonly errorDetail?: { readonly message?: string };
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

function infra(what: string, error: unknown): InfraError {
  const err = error as { code?: string; json?: { message?: string }; message?: string; statusCode?: number };
  if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED' || err.code === 'EACCES') {
    const why = err.code === 'EACCES' ? 'permission to use the Docker socket was denied' : 'no Docker engine answers';
    return new InfraError(`Could not ${what}: ${why}. Run \`npm run setup\` (or \`grade doctor\` to see what is missing).`, { cause: error });
  }
  const detail = err.json?.message ?? err.message ?? String(error);
  return new InfraError(`Could not ${what}: the Docker engine said "${detail.trim()}".`, { cause: error });
}
