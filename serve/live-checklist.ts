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

const POLL_MS = 150;
/** How long a command is waited for after Enter before the slow round takes over. */
const WAIT_MS = 30_000;

export class LiveChecklist {
  private latest: ChecklistUpdate | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private watching = false;
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
    if (this.watching) return;
    this.watching = true;
    void this.awaitFinish().finally(() => (this.watching = false));
  }

  private async awaitFinish(): Promise<void> {
    const before = await this.source.commands().catch(() => null);
    const until = Date.now() + WAIT_MS;
    while (Date.now() < until) {
      await sleep(POLL_MS);
      const now = await this.source.commands().catch(() => null);
      if (!before || !now) break;
      // Finished more than before, and nothing still running: the command (or a blank line's no-op) is done.
      if (now.finished > before.finished && now.started === now.finished) break;
    }
    await this.request();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        const result = await this.source.check();
        const update = { result, changes: checkChanges(this.latest?.result.checks ?? null, result.checks), at: Date.now() };
        this.latest = update;
        for (const l of this.listeners) l(update);
      } catch (error) {
        this.onError(error);
      }
    } while (this.again);
  }
}
