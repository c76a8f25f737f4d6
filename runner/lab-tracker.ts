import { cleanupFailed } from '../core/cleanup-failures.js';
import type { StartedLab } from './started-lab.js';

/** The labs this process owns right now, so Ctrl-C or SIGTERM at any moment still tears them down. */
export class LabTracker {
  private readonly labs = new Set<StartedLab>();
  private installed = false;

  add(lab: StartedLab): void {
    this.labs.add(lab);
  }

  remove(lab: StartedLab): void {
    this.labs.delete(lab);
  }

  async disposeAll(): Promise<void> {
    await Promise.all([...this.labs].map((lab) => lab.dispose().catch((e: unknown) => cleanupFailed(`remove lab ${lab.id}`, e, { leftBehind: true }))));
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
