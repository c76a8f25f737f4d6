// `npm run bench -- serve [n] [exercise]`: n simulated learners on loopback WebSockets join `grade
// serve`, open a terminal, type a bounded script; measured: join to prompt (p50, p95), keystroke echo
// p95 with every terminal open, command finished to checklist updated, server RSS and memory per lab.
// Only loopback traffic. The server runs in this process, in its own GRADE_SCOPE and state folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { checkKinds } from '../checks/registry.js';
import { createContext } from '../cli/context.js';
import { variantForms } from '../cli/write-gradebook.js';
import { findExercise } from '../core/find-exercise.js';
import { DockerEngine } from '../runner/docker-engine.js';
import { labImageRef } from '../runner/lab-image.js';
import { LabTracker } from '../runner/lab-tracker.js';
import { readClassRoster } from '../serve/class-roster.js';
import { joinLink } from '../serve/join-links.js';
import { startServer } from '../serve/start-server.js';

const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

interface Learner {
  term: WebSocket;
  checks: WebSocket;
  out: string;
  lastChecklist: number;
  prompt: number;
}

async function connect(url: string, cookie: string, origin: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: { cookie, origin } });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  return ws;
}

async function joinOne(base: string, link: string, node: string, t0: number): Promise<Learner> {
  const res = await fetch(link, { redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const ws = base.replace(/^http/, 'ws');
  const term = await connect(`${ws}/ws/learner/terminal/${node}?cols=100&rows=30`, cookie, base);
  const checks = await connect(`${ws}/ws/learner/checklist`, cookie, base);
  const l: Learner = { term, checks, out: '', lastChecklist: 0, prompt: 0 };
  term.on('message', (raw: Buffer) => {
    const m = JSON.parse(raw.toString()) as { t: string; d?: string };
    if (m.t === 'out') l.out += Buffer.from(m.d ?? '', 'base64').toString('utf8');
  });
  checks.on('message', () => (l.lastChecklist = performance.now()));
  await until(() => /# $/.test(l.out.trimEnd() + ' '), 300_000);
  l.prompt = performance.now() - t0;
  return l;
}

async function until(done: () => boolean, limit: number): Promise<void> {
  const end = Date.now() + limit;
  while (!done()) {
    if (Date.now() > end) throw new Error('gave up waiting');
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Both runs' labs: an interrupted bench (Ctrl-C, a time limit's SIGTERM) still removes every one. */
const tracker = new LabTracker();

export async function benchServe(n: number, name: string): Promise<void> {
  tracker.installSignalHandlers();
  await benchServeOnce(n, name, 0);
  await benchServeOnce(n, name, n);
}

async function benchServeOnce(n: number, name: string, pool: number): Promise<void> {
  process.env.GRADE_SCOPE ??= `bench-serve-${process.pid}`;
  const kinds = checkKinds();
  const dir = mkdtempSync(join(tmpdir(), 'grade-bench-serve-'));
  const roster = join(dir, 'roster.csv');
  writeFileSync(roster, Array.from({ length: n }, (_, i) => `l${i + 1},Learner ${i + 1}`).join('\n'));
  const ctx = createContext({ color: false, lang: 'en' });
  const server = await startServer(
    { roster, exercises: [name], host: '127.0.0.1', port: 0, publicUrl: null, state: join(dir, 'state'), maxLabs: n + pool, idleMinutes: 60, linkHours: 1, pool },
    { exercises: [findExercise(name, kinds)], roster: readClassRoster(roster), forms: variantForms(ctx), kinds, engine: new DockerEngine(), image: labImageRef(), tracker, lang: 'en', log: (l) => process.stderr.write(`${l}\n`) },
  );
  try {
    await server.room.poolReady();
    const node = findExercise(name, kinds).nodes.find((x) => x.owner !== 'lab')!.name;
    const t0 = performance.now();
    const learners = await Promise.all(Array.from({ length: n }, (_, i) => joinOne(server.url, joinLink(server.url, server.secret(), { id: `l${i + 1}`, role: 'learner' }, 1), node, performance.now())));
    const joinTimes = learners.map((l) => l.prompt);
    process.stderr.write(`${n} learners at a prompt after ${ms(performance.now() - t0)}\n`);
    // Keystroke echo, every terminal open: one character at a time, each learner in turn.
    const echo: number[] = [];
    for (let round = 0; round < 5; round++) {
      await Promise.all(learners.map(async (l) => {
        const before = l.out.length;
        const t = performance.now();
        l.term.send(JSON.stringify({ t: 'in', d: 'x' }));
        await until(() => l.out.length > before, 30_000);
        echo.push(performance.now() - t);
        l.term.send(JSON.stringify({ t: 'in', d: '\x7f' }));
      }));
    }
    // A command finishing, then the checklist that follows it.
    const update: number[] = [];
    await Promise.all(learners.map(async (l, i) => {
      const marker = `done-${i}-${Date.now()}`;
      const seen = l.lastChecklist;
      l.term.send(JSON.stringify({ t: 'in', d: `ip link set lo up; echo ${marker.slice(0, 4)}""${marker.slice(4)}\r` }));
      await until(() => l.out.includes(marker), 120_000);
      const finished = performance.now();
      await until(() => l.lastChecklist > seen && l.lastChecklist >= finished - 1000, 300_000).catch(() => undefined);
      if (l.lastChecklist > seen) update.push(Math.max(0, l.lastChecklist - finished));
    }));
    const ours = new Set(await Promise.all(learners.map((_, i) => server.room.runningLab(`l${i + 1}`)!.then((l) => l.lab.plan.containerName))));
    const labs = execFileSync('docker', ['stats', '--no-stream', '--format', '{{.Name}} {{.MemUsage}}'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => ours.has(line.split(' ')[0] ?? ''))
      .map((line) => line.split(' ')[1] ?? '');
    const mib = labs.map((m) => (m.endsWith('GiB') ? parseFloat(m) * 1024 : m.endsWith('KiB') ? parseFloat(m) / 1024 : parseFloat(m))).filter((x) => Number.isFinite(x));
    console.log(`grade serve, ${n} learners, ${name}, ${pool ? `warm pool of ${pool}` : 'no warm pool (labs made on join)'}, load average ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ')}`);
    console.log(`join to prompt            p50 ${ms(pct(joinTimes, 50))}   p95 ${ms(pct(joinTimes, 95))}`);
    console.log(`keystroke echo            p50 ${ms(pct(echo, 50))}   p95 ${ms(pct(echo, 95))}   (${echo.length} keystrokes, ${n} terminals open)`);
    console.log(`command to checklist      p50 ${ms(pct(update, 50))}   p95 ${ms(pct(update, 95))}   (${update.length}/${n} updated)`);
    console.log(`server RSS                ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
    console.log(`memory per lab (docker)   median ${pct(mib, 50).toFixed(0)} MiB over this run's ${mib.length} labs`);
    for (const l of learners) (l.term.close(), l.checks.close());
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
