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

const BATCH_PROGRAM = '/usr/local/lib/grade/exec-batch';
/** Keeps a batch's requests in one environment variable, well under Linux's 128 KiB for one. */
const MAX_BATCH_CHARS = 96 * 1024;

/**
 * Gathers the commands asked for in the same turn of the event loop (checks start together) and
 * sends them to the lab as one engine exec; a lone command goes as it is.
 */
export class ExecBatcher {
  private queue: Pending[] = [];

  constructor(private readonly runOne: RunOne) {}

  run(request: BatchRequest & { readonly maxOutputBytes: number }): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => void this.flush());
      this.queue.push({ ...request, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    for (const group of chunks(batch)) {
      if (group.length === 1) {
        const [one] = group as [Pending];
        Promise.resolve()
          .then(() => this.runOne(one.argv, { timeoutMs: one.timeoutMs, maxOutputBytes: one.maxOutputBytes, ...(one.env ? { env: one.env } : {}) }))
          .then(one.resolve, one.reject);
      } else {
        void this.send(group);
      }
    }
  }

  private async send(group: readonly Pending[]): Promise<void> {
    const mark = `@@grade-batch-${randomBytes(6).toString('hex')}`;
    const cap = Math.max(...group.map((p) => p.maxOutputBytes));
    const timeoutMs = Math.max(...group.map((p) => p.timeoutMs)) + 2000;
    try {
      const result = await Promise.resolve().then(() => this.runOne([BATCH_PROGRAM], {
        timeoutMs,
        // Base64 takes 4/3 of the bytes it encodes.
        maxOutputBytes: group.length * (Math.ceil((cap * 2 * 4) / 3) + 200),
        env: { GRADE_BATCH: encodeBatch(group), GRADE_MARK: mark, GRADE_CAP: String(cap) },
      }));
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
}

function chunks(batch: readonly Pending[]): Pending[][] {
  const groups: Pending[][] = [];
  let current: Pending[] = [];
  let size = 0;
  for (const p of batch) {
    const cost = p.argv.join(' ').length * 2 + JSON.stringify(p.env ?? {}).length * 2 + 64;
    if (current.length > 0 && size + cost > MAX_BATCH_CHARS) {
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
