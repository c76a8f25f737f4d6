import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { describe, expect, test } from 'vitest';
import { FakeEngine } from '../test/support/fake-engine.js';
import { dropClaim, writeClaim } from './lab-claims.js';
import { LABEL } from './labels.js';
import { labScope } from './lab-scope.js';
import { reapLabs, removeLabs } from './reaper.js';

// A process that has already exited: its pid names nobody (or, rarely, a newcomer; then the test is merely weaker).
const DEAD = spawnSync('true').pid!;
const HERE = hostname();

function labels(lab: string, owner: { pid?: number; host?: string; keep?: boolean } = {}): Record<string, string> {
  return {
    [LABEL.lab]: lab,
    [LABEL.exercise]: lab.split('-')[0]!,
    [LABEL.ownerPid]: String(owner.pid ?? DEAD),
    [LABEL.ownerHost]: owner.host ?? HERE,
    [LABEL.keep]: owner.keep ? 'true' : 'false',
    ...(labScope() !== '' ? { [LABEL.scope]: labScope() } : {}),
  };
}

/** One lab of each sort the reaper must tell apart. */
function engineWithLabs() {
  const engine = new FakeEngine();
  const ids = {
    crashed: engine.addContainer(labels('ex01-crashed')),
    running: engine.addContainer(labels('ex01-running', { pid: process.pid })),
    kept: engine.addContainer(labels('ex01-kept', { keep: true })),
    elsewhere: engine.addContainer(labels('ex01-elsewhere', { host: `not-${HERE}` })),
    unlabelled: engine.addContainer({ 'com.example.other': 'x' }),
  };
  return { engine, ids };
}

describe('reapLabs', () => {
  test("removes labs whose owner is dead on this host; spares live, kept and other hosts' labs", async () => {
    const { engine, ids } = engineWithLabs();
    expect(await reapLabs(engine)).toEqual(['ex01-crashed']);
    expect([...engine.containers.keys()].sort()).toEqual([ids.running, ids.kept, ids.elsewhere, ids.unlabelled].sort());
  });

  test('includeKept (grade clean) removes every lab of its scope on the engine, and nothing else', async () => {
    const { engine, ids } = engineWithLabs();
    expect(await reapLabs(engine, { includeKept: true })).toEqual(['ex01-crashed', 'ex01-elsewhere', 'ex01-kept', 'ex01-running']);
    expect([...engine.containers.keys()]).toEqual([ids.unlabelled]);
  });

  test("grade clean leaves another scope's labs alone: a student's open lab survives the test suite's clean", async () => {
    const engine = new FakeEngine();
    const theirs = { ...labels('ex01-students', { keep: true, pid: process.pid }), [LABEL.scope]: 'someone-else' };
    const student = engine.addContainer(theirs);
    engine.addContainer(labels('ex01-ours', { keep: true }));
    expect(await reapLabs(engine, { includeKept: true })).toEqual(['ex01-ours']);
    expect([...engine.containers.keys()]).toEqual([student]);
  });

  test('a lab without a usable owner pid counts as crashed', async () => {
    const engine = new FakeEngine();
    engine.addContainer({ ...labels('ex01-nopid'), [LABEL.ownerPid]: '' });
    engine.addContainer({ ...labels('ex01-zero'), [LABEL.ownerPid]: '0' });
    expect(await reapLabs(engine)).toEqual(['ex01-nopid', 'ex01-zero']);
  });

  test('Docker networks that older versions of grade labelled are removed with their lab', async () => {
    const engine = new FakeEngine();
    engine.addContainer(labels('ex01-old'));
    engine.addNetwork(labels('ex01-old'), 'grade-ex01-old-lan');
    engine.addNetwork(labels('ex02-netonly'), 'grade-ex02-netonly-wan');
    const spared = engine.addNetwork(labels('ex01-live', { pid: process.pid }), 'grade-ex01-live-lan');
    expect(await reapLabs(engine)).toEqual(['ex01-old', 'ex02-netonly']);
    expect(engine.containers.size).toBe(0);
    expect([...engine.networks.keys()]).toEqual([spared]);
  });

  test("a crashed grade serve's labs its state folder claims wait for its restart; unclaimed ones are reaped", async () => {
    const state = mkdtempSync(join(tmpdir(), 'grade-reaper-'));
    try {
      const engine = new FakeEngine();
      const claimedLab = engine.addContainer({ ...labels('ex01-claimed'), [LABEL.serveState]: state });
      engine.addContainer({ ...labels('ex01-pooled'), [LABEL.serveState]: state });
      // A relative folder in a label would depend on the reaper's working folder: never a claim.
      engine.addContainer({ ...labels('ex01-relative'), [LABEL.serveState]: 'grade-serve' });
      await writeClaim(state, { lab: 'ex01-claimed', learner: 'ann', exercise: 'ex01', joinedAt: null, lang: null });
      expect(await reapLabs(engine)).toEqual(['ex01-pooled', 'ex01-relative']);
      expect([...engine.containers.keys()]).toEqual([claimedLab]);
      // Once the claim is dropped (a normal stop, or the folder removed), the lab is an orphan again.
      await dropClaim(state, 'ex01-claimed');
      expect(await reapLabs(engine)).toEqual(['ex01-claimed']);
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });

  test('nothing to reap: an empty list and no removals', async () => {
    const engine = new FakeEngine();
    engine.addContainer(labels('ex01-live', { pid: process.pid }));
    expect(await reapLabs(engine)).toEqual([]);
    expect(engine.methods()).toEqual(['listLabelled']);
  });
});

describe('removeLabs', () => {
  test('reports only the labs it actually removed something of', async () => {
    const engine = new FakeEngine();
    engine.addContainer(labels('ex01-here'));
    const gone = engine.addContainer(labels('ex01-gone'));
    const found = await engine.listLabelled(LABEL.lab);
    // Removed by someone else (another `grade clean`) between the listing and the removal.
    engine.containers.delete(gone);
    expect(await removeLabs(engine, found, new Set(['ex01-here', 'ex01-gone']))).toEqual(['ex01-here']);
    expect(engine.calls.filter((c) => c.method === 'removeContainer')).toHaveLength(2);
  });

  test('only the labs asked for are touched', async () => {
    const engine = new FakeEngine();
    engine.addContainer(labels('ex01-a'));
    const b = engine.addContainer(labels('ex01-b'));
    expect(await removeLabs(engine, await engine.listLabelled(LABEL.lab), new Set(['ex01-a']))).toEqual(['ex01-a']);
    expect([...engine.containers.keys()]).toEqual([b]);
  });
});
