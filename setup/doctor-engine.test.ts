import { describe, expect, test } from 'vitest';
import { baseImageRef } from './base-image.js';
import { labImageRef } from '../runner/lab-image.js';
import { FakeEngine } from '../test/support/fake-engine.js';
import { runDoctor } from './doctor.js';

const byName = (items: Awaited<ReturnType<typeof runDoctor>>, name: string) => items.find((i) => i.name === name);

describe('grade doctor through the one Engine interface', () => {
  test('an engine that does not answer: said once, the engine lines not checked', async () => {
    const engine = new FakeEngine().fail('probe', Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), { code: 'ECONNREFUSED' }));
    const items = await runDoctor(engine);
    expect(byName(items, 'engine')?.ok).toBe(false);
    expect(byName(items, 'engine')?.detail).toMatch(/^not reachable at .*: connect ECONNREFUSED/);
    expect(byName(items, 'engine version')).toEqual({ name: 'engine version', ok: false, detail: 'not checked: the engine is not reachable' });
    expect(engine.methods().filter((m) => m !== 'probe')).toEqual([]);
  });

  test('an engine with both images: its version, the images present, its security options read', async () => {
    const engine = new FakeEngine([baseImageRef(), labImageRef()]);
    engine.engineInfo = { securityOptions: ['name=seccomp,profile=default', 'name=rootless'] };
    const items = await runDoctor(engine);
    expect(byName(items, 'engine version')?.detail).toBe('Docker 20.10.24, API 1.41 (min 1.12), linux/amd64');
    expect([byName(items, 'base image')?.ok, byName(items, 'lab image')?.ok]).toEqual([true, true]);
    expect(byName(items, 'engine security')?.ok).toBe(false);
    expect(byName(items, 'engine security')?.detail).toMatch(/runs rootless/);
  });

  test('the lab image missing: says which other grade-lab tags there are', async () => {
    const engine = new FakeEngine([baseImageRef()]);
    engine.addImage('grade-lab:0123456789ab');
    const lab = byName(await runDoctor(engine), 'lab image');
    expect(lab).toEqual({ name: 'lab image', ok: false, detail: expect.stringMatching(/missing \(only grade-lab:0123456789ab: built from other Dockerfile/), fix: 'npm run setup' });
  });
});
