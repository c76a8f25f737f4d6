import type { CheckKind } from '../checks/check-kind.js';
import { checkKinds } from '../checks/registry.js';
import type { Lang } from '../core/lang.js';
import type { Engine } from '../runner/engine.js';
import { loggingEngine } from '../runner/logging-engine.js';
import { labImageRef } from '../runner/lab-image.js';
import { LabTracker } from '../runner/lab-tracker.js';
import { reapLabs } from '../runner/reaper.js';
import { cliText } from './messages.js';

/** What every command needs, made once by the CLI and passed down: no module-level singletons. */
export interface CliContext {
  readonly kinds: ReadonlyMap<string, CheckKind>;
  readonly tracker: LabTracker;
  readonly color: boolean;
  /** The learner's language (`--lang`, else the locale): what the learner commands and reports say. */
  readonly lang: Lang;
  /** The engine, after leftovers of crashed runs were reaped. */
  engine(): Promise<Engine>;
  image(): string;
}

export function createContext(options: { color: boolean; lang: Lang }): CliContext {
  const tracker = new LabTracker();
  let ready: Promise<Engine> | undefined;
  return {
    kinds: checkKinds(),
    tracker,
    color: options.color,
    lang: options.lang,
    engine() {
      ready ??= (async () => {
        // dockerode loads only for the commands that talk to the engine.
        const { DockerEngine } = await import('../runner/docker-engine.js');
        const docker = new DockerEngine();
        const engine = process.env.GRADE_DEBUG ? loggingEngine(docker, (line) => process.stderr.write(`grade: ${line}\n`)) : docker;
        await engine.ping();
        tracker.installSignalHandlers(() => process.stderr.write(`\n${cliText(options.lang, 'stopping')}\n`));
        await reapLabs(engine);
        return engine;
      })();
      return ready;
    },
    image: () => labImageRef(),
  };
}
