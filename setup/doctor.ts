import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { packageRoot } from '../core/package-root.js';
import { DockerEngine } from '../runner/docker-engine.js';
import type { Engine, EngineInfo } from '../runner/engine.js';
import { LAB_IMAGE_REPO, labImageRef } from '../runner/lab-image.js';
import { baseImageRef } from './base-image.js';
import { distFreshness } from './dist-freshness.js';
import type { DoctorItem } from './doctor-item.js';
import { checkLabRuntime } from './lab-runtime.js';
import { checkTunnels, readTunnelFacts, tunUsable } from './tunnels.js';
import { describeAddress, engineAddress, isLocalDefaultEngine, type EngineAddress } from './engine-address.js';

export type { DoctorItem };

const SETUP = 'npm run setup';

/** Check everything `grade` needs, without changing anything. */
export async function runDoctor(engine: Engine = new DockerEngine()): Promise<DoctorItem[]> {
  const root = packageRoot();
  const items: DoctorItem[] = [checkNode(root)];
  const address = engineAddress();
  const where = describeAddress(address);
  const fromEnv = address.kind === 'remote' || address.fromEnv;
  const ping = await engine.probe(3000);
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
    items.push(await checkVersion(engine));
    const base = baseImageRef(root);
    items.push(
      (await engine.imageExists(base))
        ? { name: 'base image', ok: true, detail: `${base} present` }
        : { name: 'base image', ok: false, detail: `${base} missing`, fix: SETUP },
    );
    const labImage = await checkLabImage(engine, root);
    items.push(labImage);
    // Only on a host whose kernel has TUN (loaded, or loaded by the probe's first use): elsewhere the tunnels line already says what is missing.
    const tunnels = readTunnelFacts();
    if (labImage.ok && tunUsable(tunnels)) items.push(...(await checkLabRuntime(engine, labImageRef(root))));
  }
  items.push(...checkSecurity({ ...readHostSecurity(), engine: ping.ok ? await engineSecurity(engine) : undefined }));
  items.push(checkTunnels(readTunnelFacts()));

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

async function checkVersion(engine: Engine): Promise<DoctorItem> {
  try {
    const v = await engine.version();
    return { name: 'engine version', ok: true, detail: `Docker ${v.version}, API ${v.apiVersion}${v.minApiVersion ? ` (min ${v.minApiVersion})` : ''}, ${v.os}/${v.arch}` };
  } catch (err) {
    return { name: 'engine version', ok: false, detail: `the engine did not tell its version: ${(err as Error).message}`, fix: SETUP };
  }
}

async function checkLabImage(engine: Engine, root: string): Promise<DoctorItem> {
  const ref = labImageRef(root);
  if (await engine.imageExists(ref)) return { name: 'lab image', ok: true, detail: `${ref} present and current` };
  const others = (await engine.listImages(LAB_IMAGE_REPO))
    .flatMap((i) => i.tags)
    .filter((t) => t.startsWith(`${LAB_IMAGE_REPO}:`));
  const detail = others.length > 0 ? `${ref} missing (only ${others.slice(0, 3).join(', ')}: built from other Dockerfile or runner/image files)` : `${ref} missing`;
  return { name: 'lab image', ok: false, detail, fix: SETUP };
}

/** What the host and the engine say about Linux security modules and user remapping. */
export interface SecurityFacts {
  /** Content of /sys/module/apparmor/parameters/enabled ("Y" or "N"); undefined when absent. */
  readonly apparmorParameter?: string | undefined;
  /** Whether /sys/kernel/security/apparmor exists (AppArmor is active, securityfs is mounted). */
  readonly apparmorFs: boolean;
  /** Content of /sys/fs/selinux/enforce ("1" enforcing, "0" permissive); undefined when SELinux is off. */
  readonly selinuxEnforce?: string | undefined;
  /** `docker info` SecurityOptions, or why they are unknown; undefined when the engine is not reachable. */
  readonly engine?: { readonly securityOptions: readonly string[] } | { readonly error: string } | undefined;
}

