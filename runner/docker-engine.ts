import Docker from 'dockerode';
import type { Duplex } from 'node:stream';
import { InfraError } from '../core/errors.js';
import type { ExecResult } from './lab-exec.js';
import type { Engine, EngineExecOptions, EngineTerminal, LabContainerSpec, LabelledResources, TerminalSize } from './engine.js';
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

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

function infra(what: string, error: unknown): InfraError {
  const err = error as { code?: string; json?: { message?: string }; message?: string; statusCode?: number };
  if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED' || err.code === 'EACCES') {
    const why = err.code === 'EACCES' ? 'permission to use the Docker socket was denied' : 'no Docker engine answers';
    return new InfraError(`Could not ${what}: ${why}. Run \`npm run setup\` (or \`grade doctor\` to see what is missing).`);
  }
  const detail = err.json?.message ?? err.message ?? String(error);
  return new InfraError(`Could not ${what}: the Docker engine said "${detail.trim()}".`);
}
