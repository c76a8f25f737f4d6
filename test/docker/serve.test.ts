// `grade serve` against the real engine and lab image, driven over loopback HTTP and WebSockets the way
// the page drives it: a learner's terminal, the live checklist, reset, hand in, the teacher's gradebook;
// then every security rule (who may reach what, Origin, CSRF, CSP, expired and forged links, limits).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createContext } from '../../cli/context.js';
import { variantForms } from '../../cli/write-gradebook.js';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { LabTracker } from '../../runner/lab-tracker.js';
import { readClassRoster } from '../../serve/class-roster.js';
import { joinLink } from '../../serve/join-links.js';
import { signToken } from '../../serve/join-token.js';
import { openServerState } from '../../serve/server-state.js';
import { startServer, type RunningServer } from '../../serve/start-server.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { TestSocket, get, join as joinAs, post, type Session } from '../support/serve-client.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, kinds, root } from './lab-fixture.js';

// Checks on a shared, loaded machine take long: a verdict is waited for, never assumed.
vi.setConfig({ testTimeout: 600_000 });

const ex01 = exercise('ex01-default-gateway');
const ctx = createContext({ color: false, lang: 'en' });
let server: RunningServer;
let state: string;
let rosterFile: string;
const tracker = new LabTracker();

// A Canvas export, so the served Canvas gradebook can be compared with `grade batch --roster`'s.
const CANVAS = [
  'Student,ID,SIS User ID,SIS Login ID,Section,ex01 The default gateway (4521)',
  '    Points Possible,,,,,12',
  '"Kim, Alice",101,s101,alice,Net 1,',
  '"<img src=x onerror=alert(1)>",102,s102,bob,Net 1,',
  '"Carol",103,s103,carol,Net 1,',
].join('\n');

const link = (id: string, role: 'learner' | 'teacher' = 'learner', hours = 1) => joinLink(server.url, server.secret(), { id, role }, hours);

beforeAll(async () => {
  state = tempDir('grade-serve-');
  rosterFile = join(state, 'canvas.csv');
  writeFileSync(rosterFile, CANVAS);
  const options = { roster: rosterFile, exercises: ['ex01'], host: '127.0.0.1', port: 0, publicUrl: null, state: join(state, 'state'), maxLabs: 1, idleMinutes: 30, linkHours: 1, pool: 0 };
  server = await startServer(options, { exercises: [ex01], roster: readClassRoster(rosterFile), forms: variantForms(ctx), kinds, engine, image, tracker, lang: 'en', log: () => undefined });
});

afterAll(async () => {
  await server?.close();
  await expectNoLabsOfThisProcess();
  removeTempDirs();
});

