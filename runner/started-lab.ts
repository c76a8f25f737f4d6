import { UserError } from '../core/errors.js';
import type { Engine, EngineTerminal, TerminalSize } from './engine.js';
import { ExecBatcher } from './exec-batcher.js';
import type { ExecOptions, ExecResult, LabExec, LearnerExec, PlacedCommand, ProbeName } from './lab-exec.js';
import type { LabPlan } from './lab-plan.js';
import { LABEL } from './labels.js';
import { recordingShell } from './shell-history.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_OUTPUT = 64 * 1024;
const ENTER = '/usr/local/sbin/grade-enter';
const NETNS_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** What a tracker (Ctrl-C) needs of a lab at any moment of its life: which it is, and how to remove it. */
export interface TrackedLab {
  readonly id: string;
  dispose(): Promise<void>;
}

/**
 * Removes a lab once, however many handles ask: its container if known, then anything else with its
 * label (a create still in flight when we were asked to stop).
 */
class LabRemoval {
  private container: string | null = null;
  private removing: Promise<void> | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly labId: string,
  ) {}

  containerIs(id: string): void {
    this.container = id;
  }

  remove(): Promise<void> {
    this.removing ??= (async () => {
      if (this.container) await this.engine.removeContainer(this.container);
      const left = await this.engine.listLabelled(LABEL.lab, this.labId);
      await Promise.all(left.containers.map((c) => this.engine.removeContainer(c.id)));
    })();
    return this.removing;
  }
}

/** A lab being provisioned: its plan, its container once created; removable at any moment, able to run nothing yet. */
export class LabInProvision implements TrackedLab, AsyncDisposable {
  private readonly removal: LabRemoval;
  private container: string | null = null;

  constructor(
    private readonly engine: Engine,
    readonly plan: LabPlan,
  ) {
    this.removal = new LabRemoval(engine, plan.labId);
  }

  get id(): string {
    return this.plan.labId;
  }

  /** Provisioning made the lab's container (not yet started). */
  containerCreated(id: string): void {
    this.container = id;
    this.removal.containerIs(id);
  }

  /** The lab, now that its container runs; disposing either handle removes it once. */
  started(): StartedLab {
    if (!this.container) throw new Error(`lab ${this.id} has no container yet`);
    return new StartedLab(this.engine, this.plan, this.container, this.removal);
  }

  dispose(): Promise<void> {
    return this.removal.remove();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}

/** A running lab (one container): run commands in its nodes, then dispose of it (idempotent, removes everything). */
export class StartedLab implements TrackedLab, LabExec, LearnerExec, AsyncDisposable {
  private readonly batcher = new ExecBatcher((argv, options) => this.run(argv, options));
  private readonly removal: LabRemoval;

  /** A lab whose container exists: made by provisioning (LabInProvision.started) or found running (attach-lab.ts). */
  constructor(
    private readonly engine: Engine,
    readonly plan: LabPlan,
    readonly containerId: string,
    removal?: LabRemoval,
  ) {
    this.removal = removal ?? new LabRemoval(engine, plan.labId);
    this.removal.containerIs(containerId);
  }

  get id(): string {
    return this.plan.labId;
  }

  /**
   * The same container under another plan of the same lab (a variant's nodes built in a pooled lab):
   * same lab id and token, removed once by either handle.
   */
  withPlan(plan: LabPlan): StartedLab {
    if (plan.labId !== this.id || plan.token !== this.plan.token) throw new Error(`plan ${plan.labId} is not for lab ${this.id}`);
    return new StartedLab(this.engine, plan, this.containerId, this.removal);
  }

  get nodeNames(): readonly string[] {
    return this.plan.nodes.map((n) => n.spec.name);
  }

  async exec(node: string, argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return this.batched([ENTER, 'net', this.placeName(node), ...argv], options);
  }

