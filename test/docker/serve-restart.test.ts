// `grade serve` survives its own crash: the server process is killed (SIGKILL, no clean-up), started
// again on the same state folder, and the learner's link resumes the same lab (their files and shell
// history there), not a new one; a normal stop then leaves no lab and no claim behind. The server runs
// as the real CLI in a child process, against the real engine and lab image.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createContext } from '../../cli/context.js';
import { variantForms } from '../../cli/write-gradebook.js';
import { LABEL } from '../../runner/labels.js';
import { planLab } from '../../runner/plan-lab.js';
import { readHistory } from '../../runner/shell-history.js';
import { StartedLab } from '../../runner/started-lab.js';
import { joinLink } from '../../serve/join-links.js';
import { openServerState } from '../../serve/server-state.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { TestSocket, join as joinAs } from '../support/serve-client.js';
import { engine, exercise, image, root } from './lab-fixture.js';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 120_000 });

let dir: string;
let state: string;
let roster: string;
let port: number;
const children: ChildProcess[] = [];

/** A loopback port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

/** `grade serve` as a teacher starts it; resolves once it prints its dashboard link. */
function startServe(): Promise<{ child: ChildProcess; stderr: () => string; url: string }> {
  const child = spawn('node', [join(root, 'bin/grade.js'), 'serve', '--roster', roster, '--exercise', 'ex01', '--port', String(port), '--state', state], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /at (http:\/\/\S+)\n/.exec(out)?.[1];
      if (url && out.includes("teacher's dashboard")) resolve({ child, stderr: () => err, url });
    });
    child.once('exit', (code) => reject(new Error(`grade serve exited with ${code}: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));
}

/** The containers of this test's server (they carry its state folder), running or not. */
async function serverLabs() {
  return (await engine.listLabelled(LABEL.serveState, state)).containers;
}

beforeAll(async () => {
  dir = tempDir('grade-serve-restart-');
  state = join(dir, 'state');
  roster = join(dir, 'roster.csv');
  writeFileSync(roster, 'ann,Ann\n');
  port = await freePort();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  // Whatever a failed run left: only this test's server's labs, found by its state folder.
  await Promise.all((await serverLabs()).map((c) => engine.removeContainer(c.id)));
  removeTempDirs();
});

async function terminal(url: string): Promise<TestSocket> {
  const link = joinLink(url, openServerState(state).secret(), { id: 'ann', role: 'learner' }, 1);
  const term = await TestSocket.open(await joinAs(link, '/learn'), '/ws/learner/terminal/host-a?cols=120&rows=30');
  await term.until(() => /# $/m.test(term.text()), 300_000);
  return term;
}

describe('grade serve: a restart finds its labs again', () => {
  test('killed without clean-up, started again: the learner resumes the same lab; a normal stop leaves nothing', async () => {
    const first = await startServe();
    const before = await terminal(first.url);
    before.type('echo before-crash > /root/mark; echo typed-$((6*7))\r');
    await before.until(() => /typed-42[\s\S]*# $/.test(before.text()), 120_000);
    const [lab] = await serverLabs();
    expect(lab).toBeDefined();
    // The history is written when the command finishes: wait for it in the lab itself.
    const plan = planLab(variantForms(createContext({ color: false, lang: 'en' }))(exercise('ex01-default-gateway'), 'ann'), { image, labId: lab!.labels[LABEL.lab]!, token: lab!.labels[LABEL.token]! });
    const inLab = new StartedLab(engine, plan, lab!.id);
    await expect.poll(async () => (await readHistory(inLab)).some((r) => r.command.includes('typed-$((6*7))') && r.exitCode === 0), { timeout: 60_000, interval: 500 }).toBe(true);
    before.close();

    first.child.kill('SIGKILL');
    await exited(first.child);
    // The crash left the lab running, claimed by the state folder (so no other grade run reaps it).
    expect((await serverLabs()).map((c) => [c.id, c.running])).toEqual([[lab!.id, true]]);
    expect(readdirSync(join(state, 'labs'))).toEqual([`${lab!.labels[LABEL.lab]}.json`]);

    const second = await startServe();
    expect(second.stderr()).toContain('1 learner lab(s)');
    const after = await terminal(second.url);
    after.type('cat /root/mark\r');
    await after.until(() => after.text().includes('before-crash'), 120_000);
    after.close();
    // The same lab, not a second one; its shell history still holds what was typed before the crash.
    expect((await serverLabs()).map((c) => c.id)).toEqual([lab!.id]);
    expect((await readHistory(inLab)).map((r) => r.command)).toContain('echo before-crash > /root/mark; echo typed-$((6*7))');

    second.child.kill('SIGTERM');
    await exited(second.child);
    expect(await serverLabs()).toEqual([]);
    expect(readdirSync(join(state, 'labs'))).toEqual([]);
    // Its history is kept for when the learner comes back.
    expect(existsSync(join(state, 'history', 'ex01', 'ann.json'))).toBe(true);
    expect(readFileSync(join(state, 'history', 'ex01', 'ann.json'), 'utf8')).toContain('before-crash');
  });
});
