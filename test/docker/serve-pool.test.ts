// `grade serve`'s warm pool for an exercise with variants (ex01 has params), against the real engine
// and lab image: a pooled lab is given its learner's variant on join, and what one learner did in
// their lab is nowhere in the lab the next learner takes from the pool: its nodes' addresses, routes,
// rules, firewall, processes, mounts and files equal those of a lab freshly made for that variant.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createContext } from '../../cli/context.js';
import { variantForms } from '../../cli/write-gradebook.js';
import { LabTracker } from '../../runner/lab-tracker.js';
import { planLab } from '../../runner/plan-lab.js';
import { provision } from '../../runner/provision.js';
import { readClassRoster } from '../../serve/class-roster.js';
import { startServer, type RunningServer } from '../../serve/start-server.js';
import { labState } from '../support/lab-state.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { asLearner, engine, exercise, expectNoLabsOfThisProcess, image, kinds } from './lab-fixture.js';

vi.setConfig({ testTimeout: 600_000 });

const ex01 = exercise('ex01-default-gateway');
const tracker = new LabTracker();
let server: RunningServer;

beforeAll(async () => {
  const dir = tempDir('grade-serve-pool-');
  const roster = join(dir, 'roster.csv');
  writeFileSync(roster, 'ann,Ann\nben,Ben\n');
  const ctx = createContext({ color: false, lang: 'en' });
  const options = { roster, exercises: ['ex01'], host: '127.0.0.1', port: 0, publicUrl: null, state: join(dir, 'state'), maxLabs: 3, idleMinutes: 30, linkHours: 1, pool: 1 };
  server = await startServer(options, { exercises: [ex01], roster: readClassRoster(roster), forms: variantForms(ctx), kinds, engine, image, tracker, lang: 'en', log: () => undefined });
});

afterAll(async () => {
  await server?.close();
  await expectNoLabsOfThisProcess();
  removeTempDirs();
});

/** What a learner leaves behind when they try to: an address, a route, a policy rule, firewall rules, a process, files, a namespace, a mount. */
const TRACES = [
  'ip addr add 198.51.100.77/32 dev lo',
  'ip route add 198.51.100.0/24 dev lo',
  'ip rule add from 198.51.100.77 table 77',
  'iptables -A INPUT -s 198.51.100.9 -j DROP',
  'nft add table inet annleak',
  'setsid sleep 3600 </dev/null >/dev/null 2>&1 &',
  'for d in /etc /root /var /home /run /tmp /dev/shm; do echo ann > "$d/ann-was-here"; done',
  'ip netns add annleak',
  'mkdir -p /root/annmnt && mount -t tmpfs annleak /root/annmnt',
].join('\n');

describe('grade serve: the warm pool of an exercise with variants', () => {
  test('a pooled lab takes its learner\'s variant and holds nothing of the learner before', async () => {
    await server.room.poolReady();
    const ann = await server.room.labOf('ann', 'en');
    expect(ann.lab.plan.exercise.variant).toBe('ann');
    const learnerNodes = ex01.nodes.filter((n) => n.owner === 'learner').map((n) => n.name);
    for (const node of learnerNodes) {
      const r = await asLearner(ann.lab, node, TRACES);
      expect(r.exitCode, `${node}: ${r.output}`).toBe(0);
    }
    // The pool refills while Ann works; Ben takes the refilled lab.
    await server.room.poolReady();
    const ben = await server.room.labOf('ben', 'en');
    expect(ben.lab.containerId).not.toBe(ann.lab.containerId);
    expect(ben.lab.plan.exercise.variant).toBe('ben');
    const fresh = await provision(engine, planLab(ben.exercise, { image }), { onCreated: (l) => tracker.add(l) });
    try {
      const [pooledState, freshState] = [await labState(ben.lab), await labState(fresh)];
      expect(pooledState).toEqual(freshState);
      const seen = JSON.stringify(pooledState);
      for (const trace of ['198.51.100', 'annleak', 'ann-was-here', 'sleep']) expect(seen).not.toContain(trace);
      // Ann's variant's own addresses are not in Ben's lab, where the two variants differ.
      const annAddresses = ann.exercise.nodes.flatMap((n) => n.interfaces.flatMap((i) => i.addresses));
      const benAddresses = new Set(ben.exercise.nodes.flatMap((n) => n.interfaces.flatMap((i) => i.addresses)));
      for (const a of annAddresses.filter((x) => !benAddresses.has(x))) expect(seen).not.toContain(`${a.split('/')[0]}/`);
      // And Ann's traces are still in her own lab: the comparison can see them.
      expect(JSON.stringify(await labState(ann.lab))).toContain('annleak');
    } finally {
      await fresh.dispose();
      tracker.remove(fresh);
    }
  });
});
