import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

/** Where dockerode will look for the engine: DOCKER_HOST, else the user's or the system socket. */
export type EngineAddress =
  | { readonly kind: 'socket'; readonly path: string; readonly fromEnv: boolean }
  | { readonly kind: 'remote'; readonly url: string };

export function engineAddress(env: NodeJS.ProcessEnv = process.env): EngineAddress {
  const host = env['DOCKER_HOST'];
  if (host?.startsWith('unix://')) return { kind: 'socket', path: host.slice('unix://'.length) || DEFAULT_SOCKET, fromEnv: true };
  if (host) return { kind: 'remote', url: host };
  const userSocket = join(homedir(), '.docker', 'run', 'docker.sock');
  try {
    accessSync(userSocket, constants.F_OK);
    return { kind: 'socket', path: userSocket, fromEnv: false };
  } catch {
    return { kind: 'socket', path: DEFAULT_SOCKET, fromEnv: false };
  }
}

export function describeAddress(address: EngineAddress): string {
  return address.kind === 'socket' ? `unix://${address.path}` : address.url;
}

/** True when this is the engine a locally started `dockerd` would serve. */
export function isLocalDefaultEngine(address: EngineAddress): boolean {
  return address.kind === 'socket' && address.path === DEFAULT_SOCKET;
}

export function dockerClient(): Docker {
  return new Docker();
}

export type PingResult = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

/** Ask the engine whether it is there, within `timeoutMs`. Never throws. */
export async function pingEngine(docker: Docker, timeoutMs = 3000): Promise<PingResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    await (docker.ping as (opts: { abortSignal: AbortSignal }) => Promise<unknown>)({ abortSignal: abort.signal });
    return { ok: true };
  } catch (err) {
    if (abort.signal.aborted) return { ok: false, code: 'TIMEOUT', message: `no answer within ${timeoutMs / 1000} s` };
    const e = err as NodeJS.ErrnoException;
    return { ok: false, code: e.code ?? 'ERROR', message: e.message };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether an image with this reference exists on the engine. */
export async function imageExists(docker: Docker, ref: string): Promise<boolean> {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

/** One event of the engine's JSON progress streams (pull, import, build). */
export interface ProgressEvent {
  readonly stream?: string;
  readonly status?: string;
  readonly progress?: string;
  readonly id?: string;
  readonly error?: string;
  readonly errorDetail?: { readonly message?: string };
  readonly aux?: { readonly ID?: string };
}

/** Follow a progress stream to its end; rejects with the engine's message when an event reports an error. */
export function followProgress(
  docker: Docker,
  stream: NodeJS.ReadableStream,
  onEvent?: (event: ProgressEvent) => void,
): Promise<ProgressEvent[]> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, events: ProgressEvent[]) => {
        if (err) return reject(err);
        const failed = events.find((e) => e.error || e.errorDetail);
        if (failed) return reject(new Error(failed.errorDetail?.message ?? failed.error ?? 'unknown engine error'));
        resolve(events);
      },
      onEvent,
    );
  });
}
