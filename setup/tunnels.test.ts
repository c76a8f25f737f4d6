import { mkdirSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeTempDirs, tempDir } from '../test/support/temp-dir.js';
import { checkTunnels, readTunnelFacts, tunUsable } from './tunnels.js';

afterAll(removeTempDirs);

/** A host root with these paths (dev/ files, folders elsewhere) and these lines in the running kernel's module lists. */
function hostWith(paths: string[], modules: { builtin?: string[]; dep?: string[] } = {}): string {
  const root = tempDir('grade-tunnels-');
  for (const p of paths) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    if (p.startsWith('dev/')) writeFileSync(join(root, p), '');
    else mkdirSync(join(root, p), { recursive: true });
  }
  const dir = join(root, 'lib/modules', release());
  mkdirSync(dir, { recursive: true });
  if (modules.builtin) writeFileSync(join(dir, 'modules.builtin'), modules.builtin.map((l) => `${l}\n`).join(''));
  if (modules.dep) writeFileSync(join(dir, 'modules.dep'), modules.dep.map((l) => `${l}\n`).join(''));
  return root;
}

const noModprobe = () => undefined;
const DEBIAN_DEP = ['kernel/drivers/net/tun.ko', 'kernel/drivers/net/vxlan/vxlan.ko: kernel/net/ipv4/udp_tunnel.ko kernel/net/ipv6/ip6_udp_tunnel.ko'];

describe('tunnels in grade doctor', () => {
  test('TUN built in (misc device) with its device node, and vxlan loaded: ok', () => {
    const facts = readTunnelFacts(hostWith(['dev/net/tun', 'sys/class/misc/tun', 'sys/module/vxlan']), noModprobe);
    expect(facts).toEqual({ tunDevice: true, tun: 'loaded', vxlan: 'loaded' });
    expect(checkTunnels(facts)).toEqual({ name: 'tunnels', ok: true, detail: 'TUN (/dev/net/tun) and VXLAN are available: the tunnel exercise (ex08) can run' });
  });

  test('after a reboot: modules not loaded but in modules.dep, device node there: ok, loads on use', () => {
    const facts = readTunnelFacts(hostWith(['dev/net/tun'], { dep: DEBIAN_DEP }), noModprobe);
    expect(facts).toEqual({ tunDevice: true, tun: 'loadable', vxlan: 'loadable' });
    const item = checkTunnels(facts);
    expect([item.ok, item.detail]).toEqual([true, 'TUN (/dev/net/tun) and VXLAN are available (tun and vxlan: not loaded yet, loads on use): the tunnel exercise (ex08) can run']);
    expect(tunUsable(facts)).toBe(true);
  });

  test('compressed modules and modules.builtin count; modprobe -n answers for what the lists do not name', () => {
    const root = hostWith(['dev/net/tun'], { builtin: ['kernel/drivers/net/tun.ko'], dep: ['kernel/drivers/net/dummy.ko.zst:'] });
    expect(readTunnelFacts(root, (m) => m === 'vxlan')).toEqual({ tunDevice: true, tun: 'loaded', vxlan: 'loadable' });
    expect(readTunnelFacts(root, () => false).vxlan).toBe('missing');
    const zst = hostWith([], { dep: ['kernel/drivers/net/vxlan/vxlan.ko.zst: kernel/net/ipv4/udp_tunnel.ko.zst'] });
    expect(readTunnelFacts(zst, noModprobe).vxlan).toBe('loadable');
  });

  test('a module named only as a dependency of another is not taken for loadable', () => {
    const root = hostWith([], { dep: ['kernel/drivers/net/other.ko: kernel/drivers/net/tun.ko'] });
    expect(readTunnelFacts(root, noModprobe).tun).toBe('missing');
  });

  test('says which part is missing and how to load it', () => {
    const noVxlan = checkTunnels(readTunnelFacts(hostWith(['dev/net/tun', 'sys/module/tun']), noModprobe));
    expect([noVxlan.ok, noVxlan.detail, noVxlan.fix]).toEqual([
      false,
      'missing the vxlan driver: the tunnel exercise (ex08) cannot run here; the others can',
      'sudo modprobe tun vxlan',
    ]);
    const nothing = checkTunnels(readTunnelFacts(hostWith([]), noModprobe));
    expect(nothing.detail).toBe('missing TUN in the kernel and the vxlan driver: the tunnel exercise (ex08) cannot run here; the others can');
    const noDevice = readTunnelFacts(hostWith(['sys/module/tun', 'sys/module/vxlan']), noModprobe);
    expect(checkTunnels(noDevice).detail).toMatch(/^missing \/dev\/net\/tun \(the TUN device\):/);
    expect(tunUsable(noDevice)).toBe(false);
  });
});
