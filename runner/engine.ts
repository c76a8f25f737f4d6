// The narrow slice of the Docker Engine API that grade uses. Domain code talks to this interface,
// never to dockerode, so the engine is passed in and can be swapped in tests of pure logic.
import type { ExecResult } from './lab-exec.js';

export interface NetworkCreateSpec {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ContainerCreateSpec {
  readonly name: string;
  readonly hostname: string;
  readonly image: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Network (docker name) attached at create time. */
  readonly network: string;
}

export interface LabelledResources {
  readonly containers: readonly { id: string; name: string; labels: Record<string, string>; running: boolean }[];
  readonly networks: readonly { id: string; name: string; labels: Record<string, string> }[];
}

export interface EngineExecOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
}

export interface Engine {
  ping(): Promise<void>;
  imageExists(ref: string): Promise<boolean>;
  createNetwork(spec: NetworkCreateSpec): Promise<string>;
  removeNetwork(id: string): Promise<void>;
  createContainer(spec: ContainerCreateSpec): Promise<string>;
  connectNetwork(network: string, containerId: string): Promise<void>;
  startContainer(id: string): Promise<void>;
  removeContainer(id: string): Promise<void>;
  /** MAC address of the container's endpoint on each Docker network, by network name. */
  macAddresses(id: string): Promise<Record<string, string>>;
  isRunning(id: string): Promise<boolean>;
  exec(containerId: string, argv: readonly string[], options: EngineExecOptions): Promise<ExecResult>;
  /** Start an interactive exec attached to this process's terminal; resolves with its exit code. */
  execInteractive(containerId: string, argv: readonly string[]): Promise<number>;
  listLabelled(label: string, value?: string): Promise<LabelledResources>;
}
