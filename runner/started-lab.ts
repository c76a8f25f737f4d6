import type { LabPlan } from '../core/lab-plan.js';
import { UserError } from '../core/errors.js';
import type { Engine } from './engine.js';
import { LABEL } from './labels.js';
import type { ExecOptions, ExecResult, LabExec } from './lab-exec.js';

/** Every process grade starts in a node keeps only these two capabilities, whatever it runs. */
export const DROP_TO_NET_CAPS = ['setpriv', '--bounding-set=-all,+net_admin,+net_raw', '--inh-caps=-all', '--'] as const;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_OUTPUT = 64 * 1024;

/** A provisioned lab: run commands on its nodes, then dispose of it (idempotent, removes everything). */
export class StartedLab implements LabExec, AsyncDisposable {
  private readonly containers = new Map<string, string>();
  private readonly networkIds: string[] = [];
  private disposing: Promise<void> | null = null;

  constructor(
    private readonly engine: Engine,
    readonly plan: LabPlan,
  ) {}

  get id(): string {
    return this.plan.labId;
  }

  get nodeNames(): readonly string[] {
    return this.plan.nodes.map((n) => n.spec.name);
  }

  /** Called by provisioning (or when re-attaching to a running lab) as resources come to exist. */
  adoptNetwork(id: string): void {
    this.networkIds.push(id);
  }

  adoptContainer(node: string, id: string): void {
    this.containers.set(node, id);
  }

  containerId(node: string): string {
    const id = this.containers.get(node);
    if (!id) throw new UserError(`"${node}" is not a node of ${this.plan.exercise.id}; its nodes are ${this.nodeNames.join(', ')}.`);
    return id;
  }

  async exec(node: string, argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const seconds = (timeoutMs / 1000).toFixed(2);
    // `timeout` kills the whole process group it leads, so nothing a command spawned outlives the limit.
    return this.engine.exec(this.containerId(node), ['timeout', '-s', 'KILL', seconds, ...DROP_TO_NET_CAPS, ...argv], {
      timeoutMs,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
      ...(options.env ? { env: options.env } : {}),
    });
  }

  /** An interactive shell on a node for a learner, with the same two capabilities. */
  shell(node: string): Promise<number> {
    return this.engine.execInteractive(this.containerId(node), [...DROP_TO_NET_CAPS, 'bash', '-l']);
  }

  dispose(): Promise<void> {
    this.disposing ??= this.removeAll();
    return this.disposing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }

  private async removeAll(): Promise<void> {
    await Promise.all([...this.containers.values()].map((id) => this.engine.removeContainer(id)));
    // Anything an in-flight create made after we last looked is found by its label.
    const left = await this.engine.listLabelled(LABEL.lab, this.plan.labId);
    await Promise.all(left.containers.map((c) => this.engine.removeContainer(c.id)));
    const networks = new Set([...this.networkIds, ...left.networks.map((n) => n.id)]);
    await Promise.all([...networks].map((id) => this.engine.removeNetwork(id)));
  }
}
