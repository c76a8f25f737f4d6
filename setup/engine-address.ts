// Where the engine is (DOCKER_HOST, else a socket): what set-up and doctor say and whether set-up may start it.
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

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
