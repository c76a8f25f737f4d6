import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSecurity, readHostSecurity, renderDoctor, type SecurityFacts } from './doctor.js';

describe('renderDoctor', () => {
  const items = [
    { name: 'node', ok: true, detail: 'v20.20.2 (needs >=20.5)' },
    { name: 'lab image', ok: false, detail: 'grade-lab:abc missing', fix: 'npm run setup' },
  ];

  it('gives one line per item, with the fix for what failed', () => {
    expect(renderDoctor(items, { color: false }).split('\n')).toEqual([
      '✔ node       v20.20.2 (needs >=20.5)',
      '✘ lab image  grade-lab:abc missing  → npm run setup',
    ]);
  });

  it('colours only when asked', () => {
    expect(renderDoctor(items, { color: true })).toContain('\x1b[');
    expect(renderDoctor(items, { color: false })).not.toContain('\x1b[');
  });
});

describe('checkSecurity', () => {
  const dockerDefault = ['name=seccomp,profile=default', 'name=cgroupns'];
  const none: SecurityFacts = { apparmorFs: false, engine: { securityOptions: dockerDefault } };
  const byName = (items: ReturnType<typeof checkSecurity>, name: string) => items.find((i) => i.name === name);

  it('AppArmor on: labs run unconfined, and the line says what still protects the host', () => {
    const items = checkSecurity({
      apparmorParameter: 'Y',
      apparmorFs: true,
      engine: { securityOptions: ['name=apparmor', ...dockerDefault] },
    });
    const host = byName(items, 'host security');
    expect(host?.ok).toBe(true);
    expect(host?.detail).toMatch(/^AppArmor is enabled: lab containers run with apparmor=unconfined/);
    expect(host?.detail).toContain('docker-default profile denies the mounts');
    expect(host?.detail).toContain('capability bounding set');
    expect(host?.detail).toContain('read-only /proc/sys');
    expect(host?.detail).not.toContain('SELinux');
    const engine = byName(items, 'engine security');
    expect(engine?.ok).toBe(true);
    expect(engine?.detail).toContain('apparmor, seccomp (default profile), cgroupns');
  });

  it('AppArmor built in but not active (no securityfs entry) counts as off', () => {
    const host = byName(checkSecurity({ ...none, apparmorParameter: 'Y' }), 'host security');
    expect(host?.detail).toMatch(/^no AppArmor or SELinux on this host/);
  });

  it('AppArmor the engine reports but this host does not show (remote engine) is still reported', () => {
    const host = byName(checkSecurity({ ...none, engine: { securityOptions: ['name=apparmor'] } }), 'host security');
    expect(host?.detail).toMatch(/^AppArmor is enabled where the engine runs: .*apparmor=unconfined/);
  });

  it('SELinux enforcing: labs run with label=disable', () => {
    const items = checkSecurity({ ...none, selinuxEnforce: '1', engine: { securityOptions: ['name=selinux', ...dockerDefault] } });
    const host = byName(items, 'host security');
    expect(host?.ok).toBe(true);
    expect(host?.detail).toMatch(/^SELinux is enforcing: lab containers run with label=disable/);
    expect(host?.detail).toContain('capability bounding set');
    expect(byName(items, 'engine security')?.ok).toBe(true);
  });

  it('SELinux permissive: says so, and that label=disable applies all the same', () => {
    const host = byName(checkSecurity({ ...none, selinuxEnforce: '0' }), 'host security');
    expect(host?.ok).toBe(true);
    expect(host?.detail).toMatch(/^SELinux is permissive .*label=disable all the same/);
  });

  it('neither module: a plain ok line', () => {
    const items = checkSecurity(none);
    expect(byName(items, 'host security')).toEqual({
      name: 'host security',
      ok: true,
      detail: 'no AppArmor or SELinux on this host: nothing for lab containers to opt out of',
    });
    expect(byName(items, 'engine security')?.ok).toBe(true);
  });

  it('userns-remap: labs cannot work, with how to turn it off', () => {
    const engine = byName(checkSecurity({ ...none, engine: { securityOptions: [...dockerDefault, 'name=userns'] } }), 'engine security');
    expect(engine?.ok).toBe(false);
    expect(engine?.detail).toContain('userns-remap');
    expect(engine?.detail).toContain('labs cannot work');
    expect(engine?.fix).toContain('userns-remap');
    expect(engine?.fix).toContain('daemon.json');
  });

  it('rootless engine: labs cannot work, with how to use the system engine', () => {
    const engine = byName(checkSecurity({ ...none, engine: { securityOptions: [...dockerDefault, 'name=rootless'] } }), 'engine security');
    expect(engine?.ok).toBe(false);
    expect(engine?.detail).toContain('rootless');
    expect(engine?.detail).toContain('labs cannot work');
    expect(engine?.fix).toContain('unset DOCKER_HOST');
  });

  it('engine unreachable or silent: the host line still comes, the engine line says why not', () => {
    const unreachable = checkSecurity({ apparmorFs: false });
    expect(byName(unreachable, 'host security')?.ok).toBe(true);
    expect(byName(unreachable, 'engine security')).toMatchObject({ ok: false, detail: 'not checked: the engine is not reachable' });
    const failed = checkSecurity({ apparmorFs: false, engine: { error: 'boom' } });
    expect(byName(failed, 'engine security')?.detail).toContain('boom');
  });

  it('understands old engines that send bare names', () => {
    const items = checkSecurity({ apparmorFs: false, engine: { securityOptions: ['apparmor', 'seccomp'] } });
    expect(byName(items, 'host security')?.detail).toContain('apparmor=unconfined');
    expect(byName(items, 'engine security')?.detail).toContain('apparmor, seccomp');
  });
});

describe('readHostSecurity', () => {
  const root = mkdtempSync(join(tmpdir(), 'grade-doctor-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  it('reads nothing where nothing is', () => {
    expect(readHostSecurity(join(root, 'empty'))).toEqual({ apparmorParameter: undefined, apparmorFs: false, selinuxEnforce: undefined });
  });

  it('reads the module files, trimmed', () => {
    put('sys/module/apparmor/parameters/enabled', 'Y\n');
    mkdirSync(join(root, 'sys/kernel/security/apparmor'), { recursive: true });
    put('sys/fs/selinux/enforce', '0');
    expect(readHostSecurity(root)).toEqual({ apparmorParameter: 'Y', apparmorFs: true, selinuxEnforce: '0' });
  });
});
