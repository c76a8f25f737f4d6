import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DoctorItem } from './doctor.js';
import { findCommand, isRoot } from './system.js';

// Tunnel exercises (ex08: socat TUN, VXLAN) need two things of the host's kernel: TUN (/dev/net/tun,
// which labs that declare `needs: [tun]` are given) and the vxlan driver. Both may be built in or
// modules; set-up loads the modules where it can, and doctor says what is missing.

/** What the host's kernel offers for tunnels, read under `root` (for tests). */
export interface TunnelFacts {
  /** The TUN character device the engine hands to labs. */
  readonly tunDevice: boolean;
  /** TUN in the running kernel (built in, or its module loaded). */
  readonly tun: boolean;
  readonly vxlan: boolean;
}

export function readTunnelFacts(root = '/'): TunnelFacts {
  const has = (path: string) => existsSync(join(root, path));
  return {
    tunDevice: has('dev/net/tun'),
    tun: has('sys/class/misc/tun') || has('sys/module/tun'),
    vxlan: has('sys/module/vxlan'),
  };
}

/** The doctor line: which tunnel kinds labs can use on this host. */
export function checkTunnels(facts: TunnelFacts): DoctorItem {
  const missing = [
    ...(facts.tun && facts.tunDevice ? [] : [facts.tun ? '/dev/net/tun (the TUN device)' : 'TUN in the kernel']),
    ...(facts.vxlan ? [] : ['the vxlan driver']),
  ];
  if (missing.length === 0) return { name: 'tunnels', ok: true, detail: 'TUN (/dev/net/tun) and VXLAN are available: the tunnel exercise (ex08) can run' };
  return {
    name: 'tunnels',
    ok: false,
    detail: `missing ${missing.join(' and ')}: the tunnel exercise (ex08) cannot run here; the others can`,
    fix: 'sudo modprobe tun vxlan',
  };
}

/** Load the tun and vxlan modules when they are missing and this user may; returns what is still missing. */
export function loadTunnelModules(log: (line: string) => void): string[] {
  const before = readTunnelFacts();
  const wanted = [...(before.tun ? [] : ['tun']), ...(before.vxlan ? [] : ['vxlan'])];
  const modprobe = findCommand('modprobe');
  if (wanted.length > 0 && modprobe && isRoot()) {
    for (const module of wanted) {
      const r = spawnSync(modprobe, [module], { encoding: 'utf8' });
      log(r.status === 0 ? `loaded the ${module} module` : `modprobe ${module}: ${(r.stderr || '').trim() || `exit ${r.status}`}`);
    }
  }
  const after = readTunnelFacts();
  return [...(after.tun && after.tunDevice ? [] : ['tun']), ...(after.vxlan ? [] : ['vxlan'])];
}
