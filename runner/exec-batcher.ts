import { randomBytes } from 'node:crypto';
import { InfraError } from '../core/errors.js';
import type { EngineExecOptions } from './engine.js';
import { encodeBatch, parseBatch, type BatchRequest } from './exec-batch.js';
import type { ExecResult } from './lab-exec.js';

type RunOne = (argv: readonly string[], options: EngineExecOptions) => Promise<ExecResult>;

interface Pending extends BatchRequest {
  readonly maxOutputBytes: number;
  readonly resolve: (result: ExecResult) => void;
  readonly reject: (error: unknown) => void;
}

/** What a prelude's requests are rejected with when a later prelude takes their place unsent. */
const REPLACED = Symbol('replaced by a later prelude');
const BATCH_PROGRAM = '/usr/local/lib/grade/exec-batch';
/** Keeps a batch's requests in one environment variable, well under Linux's 128 KiB for one. */
const MAX_BATCH_CHARS = 96 * 1024;
/** exec-batch.sh stretches its commands' limits by the lab's slowdown, at most this much. */
const MAX_SLOWDOWN = 40;
/** Time for the engine to start a batch and hand back its output, beyond its commands' own limits. */
const BATCH_MARGIN_MS = 10_000;

/**
 * Gathers the commands asked for in the same turn of the event loop (checks start together) and
 * sends them to the lab as one engine exec; a lone command goes as it is.
 */
export class ExecBatcher {
  private queue: Pending[] = [];
  /** Requests to run before the next commands sent (see `prelude`), not yet sent. */
  private before: Pending[] = [];
  /** How many times slower than an idle core the lab ran at its last batch (exec-batch.sh measures it); null before the first. */
  private slowdown: number | null = null;

  constructor(private readonly runOne: RunOne) {}

  run(request: BatchRequest & { readonly maxOutputBytes: number }): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => void this.flush());
      this.queue.push({ ...request, resolve, reject });
    });
  }

  /**
   * Requests that go with the next commands asked for, in the same engine exec, and end before those
   * start (exec-batch.sh's first stage): a check's traffic after the nodes forgot what they learned,
   * for one exec instead of two. It resolves with their results once its batch has run, or with null
   * when a later prelude replaced it before it was sent.
   */
  prelude(requests: readonly (BatchRequest & { readonly maxOutputBytes: number })[]): Promise<ExecResult[] | null> {
    for (const old of this.before) old.reject(REPLACED);
    const pending = requests.map((r) => new Promise<ExecResult>((resolve, reject) => this.before.push({ ...r, first: true, resolve, reject })));
    return Promise.all(pending).catch((error: unknown) => {
      if (error === REPLACED) return null;
      throw error;
    });
  }

  private async flush(): Promise<void> {
    const batch = [...this.before, ...this.queue];
    const firsts = this.before.length;
    this.before = [];
    this.queue = [];
    const [head, ...rest] = chunks(batch, firsts);
    if (!head) return;
    if (firsts === 0) {
      for (const group of [head, ...rest]) this.dispatch(group);
      return;
    }
    // The prelude's batch (with the first commands) ends before any other command of this turn starts.
    await this.send(head);
    for (const group of rest) this.dispatch(group);
  }

  private dispatch(group: readonly Pending[]): void {
    if (group.length > 1) {
      void this.send(group);
      return;
    }
    const [one] = group as [Pending];
    Promise.resolve()
      .then(() => this.runOne(one.argv, { timeoutMs: one.timeoutMs * (this.slowdown ?? 1), maxOutputBytes: one.maxOutputBytes, ...(one.env ? { env: one.env } : {}) }))
      .then(one.resolve, one.reject);
  }

  private async send(group: readonly Pending[]): Promise<void> {
    const mark = `@@grade-batch-${randomBytes(6).toString('hex')}`;
    const cap = Math.max(...group.map((p) => p.maxOutputBytes));
    // The commands' own limits, stretched inside the lab, end them; this only catches a lab that stopped
    // answering, so it is generous: until the lab's speed is known, as if it were the slowest allowed.
    const timeoutMs = (Math.max(...group.map((p) => p.timeoutMs)) + BATCH_MARGIN_MS) * (this.slowdown ?? MAX_SLOWDOWN);
    try {
      const result = await Promise.resolve().then(() => this.runOne([BATCH_PROGRAM], {
        timeoutMs,
        // Base64 takes 4/3 of the bytes it encodes.
        maxOutputBytes: group.length * (Math.ceil((cap * 2 * 4) / 3) + 200),
        env: { GRADE_BATCH: encodeBatch(group), GRADE_MARK: mark, GRADE_CAP: String(cap), GRADE_SLOWDOWN_SEEN: String(this.slowdown ?? 1) },
      }));
      this.noteSlowdown(result.stdout, mark);
      let results: ExecResult[];
      try {
        results = parseBatch(result.stdout, mark, group.length, cap);
      } catch (error) {
        throw new InfraError(`The lab did not answer a batch of ${group.length} commands (${(error as Error).message}; exit ${result.exitCode}${result.timedOut ? ', timed out' : ''}).`);
      }
      group.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      for (const p of group) p.reject(error);
    }
  }

  private noteSlowdown(stdout: string, mark: string): void {
    const found = new RegExp(`^${mark} SLOWDOWN ([0-9]+)$`, 'm').exec(stdout);
    const value = Number(found?.[1]);
    // The slowest seen so far: a lab's limits only ever grow, so a busy moment never shortens them.
    if (Number.isSafeInteger(value) && value >= 1 && value <= MAX_SLOWDOWN) this.slowdown = Math.max(this.slowdown ?? 1, value);
  }
}

/** Batches under the size limit; the first `firsts` requests (a prelude) stay together in the first. */
function chunks(batch: readonly Pending[], firsts = 0): Pending[][] {
  const groups: Pending[][] = [];
  let current: Pending[] = [];
  let size = 0;
  for (const [i, p] of batch.entries()) {
    const cost = p.argv.join(' ').length * 2 + JSON.stringify(p.env ?? {}).length * 2 + 64;
    if (current.length > 0 && i > firsts && size + cost > MAX_BATCH_CHARS) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(p);
    size += cost;
  }
  if (current.length) groups.push(current);
  return groups;
}
