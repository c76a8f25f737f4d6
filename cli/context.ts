import type { CheckKind } from '../checks/check-kind.js';
import { checkKinds } from '../checks/registry.js';
import { DockerEngine } from '../runner/docker-engine.js';
import type { Engine } from '../runner/engine.js';
import { loggingEngine } from '../runner/logging-engine.js';
import { labImageRef } from '../runner/lab-image.js';
import { LabTracker } from '../runner/lab-tracker.js';
import { reapLabs } from '../runner/reaper.js';

/** What every command needs, made once by the CLI and passed down: no module-level singletons. */
export interface CliContext {
  readonly kinds: ReadonlyMap<string, CheckKind>;
  readonly tracker: LabTracker;
  readonly color: boolean;
  /** The engine, after leftovers of crashed runs were reaped. */
  engine(): Promise<Engine>;
  image(): string;
}

export function createContext(options: { color: boolean }): CliContext {
  const tracker = new LabTracker();
  let ready: Promise<Engine> | undefined;
  return {
    kinds: checkKinds(),
    tracker,
    color: options.color,
    engine() {
      ready ??= (async () => {
        const docker = new DockerEngine();
        const engine = process.env.GRADE_DEBUG ? loggingEngine(docker, (line) => process.stderr.write(`grade: ${line}\n`)) : docker;
        await engine.ping();
        tracker.installSignalHandlers(() => process.stderr.write('\nStopping: removing the lab...\n'));
        await reapLabs(engine);
        return engine;
      })();
      return ready;
    },
    image: () => labImageRef(),
  };
}
