// One `grade serve` for several exercises (--exercise ex01 --exercise ex03): each learner has a lab of
// their own for each, picked on the page (?ex=); the dashboard and the sockets are per exercise, an
// exercise the server does not serve is refused. Against the real engine and lab image.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createContext } from '../../cli/context.js';
import { variantForms } from '../../cli/write-gradebook.js';
import { LabTracker } from '../../runner/lab-tracker.js';
import { readClassRoster } from '../../serve/class-roster.js';
import { joinLink } from '../../serve/join-links.js';
import { startServer, type RunningServer } from '../../serve/start-server.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { TestSocket, get, join as joinAs } from '../support/serve-client.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, kinds } from './lab-fixture.js';

vi.setConfig({ testTimeout: 600_000 });

const tracker = new LabTracker();
let server: RunningServer;

beforeAll(async () => {
  const dir = tempDir('grade-serve-exercises-');
  const roster = join(dir, 'roster.csv');
  writeFileSync(roster, 'ann,Ann\n');
  const ctx = createContext({ color: false, lang: 'en' });
  const options = { roster, exercises: ['ex01', 'ex03'], host: '127.0.0.1', port: 0, publicUrl: null, state: join(dir, 'state'), maxLabs: 2, idleMinutes: 30, linkHours: 1, pool: 0 };
  const exercises = [exercise('ex01-default-gateway'), exercise('ex03-bridge-masquerade')];
  server = await startServer(options, { exercises, roster: readClassRoster(roster), forms: variantForms(ctx), kinds, engine, image, tracker, lang: 'en', log: () => undefined });
});

afterAll(async () => {
  await server?.close();
  await expectNoLabsOfThisProcess();
  removeTempDirs();
});

describe('grade serve: several exercises on one server', () => {
  test('a learner picks an exercise on the page and gets a lab of its own for each; the dashboard is per exercise', async () => {
    const ann = await joinAs(joinLink(server.url, server.secret(), { id: 'ann', role: 'learner' }, 1), '/learn');
    const first = await (await get(ann, '/learn')).text();
    expect(first).toContain('<nav id="exercises"><strong>ex01</strong> <a href="/learn?ex=ex03">ex03</a></nav>');
    const second = await (await get(ann, '/learn?ex=ex03')).text();
    expect(second).toContain('<h1>ex03 ');
    expect(second).toContain('src="/api/learner/map.svg?ex=ex03"');
    // A terminal of each exercise's own node: the two labs are two, with each exercise's nodes.
    for (const [ex, node] of [['ex01', 'host-a'], ['ex03', exercise('ex03-bridge-masquerade').nodes.find((n) => n.owner === 'learner')!.name]] as const) {
      const term = await TestSocket.open(ann, `/ws/learner/terminal/${node}?cols=100&rows=30&ex=${ex}`);
      await term.until(() => /# $/m.test(term.text()), 300_000);
      term.close();
    }
    const [ex01Lab, ex03Lab] = await Promise.all([server.rooms.get('ex01')!.runningLab('ann')!, server.rooms.get('ex03')!.runningLab('ann')!]);
    expect(ex01Lab.lab.containerId).not.toBe(ex03Lab.lab.containerId);
    expect([ex01Lab.exercise.id, ex03Lab.exercise.id]).toEqual(['ex01', 'ex03']);
    // The one cap counts both exercises' labs: a third lab would pass it.
    expect(server.rooms.get('ex01')!.labsInUse()).toBe(2);

    const refused = await get(ann, '/api/learner/checklist?ex=ex99');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/serves ex01, ex03/);

    const teacher = await joinAs(server.teacherLink, '/teacher');
    const view = (await (await get(teacher, '/api/teacher/class?ex=ex03')).json()) as { exercise: { id: string }; learners: { id: string; running: boolean }[] };
    expect(view.exercise.id).toBe('ex03');
    expect(view.learners).toMatchObject([{ id: 'ann', running: true }]);
    expect(await (await get(teacher, '/teacher?ex=ex03')).text()).toContain('<a href="/teacher?ex=ex01">ex01</a> <strong>ex03</strong>');
  });
});
