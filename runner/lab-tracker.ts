import { cleanupFailed } from '../core/cleanup-failures.js';
import type { TrackedLab } from './started-lab.js';

/** The labs this process owns right now, so Ctrl-C or SIGTERM at any moment still tears them down. */
export class LabTracker {
  /** By lab id: provisioning tracks the lab in the making, its caller untracks the started lab. */
  private readonly labs = new Map<string, TrackedLab>();
  private installed = false;

  add(lab: TrackedLab): void {
    this.labs.set(lab.id, lab);
  }

  remove(lab: TrackedLab): void {
    this.labs.delete(lab.id);
  }

  async disposeAll(): Promise<void> {
    await Promise.all([...this.labs.values()].map((lab) => lab.dispose().catch((e: unknown) => cleanupFailed(`remove lab ${lab.id}`, e, { leftBehind: true }))));
    this.labs.clear();
  }

  /**
   * On SIGINT/SIGTERM: remove every lab (a second signal exits at once), then exit 130/143. `onSignal`
   * is told only when there is a lab to remove: a kept lab (`grade start`) is never tracked.
   */
  installSignalHandlers(onSignal: (signal: NodeJS.Signals) => void = () => undefined): void {
    if (this.installed) return;
    this.installed = true;
    let stopping = false;
    const handler = (signal: NodeJS.Signals) => {
      const code = signal === 'SIGINT' ? 130 : 143;
      if (stopping) process.exit(code);
      stopping = true;
      if (this.labs.size > 0) onSignal(signal);
      void this.disposeAll().finally(() => process.exit(code));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  }
}