/** The security-module files of this host, read under `root` (for tests). Never throws. */
export function readHostSecurity(root = '/'): Omit<SecurityFacts, 'engine'> {
  const read = (path: string): string | undefined => {
    try {
      return readFileSync(join(root, path), 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  return {
    apparmorParameter: read('sys/module/apparmor/parameters/enabled'),
    apparmorFs: existsSync(join(root, 'sys/kernel/security/apparmor')),
    selinuxEnforce: read('sys/fs/selinux/enforce'),
  };
}

async function engineSecurity(engine: Engine): Promise<NonNullable<SecurityFacts['engine']>> {
  try {
    const info: EngineInfo = await engine.info();
    return { securityOptions: info.securityOptions };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** "name=seccomp,profile=default" -> { name: 'seccomp', profile: 'default' }; old engines send just "seccomp". */
function parseSecurityOption(option: string): { name: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const part of option.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) fields['name'] ??= part.trim();
    else fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { name: fields['name'] ?? option, fields };
}

const HOST_PROTECTION =
  'the host stays protected by a capability bounding set, a read-only root filesystem, ' +
  'a read-only /proc/sys (only /proc/sys/net writable per node) and user namespaces';

/**
 * Two doctor lines: the host's security modules with what grade does about them (lab containers run with
 * apparmor=unconfined and label=disable), and whether the engine gives lab containers the real root they need.
 */
export function checkSecurity(facts: SecurityFacts): DoctorItem[] {
  const engineOptions = facts.engine && 'securityOptions' in facts.engine ? facts.engine.securityOptions.map(parseSecurityOption) : [];
  const engineHas = (name: string): boolean => engineOptions.some((o) => o.name === name);
  return [hostSecurityItem(facts, engineHas), engineSecurityItem(facts.engine, engineOptions)];
}

function hostSecurityItem(facts: SecurityFacts, engineHas: (name: string) => boolean): DoctorItem {
  const name = 'host security';
  const parts: string[] = [];
  // Active only with both: the module parameter alone is there when AppArmor is built in but switched off.
  const apparmorHere = (facts.apparmorParameter ?? '').startsWith('Y') && facts.apparmorFs;
  if (apparmorHere || engineHas('apparmor')) {
    const where = apparmorHere ? '' : ' where the engine runs';
    parts.push(
      `AppArmor is enabled${where}: lab containers run with apparmor=unconfined ` +
        "(Docker's docker-default profile denies the mounts a lab makes inside itself and writes under /proc/sys)",
    );
  }
  const selinuxHere = facts.selinuxEnforce !== undefined;
  if (selinuxHere) {
    parts.push(
      facts.selinuxEnforce === '1'
        ? 'SELinux is enforcing: lab containers run with label=disable (SELinux labels would block the mounts a lab makes inside itself)'
        : 'SELinux is permissive (it logs, blocks nothing): lab containers run with label=disable all the same, so enforcing mode will not break labs',
    );
  } else if (engineHas('selinux')) {
    parts.push('SELinux is enabled where the engine runs: lab containers run with label=disable (SELinux labels would block the mounts a lab makes inside itself)');
  }
  if (parts.length === 0) return { name, ok: true, detail: 'no AppArmor or SELinux on this host: nothing for lab containers to opt out of' };
  return { name, ok: true, detail: `${parts.join('; ')}; ${HOST_PROTECTION}` };
}

function engineSecurityItem(
  engine: SecurityFacts['engine'],
  options: readonly { name: string; fields: Record<string, string> }[],
): DoctorItem {
  const name = 'engine security';
  if (engine === undefined) return { name, ok: false, detail: 'not checked: the engine is not reachable' };
  if ('error' in engine) return { name, ok: false, detail: `the engine did not tell its security options: ${engine.error}` };
  const needsRoot = 'labs need a real root in the container to create their namespaces';
  if (options.some((o) => o.name === 'rootless')) {
    return {
      name,
      ok: false,
      detail: `the engine runs rootless, so root in a lab container is an unprivileged host user; ${needsRoot}, so labs cannot work on this engine`,
      fix: `unset DOCKER_HOST && ${SETUP}  # use the system (rootful) engine`,
    };
  }
  if (options.some((o) => o.name === 'userns')) {
    return {
      name,
      ok: false,
      detail: `the engine runs with userns-remap, so root in a lab container is an unprivileged host user; ${needsRoot}, so labs cannot work on this engine`,
      fix: 'remove "userns-remap" from /etc/docker/daemon.json, then: sudo systemctl restart docker',
    };
  }
  const applied = options.map((o) => (o.fields['profile'] ? `${o.name} (${o.fields['profile']} profile)` : o.name));
  return {
    name,
    ok: true,
    detail: `${applied.length > 0 ? `the engine applies ${applied.join(', ')}` : 'the engine applies no security options'}; no userns-remap, not rootless: lab containers get the real root they need`,
  };
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
