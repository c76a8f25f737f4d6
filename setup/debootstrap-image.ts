import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { cleanupFailed } from '../core/cleanup-failures.js';
import type { Engine } from '../runner/engine.js';
import { SetupError, tailLines, type Log } from './setup-error.js';
import { findCommand } from './system.js';

export interface DebootstrapOptions {
  /** Debian suite, e.g. `bookworm`. */
  readonly suite: string;
  /** Debian mirror URI, read from apt's configuration. */
  readonly mirror: string;
  /** The image reference to import it as, e.g. `debian:bookworm-slim`. */
  readonly tag: string;
  readonly log: Log;
}

/** Make a minimal Debian root file system with debootstrap and import it into the engine as an image. */
export async function debootstrapImage(engine: Engine, { suite, mirror, tag, log }: DebootstrapOptions): Promise<void> {
  const debootstrap = findCommand('debootstrap');
  if (!debootstrap) throw new SetupError('debootstrap is not installed.', 'apt-get install -y debootstrap');
  const dir = await mkdtemp(join(tmpdir(), 'grade-rootfs-'));
  try {
    log(`debootstrap --variant=minbase ${suite} from ${mirror} (about a minute)`);
    const r = await execa(debootstrap, ['--variant=minbase', suite, dir, mirror], { all: true, reject: false, stdin: 'ignore' });
    if (r.exitCode !== 0) {
      throw new SetupError(`debootstrap could not make a ${suite} root file system from ${mirror}.`, `debootstrap --variant=minbase ${suite} /tmp/rootfs ${mirror}`, tailLines(r.all ?? ''));
    }
    await unmountUnder(dir);
    // Like the official slim images: no package cache or lists (apt-get update inside builds fetches them).
    await emptyFolder(join(dir, 'var/cache/apt/archives'), (name) => name.endsWith('.deb'));
    await emptyFolder(join(dir, 'var/lib/apt/lists'), (name) => name !== 'partial' && name !== 'lock');
    log(`importing it as ${tag}`);
    await importDirectory(engine, dir, tag);
  } finally {
    await unmountUnder(dir);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Stream `tar -c` of a folder into the engine's image import (the API, so the CLI's version does not matter). */
async function importDirectory(engine: Engine, dir: string, tag: string): Promise<void> {
  const [repo, version] = splitTag(tag);
  const tar = execa('tar', ['--numeric-owner', '-C', dir, '-c', '.'], { stdin: 'ignore', stderr: 'pipe', buffer: { stdout: false } });
  try {
    // CMD bash, as in the registry's debian images, so `docker run -it <tag>` gives a shell.
    await engine.importImage({ rootfs: tar.stdout, repo, tag: version, changes: ['CMD ["bash"]'] });
    await tar;
  } catch (err) {
    tar.kill();
    throw new SetupError(`Importing the root file system as ${tag} failed: ${(err as Error).message}`, 'npm run setup');
  }
}

function splitTag(ref: string): [string, string] {
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
}

/** debootstrap mounts /proc and /sys in the target and may leave them mounted when it fails: unmount before deleting. */
async function unmountUnder(dir: string): Promise<void> {
  const mounts = (await readFile('/proc/mounts', 'utf8').catch(() => ''))
    .split('\n')
    .map((l) => l.split(' ')[1] ?? '')
    .filter((m) => m === dir || m.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) {
    const r = await execa('umount', ['-l', m], { reject: false, all: true });
    if (r.exitCode !== 0) cleanupFailed(`unmount ${m}`, new Error((r.all ?? '').trim() || `umount exited ${r.exitCode}`), { leftBehind: true });
  }
}

async function emptyFolder(dir: string, remove: (name: string) => boolean): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    if (remove(name)) await rm(join(dir, name), { recursive: true, force: true });
  }
}
