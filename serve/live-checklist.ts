// The checklist `grade exNN --watch` computes, kept per learner and pushed to their page: a check of the
// running lab on demand (one at a time, requests in between folded into one more), and after each Enter
// a quick look at the shell history until the command has finished, then a check at once.
import { setTimeout as sleep } from 'node:timers/promises';
import type { GradeResult } from '../core/result.js';
import { checkChanges, type CheckChange } from '../grading/check-changes.js';

export interface ChecklistUpdate {
  readonly result: GradeResult;
  readonly changes: readonly CheckChange[];
  readonly at: number;
}

export interface ChecklistSource {
  /** The running lab checked now, in the learner's language (gradeRunningLab + localizeResult). */
  check(): Promise<GradeResult>;
  /** Commands started and finished in the lab's shells so far (runner/shell-history.ts). */
  commands(): Promise<{ started: number; finished: number }>;
}

const POLL_MS = 300;
/** How long a command is waited for after Enter before the slow round takes over. */
const WAIT_MS = 30_000;
/** How long an Enter that started no command is looked after. */
const QUIET_MS = 2_000;
/** When a round could not decide, the next one comes after this. */
const RETRY_MS = 3_000;

export class LiveChecklist {
  private latest: ChecklistUpdate | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private watching = false;
  private entered = 0;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  /** The commands counted when a finished one last led to a check. */
  private seen = { started: -1, finished: -1 };
  private readonly listeners = new Set<(u: ChecklistUpdate) => void>();
  onError: (error: unknown) => void = () => undefined;

  constructor(private readonly source: ChecklistSource) {}

  get current(): ChecklistUpdate | null {
    return this.latest;
  }

  subscribe(listener: (u: ChecklistUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Check now, or right after the check under way. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return this.running;
  }

  /** The learner pressed Enter: once the command that started has finished, check. */
  commandEntered(): void {
    this.entered++;
    if (this.watching) return;
    this.watching = true;
    void this.awaitFinish().finally(() => (this.watching = false));
  }

  /** Until no Enter is left unanswered: wait for the shells to be idle with a new finished command, then check. */
  private async awaitFinish(): Promise<void> {
    while (this.entered > 0) {
      this.entered = 0;
      const start = Date.now();
      while (Date.now() - start < WAIT_MS) {
        await sleep(POLL_MS);
        const now = await this.source.commands().catch(() => null);
        if (!now) break;
        if (now.started === now.finished && now.finished !== this.seen.finished) {
          this.seen = now;
          break;
        }
        // A blank line, or a command that never began: nothing to wait for.
        if (now.started === this.seen.started && Date.now() - start > QUIET_MS) break;
      }
      await this.request();
    }
  }

  /** No more checks: the lab is going away. */
  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
  }

  private retryLater(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.request();
    }, RETRY_MS);
    this.retry.unref();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      if (this.closed) return;
      try {
        const result = await this.source.check();
        const update = { result, changes: checkChanges(this.latest?.result.checks ?? null, result.checks), at: Date.now() };
        this.latest = update;
        for (const l of this.listeners) l(update);
        // An undecided round (a busy machine) is the grader's to repeat, as `--watch` does.
        if (result.status === 'error') this.retryLater();
      } catch (error) {
        this.onError(error);
      }
    } while (this.again);
  }
}
