import type { Engine } from '../runner/engine.js';
import { debianMirror } from './apt-mirror.js';
import { aptInstall } from './apt-install.js';
import { baseImageRef, baseImageTarget, debianSuiteOf } from './base-image.js';
import { debootstrapImage } from './debootstrap-image.js';
import { SetupError, type Log } from './setup-error.js';
import { findCommand, isRoot } from './system.js';

const PULL_TIMEOUT_MS = 20_000;

export interface BaseImageReport {
  readonly ref: string;
  readonly action: 'present' | 'pulled' | 'built with debootstrap';
}

/** Make the Dockerfile's base image exist: it is there, or it is pulled, or it is made locally by debootstrap. */
export async function ensureBaseImage(engine: Engine, log: Log): Promise<BaseImageReport> {
  const ref = baseImageTarget();
  if (await engine.imageExists(ref)) return { ref, action: 'present' };

  log(`pulling ${ref} (${PULL_TIMEOUT_MS / 1000} s at most)`);
  const pulled = await pullImage(engine, ref, PULL_TIMEOUT_MS);
  if (pulled.ok) return { ref, action: 'pulled' };
  log(`pull failed (${pulled.reason}); making it locally instead`);

  const source = baseImageRef();
  const suite = debianSuiteOf(source);
  if (!suite) {
    throw new SetupError(`${source} could not be pulled (${pulled.reason}), and only debian:<suite> images can be made locally.`, `docker pull ${source}`);
  }
  const mirror = debianMirror(suite);
  if (!mirror) {
    throw new SetupError(
      `${source} could not be pulled, and apt's configuration (/etc/apt/sources.list, /etc/apt/sources.list.d/) names no Debian mirror for ${suite} to make it from.`,
      `docker pull ${source}`,
    );
  }
  if (!findCommand('debootstrap')) {
    if (!isRoot()) throw new SetupError(`Making ${source} locally needs debootstrap and root.`, 'sudo npm run setup');
    await aptInstall(['debootstrap'], log);
  }
  if (!isRoot()) throw new SetupError(`Making ${source} locally with debootstrap needs root.`, 'sudo npm run setup');
  await debootstrapImage(engine, { suite, mirror, tag: ref, log });
  return { ref, action: 'built with debootstrap' };
}

export type PullResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** `docker pull`, given up after `timeoutMs` (a registry that cannot be reached can otherwise hang for minutes). */
export async function pullImage(engine: Engine, ref: string, timeoutMs: number): Promise<PullResult> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
  const pull = engine.pullImage(ref, abort.signal);
  pull.catch(() => {}); // after a timeout its own rejection is of no interest
  try {
    await Promise.race([pull, timeout]);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: firstLine((err as Error).message) };
  } finally {
    clearTimeout(timer);
  }
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/^\(HTTP code \d+\) [^-]*- /, '').trim().slice(0, 200);
}