/** The learner's own commands for a node, as their variant renders the reference solution. */
async function solutionLines(learner: string, node: string): Promise<string[]> {
  const lab = await server.room.labOf(learner, 'en');
  const file = readSubmissionFor(lab.exercise, lab.exercise.solutionDir).files.find((f) => f.node === node)!;
  return file.text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

type Checks = { t: string; status: string; checks: { id: string; status: string }[] };
const lastChecks = (s: TestSocket) => s.messages.filter((m) => m.t === 'checks').at(-1) as Checks | undefined;

describe('grade serve: a learner works in the page, the teacher sees it and downloads the gradebook', () => {
  let alice: Session;

  test('join, type the lesson\'s commands in the terminal, the checklist turns green', async () => {
    alice = await joinAs(link('101'), '/learn');
    const checklist = await TestSocket.open(alice, '/ws/learner/checklist');
    // A round the busy machine could not decide (error) is repeated by the server; the first verdict is a fail.
    await checklist.until(() => (lastChecks(checklist)?.status ?? 'error') !== 'error', 300_000);
    const first = lastChecks(checklist)!;
    expect(first.status).toBe('fail');
    expect(first.checks.filter((c) => c.status === 'error')).toEqual([]);
    for (const node of ['host-a', 'host-b']) {
      const term = await TestSocket.open(alice, `/ws/learner/terminal/${node}?cols=120&rows=30`);
      await term.until(() => /# $/m.test(term.text()));
      for (const line of await solutionLines('101', node)) term.type(`${line}\r`);
      term.type('echo typed-$((6*7))\r');
      await term.until(() => term.text().includes('typed-42'));
      term.close();
    }
    await checklist.until(() => lastChecks(checklist)?.status === 'pass', 400_000);
    expect(lastChecks(checklist)!.checks.every((c) => c.status === 'pass')).toBe(true);
    checklist.close();
  });

  test('a reload resumes the same shell, replaying only what it missed', async () => {
    const first = await TestSocket.open(alice, '/ws/learner/terminal/host-b');
    await first.until(() => first.messages.length > 0);
    const seq = first.messages.at(-1)!.seq as number;
    first.close();
    const again = await TestSocket.open(alice, `/ws/learner/terminal/host-b?since=${seq}`);
    again.type('echo marker-$((1+1))\r');
    await again.until(() => again.text().includes('marker-2'));
    // Only what came after `seq`: the earlier commands are not sent again.
    expect(again.text()).not.toContain('typed-42');
    expect(again.messages[0]).toMatchObject({ t: 'out' });
    again.close();
  });

  test('reset node: the node is fresh (its checks fail again), the history stays', async () => {
    const checklist = await TestSocket.open(alice, '/ws/learner/checklist');
    expect((await post(alice, '/api/learner/reset-node', { node: 'host-b' })).status).toBe(200);
    await checklist.until(() => lastChecks(checklist)?.checks.find((c) => c.id === 'host-b-route-wan')?.status === 'fail', 300_000);
    expect(lastChecks(checklist)!.checks.find((c) => c.id === 'host-a-route-wan')?.status).toBe('pass');
    checklist.close();
  });

  test('hand in: the history graded in a fresh lab, recorded; the dashboard and the Canvas gradebook show it as grade batch does', async () => {
    const res = await post(alice, '/api/learner/hand-in');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { report: { status: string; score: { earned: number; possible: number } } };
    // The history, not the lab's state: host-b's commands were typed, so the hand-in passes though the node was reset.
    expect(body.report.status).toBe('pass');
    const teacher = await joinAs(server.teacherLink, '/teacher');
    const view = (await (await get(teacher, '/api/teacher/class')).json()) as { learners: { id: string; state: string; handedIn: { earned: number } | null }[] };
    expect(view.learners.find((l) => l.id === '101')).toMatchObject({ state: 'handed-in', handedIn: { earned: body.report.score.earned } });
    const files = ((await (await get(teacher, '/api/teacher/gradebook')).json()) as { files: string[] }).files;
    expect(files).toContain('canvas-import.csv');
    const served = await (await get(teacher, '/api/teacher/gradebook/canvas-import.csv')).text();
    const out = tempDir('grade-serve-batch-');
    const batch = await execa('node', [join(root, 'bin/grade.js'), 'batch', 'ex01', join(state, 'state/class/submissions'), '--variants', '--roster', rosterFile, '--out', out, '--quiet'], { reject: false, env: { NO_COLOR: '1' } });
    expect(batch.exitCode, batch.stderr).toBe(0);
    expect(served).toBe(readFileSync(join(out, 'canvas-import.csv'), 'utf8'));
  });
});

describe('grade serve: security', () => {
  test('every route but a join link needs a session; a learner reaches no teacher route', async () => {
    for (const path of ['/learn', '/teacher', '/api/learner/checklist', '/api/teacher/class', '/api/teacher/gradebook/grades.csv', '/static/learner.js']) {
      expect((await fetch(server.url + path)).status, path).toBe(401);
    }
    const alice = await joinAs(link('101'), '/learn');
    for (const path of ['/teacher', '/api/teacher/class', '/api/teacher/gradebook']) expect((await get(alice, path)).status, path).toBe(403);
    expect((await post(alice, '/api/teacher/learner/102/stop')).status).toBe(403);
    await expect(TestSocket.open(alice, '/ws/teacher/watch/102/host-b')).rejects.toThrow(/refused: 403/);
    await expect(TestSocket.open({ base: server.url, cookie: '' }, '/ws/learner/terminal/host-b')).rejects.toThrow(/refused: 401/);
    // With the cap of one lab taken by Alice, Bob's page is a clear refusal, not a lab.
    const bob = await joinAs(link('102'), '/learn');
    const refused = await get(bob, '/learn');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/labs are all in use/);
  });

  test('forged, expired, rotated-out and unknown-learner links are refused', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const forged = link('101').replace(/\/join\/[^.]+/, `/join/${Buffer.from(JSON.stringify({ sub: '102', role: 'teacher', use: 'join', exp })).toString('base64url')}`);
    const expired = joinLink(server.url, server.secret(), { id: '101', role: 'learner' }, 1, Date.now() - 2 * 3600_000);
    const stranger = `${server.url}/join/${signToken(server.secret(), { sub: 'mallory', role: 'learner', use: 'join', exp })}`;
    const session = `${server.url}/join/${signToken(server.secret(), { sub: '101', role: 'learner', use: 'session', exp })}`;
    for (const bad of [forged, expired, stranger, session]) expect((await fetch(bad, { redirect: 'manual' })).status).toBe(403);
    // A cookie copied from a join link is not a session either.
    const token = link('101').split('/join/')[1]!;
    expect((await fetch(`${server.url}/learn`, { headers: { cookie: `grade_session=${token}` } })).status).toBe(401);
  });

  test('CSRF and Origin: a POST without the page\'s token or from another site, and a socket from another site, are refused', async () => {
    const alice = await joinAs(link('101'), '/learn');
    expect((await post(alice, '/api/learner/reset-lab', {}, { 'x-csrf-token': 'nope' })).status).toBe(403);
    expect((await post(alice, '/api/learner/reset-lab', {}, { origin: 'http://evil.example' })).status).toBe(403);
    await expect(TestSocket.open(alice, '/ws/learner/terminal/host-b', { origin: 'http://evil.example' })).rejects.toThrow(/refused: 403/);
    await expect(TestSocket.open(alice, '/ws/learner/terminal/host-b', {})).rejects.toThrow(/refused: 403/);
  });

  test('a strict CSP on every page, no inline script, learner text escaped', async () => {
    const teacher = await joinAs(server.teacherLink, '/teacher');
    const alice = await joinAs(link('101'), '/learn');
    for (const [s, path] of [[alice, '/learn'], [teacher, '/teacher']] as const) {
      const res = await get(s, path);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      const html = await res.text();
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    }
    // The dashboard's data carries learner names as JSON for textContent; the markup never holds them raw.
    const names = JSON.stringify(await (await get(teacher, '/api/teacher/class')).json());
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(await (await get(teacher, '/teacher')).text()).not.toContain('<img src=x');
  });

  test('a socket message too large or a flood of them closes the socket', async () => {
    const alice = await joinAs(link('101'), '/learn');
    const big = await TestSocket.open(alice, '/ws/learner/terminal/host-a');
    big.ws.send(JSON.stringify({ t: 'in', d: 'x'.repeat(70 * 1024) }));
    await big.until(() => big.closed !== null).catch(() => undefined);
    expect([1008, 1009]).toContain(big.closed?.code);
    const flood = await TestSocket.open(alice, '/ws/learner/terminal/host-a');
    for (let i = 0; i < 400; i++) flood.ws.send(JSON.stringify({ t: 'resize', cols: 80, rows: 24 }));
    await flood.until(() => flood.closed !== null).catch(() => undefined);
    expect(flood.closed?.code).toBe(1008);
  });

  test('rotating the secret revokes every link and session at once', async () => {
    const alice = await joinAs(link('101'), '/learn');
    const old = link('101');
    openServerState(join(state, 'state'), { rotate: true });
    expect((await get(alice, '/learn')).status).toBe(401);
    expect((await fetch(old, { redirect: 'manual' })).status).toBe(403);
    expect((await fetch(link('101'), { redirect: 'manual' })).status).toBe(303);
  });
});
