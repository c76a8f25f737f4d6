import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';
import pc from 'picocolors';
import { packageRoot } from '../core/package-root.js';
import { LAB_IMAGE_REPO, labImageRef } from '../runner/lab-image.js';
import { baseImageRef } from './base-image.js';
import { distFreshness } from './dist-freshness.js';
import { describeAddress, dockerClient, engineAddress, imageExists, isLocalDefaultEngine, pingEngine, type EngineAddress } from './engine-client.js';

export interface DoctorItem {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** The command that fixes it. */
  readonly fix?: string;
}

const SETUP = 'npm run setup';

/** Check everything `grade` needs, without changing anything. */
export async function runDoctor(docker: Docker = dockerClient()): Promise<DoctorItem[]> {
  const root = packageRoot();
  const items: DoctorItem[] = [checkNode(root)];
  const address = engineAddress();
  const where = describeAddress(address);
  const fromEnv = address.kind === 'remote' || address.fromEnv;
  const ping = await pingEngine(docker);
  // Set-up starts only the local default engine; for another DOCKER_HOST the fix is to start that one or unset it.
  const engineFix = isLocalDefaultEngine(address) ? SETUP : `start the engine at ${where}, or: unset DOCKER_HOST && ${SETUP}`;

  items.push(
    ping.ok
      ? { name: 'engine', ok: true, detail: `reachable at ${where}${fromEnv ? ' (DOCKER_HOST)' : ''}` }
      : { name: 'engine', ok: false, detail: `not reachable at ${where}: ${ping.message}`, ...(ping.code === 'EACCES' ? {} : { fix: engineFix }) },
  );
  items.push(checkSocketPermission(address, engineFix));

  if (!ping.ok) {
    const skipped = 'not checked: the engine is not reachable';
    items.push(
      { name: 'engine version', ok: false, detail: skipped },
      { name: 'base image', ok: false, detail: skipped },
      { name: 'lab image', ok: false, detail: skipped },
    );
  } else {
    items.push(await checkVersion(docker));
    const base = baseImageRef(root);
    items.push(
      (await imageExists(docker, base))
        ? { name: 'base image', ok: true, detail: `${base} present` }
        : { name: 'base image', ok: false, detail: `${base} missing`, fix: SETUP },
    );
    items.push(await checkLabImage(docker, root));
  }

  const dist = distFreshness(root);
  items.push({ name: 'build', ok: dist.ok, detail: dist.detail, ...(dist.ok ? {} : { fix: 'npm run build' }) });
  return items;
}

function checkNode(root: string): DoctorItem {
  const have = process.versions.node;
  let wanted = '>=20.5';
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines?: { node?: string } };
    wanted = pkg.engines?.node ?? wanted;
  } catch {
    // keep the default
  }
  const min = /(\d+)(?:\.(\d+))?/.exec(wanted);
  const [major, minor] = have.split('.').map(Number) as [number, number];
  const needMajor = Number(min?.[1] ?? 0);
  const needMinor = Number(min?.[2] ?? 0);
  const ok = major > needMajor || (major === needMajor && minor >= needMinor);
  return ok
    ? { name: 'node', ok, detail: `v${have} (needs ${wanted})` }
    : { name: 'node', ok, detail: `v${have}, but grade needs ${wanted}`, fix: `install Node ${needMajor}.${needMinor} or newer` };
}

function checkSocketPermission(address: EngineAddress, engineFix: string): DoctorItem {
  const name = 'socket permission';
  if (address.kind !== 'socket') return { name, ok: true, detail: `not a local socket (${address.url})` };
  try {
    statSync(address.path);
  } catch {
    return { name, ok: false, detail: `${address.path} does not exist (no engine running)`, fix: engineFix };
  }
  try {
    accessSync(address.path, constants.R_OK | constants.W_OK);
    return { name, ok: true, detail: `this user may read and write ${address.path}` };
  } catch {
    return { name, ok: false, detail: `this user may not use ${address.path}`, fix: 'sudo usermod -aG docker "$USER"  # then log in again' };
  }
}

async function checkVersion(docker: Docker): Promise<DoctorItem> {
  try {
    const v = await docker.version();
    return { name: 'engine version', ok: true, detail: `Docker ${v.Version}, API ${v.ApiVersion}${v.MinAPIVersion ? ` (min ${v.MinAPIVersion})` : ''}, ${v.Os}/${v.Arch}` };
  } catch (err) {
    return { name: 'engine version', ok: false, detail: `the engine did not tell its version: ${(err as Error).message}`, fix: SETUP };
  }
}

async function checkLabImage(docker: Docker, root: string): Promise<DoctorItem> {
  const ref = labImageRef(root);
  if (await imageExists(docker, ref)) return { name: 'lab image', ok: true, detail: `${ref} present and current` };
  const others = (await docker.listImages({ filters: { reference: [LAB_IMAGE_REPO] } }))
    .flatMap((i) => i.RepoTags ?? [])
    .filter((t) => t.startsWith(`${LAB_IMAGE_REPO}:`));
  const detail = others.length > 0 ? `${ref} missing (only ${others.slice(0, 3).join(', ')}: built from other Dockerfile or runner/image files)` : `${ref} missing`;
  return { name: 'lab image', ok: false, detail, fix: SETUP };
}

/** One line per item: mark, name, detail, and the command that fixes what failed. */
export function renderDoctor(items: readonly DoctorItem[], options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const width = Math.max(...items.map((i) => i.name.length));
  return items
    .map((i) => {
      const mark = i.ok ? c.green('✔') : c.red('✘');
      const fix = !i.ok && i.fix ? `  ${c.dim('→')} ${c.bold(i.fix)}` : '';
      return `${mark} ${i.name.padEnd(width)}  ${i.ok ? i.detail : c.red(i.detail)}${fix}`;
    })
    .join('\n');
}
