import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeTempDirs, tempDir } from '../test/support/temp-dir.js';
import { checkTunnels, readTunnelFacts } from './tunnels.js';

afterAll(removeTempDirs);

function hostWith(...paths: string[]): string {
  const root = tempDir('grade-tunnels-');
  for (const p of paths) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    if (p.startsWith('dev/')) writeFileSync(join(root, p), '');
    else mkdirSync(join(root, p), { recursive: true });
  }
  return root;
}

describe('tunnels in grade doctor', () => {
  test('TUN built in (misc device) with its device node, and vxlan: ok', () => {
    const facts = readTunnelFacts(hostWith('dev/net/tun', 'sys/class/misc/tun', 'sys/module/vxlan'));
    expect(facts).toEqual({ tunDevice: true, tun: true, vxlan: true });
    expect(checkTunnels(facts).ok).toBe(true);
  });

  test('says which part is missing and how to load it', () => {
    const noVxlan = checkTunnels(readTunnelFacts(hostWith('dev/net/tun', 'sys/module/tun')));
    expect([noVxlan.ok, noVxlan.detail, noVxlan.fix]).toEqual([
      false,
      'missing the vxlan driver: the tunnel exercise (ex08) cannot run here; the others can',
      'sudo modprobe tun vxlan',
    ]);
    const nothing = checkTunnels(readTunnelFacts(hostWith()));
    expect(nothing.detail).toBe('missing TUN in the kernel and the vxlan driver: the tunnel exercise (ex08) cannot run here; the others can');
    const noDevice = checkTunnels(readTunnelFacts(hostWith('sys/module/tun', 'sys/module/vxlan')));
    expect(noDevice.detail).toMatch(/^missing \/dev\/net\/tun \(the TUN device\):/);
  });
});