  prelude(commands: readonly PlacedCommand[]): void {
    // A failed batch fails the commands sent with the prelude too: they carry the error.
    this.batcher.prelude(commands.map((c) => ({ argv: [ENTER, 'net', this.placeName(c.place), ...c.argv], timeoutMs: c.timeoutMs, maxOutputBytes: DEFAULT_MAX_OUTPUT }))).catch(() => undefined);
  }

  async runAsLearner(node: string, argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return this.batched([ENTER, 'node', this.nodeName(node), ...argv], options);
  }

  superviseLearner(node: string, script: string, options: ExecOptions = {}): Promise<ExecResult> {
    return this.batched(['bash', '-c', script], { ...options, env: { ...options.env, GRADE_ENTER: `${ENTER} node ${this.nodeName(node)}` } });
  }

  probe(name: ProbeName, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return this.batched([`/usr/local/lib/grade/probe-${name}`, ...args], options);
  }

  /** Run the lab's build script as the container's root (provisioning only). */
  build(script: string, timeoutMs: number): Promise<ExecResult> {
    return this.run(['bash', '-c', script], { timeoutMs, env: { GRADE_TOKEN: this.plan.token }, maxOutputBytes: DEFAULT_MAX_OUTPUT });
  }

  /** Run a command as the container's root, outside every node: grade's own records (the shell history). */
  runAsGrade(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return this.run(argv, options);
  }

  /**
   * An interactive shell on a node. On the learner's nodes it is the learner's root shell; on the
   * lab's own nodes it can look (ip, ping, tcpdump) but change nothing. Its commands are recorded
   * in the lab's shell history (shell-history.ts).
   */
  async shell(node: string): Promise<number> {
    return this.engine.execInteractive(this.containerId, this.shellArgv(node));
  }

  /** The same shell as `shell`, its TTY stream handed to the caller (grade serve's terminal in a page). */
  async terminal(node: string, size: TerminalSize): Promise<EngineTerminal> {
    return this.engine.openTerminal(this.containerId, this.shellArgv(node), size);
  }

  private shellArgv(node: string): string[] {
    const spec = this.plan.nodes.find((n) => n.spec.name === this.nodeName(node))!.spec;
    const mode = spec.owner === 'lab' ? 'look' : 'node';
    return recordingShell(spec.name, [ENTER, mode, spec.name]);
  }

  dispose(): Promise<void> {
    return this.removal.remove();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }

  /** A node, or NODE/NETNS: a network namespace the learner made in it (grade-enter checks it). */
  private placeName(place: string): string {
    const [node, netns, ...rest] = place.split('/');
    if (netns === undefined) return this.nodeName(place);
    if (rest.length > 0 || !NETNS_NAME.test(netns)) throw new UserError(`"${netns}" is not a network namespace name \`ip netns add\` accepts.`);
    return `${this.nodeName(node!)}/${netns}`;
  }

  private nodeName(node: string): string {
    if (!this.nodeNames.includes(node)) {
      throw new UserError(`"${node}" is not a node of ${this.plan.exercise.id}; its nodes are ${this.nodeNames.join(', ')}.`);
    }
    return node;
  }

  /** Gathered with the other commands asked for at the same moment (checks; each node's file) into one engine exec. */
  private batched(argv: readonly string[], options: ExecOptions): Promise<ExecResult> {
    return this.batcher.run({
      argv,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
      ...(options.env ? { env: options.env } : {}),
    });
  }

  private run(argv: readonly string[], options: ExecOptions): Promise<ExecResult> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // `timeout` kills the whole process group it leads, so nothing a command spawned outlives the limit
    // (a learner's `setsid cmd &` is meant to, and does: it runs until the lab is removed).
    return this.engine.exec(this.containerId, ['timeout', '-s', 'KILL', (timeoutMs / 1000).toFixed(2), ...argv], {
      timeoutMs,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
      ...(options.env ? { env: options.env } : {}),
    });
  }
}
