import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { release } from 'node:os';
import { join } from 'node:path';
import type { DoctorItem } from './doctor-item.js';
import { findCommand, isRoot } from './system.js';

// Tunnel exercises (ex08: socat TUN, VXLAN) need two things of the host's kernel: TUN (/dev/net/tun,
// which labs that declare `needs: [tun]` are given) and the vxlan driver. Both may be built in or
// modules; a module the kernel can load is loaded on first use (opening /dev/net/tun, `ip link add
// type vxlan`), so after a reboot "not loaded yet" is not "missing".

/** Whether the running kernel has a driver: in it now, able to load it on use, or neither. */
export type KernelDriver = 'loaded' | 'loadable' | 'missing';

/** What the host's kernel offers for tunnels, read under `root` (for tests). */
export interface TunnelFacts {
  /** The TUN character device the engine hands to labs. */
  readonly tunDevice: boolean;
  readonly tun: KernelDriver;
  readonly vxlan: KernelDriver;
}

/** Ask the kernel's module tools whether they could load `module` (`modprobe -n`, loads nothing); undefined when unknown. */
export type DryRunModprobe = (module: string) => boolean | undefined;

export function readTunnelFacts(root = '/', dryRun: DryRunModprobe = root === '/' ? modprobeDryRun : () => undefined): TunnelFacts {
  const has = (path: string) => existsSync(join(root, path));
  const modules = readModuleLists(root);
  const driver = (name: string, loadedPaths: readonly string[]): KernelDriver => {
    if (loadedPaths.some(has) || modules.builtin.has(name)) return 'loaded';
    if (modules.loadable.has(name) || dryRun(name) === true) return 'loadable';
    return 'missing';
  };
  return {
    tunDevice: has('dev/net/tun'),
    tun: driver('tun', ['sys/class/misc/tun', 'sys/module/tun']),
    vxlan: driver('vxlan', ['sys/module/vxlan']),
  };
}

/** Module names from the running kernel's modules.builtin (in the kernel) and modules.dep (loadable files). */
function readModuleLists(root: string): { builtin: Set<string>; loadable: Set<string> } {
  const dir = join(root, 'lib/modules', release());
  const names = (file: string): Set<string> => {
    let text = '';
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch {
      return new Set();
    }
    // "kernel/drivers/net/tun.ko.xz: ..." -> "tun"
    return new Set(text.split('\n').map((line) => /([^/\s:]+)\.ko(?:\.\w+)?(?::|$)/.exec(line)?.[1]?.replace(/-/g, '_')).filter((n): n is string => Boolean(n)));
  };
  return { builtin: names('modules.builtin'), loadable: names('modules.dep') };
}

function modprobeDryRun(module: string): boolean | undefined {
  const modprobe = findCommand('modprobe');
  if (!modprobe) return undefined;
  const r = spawnSync(modprobe, ['-n', '-q', module], { encoding: 'utf8', timeout: 5000 });
  return r.error ? undefined : r.status === 0;
}

/** The doctor line: which tunnel kinds labs can use on this host. */
export function checkTunnels(facts: TunnelFacts): DoctorItem {
  const missing = [
    ...(facts.tun === 'missing' ? ['TUN in the kernel'] : facts.tunDevice ? [] : ['/dev/net/tun (the TUN device)']),
    ...(facts.vxlan === 'missing' ? ['the vxlan driver'] : []),
  ];
  if (missing.length > 0) {
    return {
      name: 'tunnels',
      ok: false,
      detail: `missing ${missing.join(' and ')}: the tunnel exercise (ex08) cannot run here; the others can`,
      fix: 'sudo modprobe tun vxlan',
    };
  }
  const waiting = (['tun', 'vxlan'] as const).filter((m) => facts[m] === 'loadable');
  const later = waiting.length > 0 ? ` (${waiting.join(' and ')}: not loaded yet, loads on use)` : '';
  return { name: 'tunnels', ok: true, detail: `TUN (/dev/net/tun) and VXLAN are available${later}: the tunnel exercise (ex08) can run` };
}

/** Whether a lab node can open a TUN interface now or on first use. */
export function tunUsable(facts: TunnelFacts): boolean {
  return facts.tun !== 'missing' && facts.tunDevice;
}

/** Load the tun and vxlan modules when they are not loaded and this user may; returns what is still missing. */
export function loadTunnelModules(log: (line: string) => void): string[] {
  const before = readTunnelFacts();
  const wanted = (['tun', 'vxlan'] as const).filter((m) => before[m] !== 'loaded');
  const modprobe = findCommand('modprobe');
  if (wanted.length > 0 && modprobe && isRoot()) {
    for (const module of wanted) {
      const r = spawnSync(modprobe, [module], { encoding: 'utf8' });
      log(r.status === 0 ? `loaded the ${module} module` : `modprobe ${module}: ${(r.stderr || '').trim() || `exit ${r.status}`}`);
    }
  }
  const after = readTunnelFacts();
  return [...(tunUsable(after) ? [] : ['tun']), ...(after.vxlan === 'missing' ? ['vxlan'] : [])];
}
