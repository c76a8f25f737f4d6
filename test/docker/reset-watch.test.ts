import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Exercise } from '../../core/exercise.js';
import { loadExercise } from '../../core/load-exercise.js';
import type { HistoryRecord } from '../../history/history.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import { LABEL } from '../../runner/labels.js';
import { readHistory, restoreHistory } from '../../runner/shell-history.js';
import type { StartedLab } from '../../runner/started-lab.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { asLearner, engine, expectNoLabsOfThisProcess, image, kinds, root } from './lab-fixture.js';

// `grade reset` and `grade exNN --watch` as a learner runs them, on labs that `grade start` keeps. The
// labs are of copies of ex03 and ex01 under ids of their own (ex93, ex91), so that nobody else's
// running ex03 or ex01 lab on this engine is ever touched, nor mistaken for ours.
const bin = join(root, 'bin', 'grade.js');
const CLEAR = '\x1b[H\x1b[2J';
let exercises: string;
let ex93: Exercise;

function copyExercise(slug: string, id: string): string {
  const [from, ...topic] = slug.split('-');
  const to = join(exercises, [id, ...topic].join('-'));
  cpSync(join(root, 'exercises', slug), to, { recursive: true });
  const yaml = join(to, 'exercise.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(new RegExp(`^id: ${from}$`, 'm'), `id: ${id}`));
  return to;
}

function grade(args: string[]) {
  return execa('node', [bin, ...args], { cwd: tempDir('grade-reset-'), env: { NO_COLOR: '1', GRADE_EXERCISES: exercises }, reject: false, timeout: 120_000 });
}

/** `grade ex93 --watch`, on a terminal (util-linux `script` gives it a pty) or on pipes. */
function watch(onTerminal: boolean): ResultPromise<{ reject: false; all: true }> {
  const env = { NO_COLOR: '1', GRADE_EXERCISES: exercises };
  return onTerminal
    ? execa('script', ['-qfec', `node ${bin} ex93 --watch`, '/dev/null'], { env, reject: false, all: true, timeout: 120_000 })
    : execa('node', [bin, 'ex93', '--watch'], { env, reject: false, all: true, timeout: 120_000 });
}

/** Resolves once the output holds `text`. */
function outputShows(run: ResultPromise<{ reject: false; all: true }>, text: string): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    run.all.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
    run.then(() => reject(new Error(`the watch ended without showing "${text}":\n${seen}`)), reject);
  });
}

async function keptLab(): Promise<StartedLab> {
  const lab = await findKeptLab(engine, ex93, image);
  expect(lab).not.toBeNull();
  return lab!;
}

async function keptLabIds(id: string): Promise<string[]> {
  const found = await engine.listLabelled(LABEL.exercise, id);
  return found.containers.filter((c) => c.labels[LABEL.keep] === 'true').map((c) => c.labels[LABEL.lab]!);
}

/** The reference solution's commands, run on each node as the learner would (through the engine, not `grade shell`). */
async function applySolution(lab: StartedLab, only?: string): Promise<void> {
  for (const file of readdirSync(ex93.solutionDir).filter((f) => f.endsWith('.sh'))) {
    const node = file.replace(/\.sh$/, '');
    if (only !== undefined && node !== only) continue;
    const run = await asLearner(lab, node, readFileSync(join(ex93.solutionDir, file), 'utf8'));
    expect(run.exitCode, run.output).toBe(0);
  }
}

async function freshLab(): Promise<StartedLab> {
  const reset = await grade(['reset', 'ex93']);
  expect(reset.exitCode, reset.stderr).toBe(0);
  return keptLab();
}

describe('grade reset and grade exNN --watch', () => {
  beforeAll(async () => {
    exercises = tempDir('grade-reset-exercises-');
    ex93 = loadExercise(copyExercise('ex03-bridge-masquerade', 'ex93'), kinds);
    copyExercise('ex01-default-gateway', 'ex91');
    expect(await keptLabIds('ex93')).toEqual([]);
    const start = await grade(['start', 'ex93']);
    expect(start.exitCode, start.stderr).toBe(0);
  });

  afterAll(async () => {
    for (const id of ['ex93', 'ex91']) await grade(['stop', id]);
    expect([...(await keptLabIds('ex93')), ...(await keptLabIds('ex91'))]).toEqual([]);
    await expectNoLabsOfThisProcess();
    removeTempDirs();
  });

  test('a lab reset gives a fresh lab that fails again, and keeps the shell history', async () => {
    const lab = await keptLab();
    await applySolution(lab);
    expect((await grade(['ex93'])).exitCode).toBe(0);
    const at = Date.parse('2025-01-02T03:04:05Z');
    const records: HistoryRecord[] = ['red', 'host'].flatMap((node, s) =>
      ['ip addr', 'ip route\nip link', 'false'].map((command, k) => ({ node, session: `${at}-${s}`, time: new Date(at + s * 10 + k).toISOString(), durationMs: k, exitCode: command === 'false' ? 1 : 0, command })),
    );
    await restoreHistory(lab, records);
    const reset = await grade(['reset', 'ex93']);
    expect(reset.exitCode, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/^ex93 is a fresh lab again \(ex93-\w+, [\d.]+ s\): .*your shell history \(6 commands\) is kept\.$/m);
    // Every node is made again inside the same container: the lab keeps its id.
    const fresh = await keptLab();
    expect(fresh.id).toBe(lab.id);
    expect(await keptLabIds('ex93')).toEqual([fresh.id]);
    expect(await readHistory(fresh)).toEqual(records);
    const check = await grade(['ex93']);
    expect(check.exitCode, check.stdout).toBe(1);
    expect(check.stdout).toMatch(/FAIL +0\/18 points/);
  });

  test('a lab started for a variant is made again for the same variant', async () => {
    expect((await grade(['start', 'ex91', '--variant', 'alice'])).exitCode).toBe(0);
    const reset = await grade(['reset', 'ex91']);
    expect(reset.exitCode, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/^ex91 is a fresh lab again \(variant alice\)/);
    const found = await engine.listLabelled(LABEL.exercise, 'ex91');
    expect(found.containers.map((c) => c.labels[LABEL.variant])).toEqual(['alice']);
    expect((await grade(['stop', 'ex91'])).exitCode).toBe(0);
  });

  test('a node reset puts only that node back as planned: addresses, routes, its namespaces, rules and processes', async () => {
    const lab = await freshLab();
    const red = await asLearner(lab, 'red', [
      'ip addr add 192.168.15.2/24 dev eth0 && ip route add default via 192.168.15.5',
      'ip netns add NS1 && ip netns add NS2 && ip netns exec NS1 ip link set lo up',
      'echo 1 > /proc/sys/net/ipv4/ip_forward && iptables -A INPUT -s 198.51.100.1 -j DROP',
      'setsid sleep 1000 >/dev/null 2>&1 < /dev/null &',
    ].join('\n'));
    expect(red.exitCode, red.output).toBe(0);
    expect((await asLearner(lab, 'blue', 'ip addr add 192.168.15.3/24 dev eth0 && ip route add default via 192.168.15.5')).exitCode).toBe(0);
    await applySolution(lab, 'host');
    const reset = await grade(['reset', 'ex93', 'red']);
    expect(reset.exitCode, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/^red of ex93 is back as the lab started it \([\d.]+ s\); the other nodes kept their state\.$/m);
    const after = await asLearner(lab, 'red', 'ip -4 -o addr show dev eth0; ip link show dev eth0 | grep -c "state UP"; echo "routes: $(ip route | wc -l)"; echo "netns: $(ip netns list | wc -l)"; cat /proc/sys/net/ipv4/ip_forward; iptables -S INPUT; pgrep -c sleep || true');
    expect(after.stdout.trim().split('\n')).toEqual(['1', 'routes: 0', 'netns: 0', '0', '-P INPUT ACCEPT', '0']);
    const blue = await asLearner(lab, 'blue', 'ip -4 -o addr show dev eth0; ip route show default');
    expect(blue.stdout).toContain('inet 192.168.15.3/24');
    expect(blue.stdout).toContain('default via 192.168.15.5 dev eth0');
    // Its link to the switch is made again: red meets blue across host's bridge as soon as it has its address back.
    const ping = await asLearner(lab, 'red', 'ip addr add 192.168.15.2/24 dev eth0 && ping -c 1 -W 2 192.168.15.3');
    expect(ping.exitCode, ping.output).toBe(0);
    // A router's planned address comes back; what the learner built on it does not.
    expect((await grade(['reset', 'ex93', 'host'])).exitCode).toBe(0);
    const host = await asLearner(lab, 'host', 'ip -4 -o addr show dev eth0; ip link show v-net-0 2>&1; iptables -t nat -S POSTROUTING');
    expect(host.stdout).toContain('inet 192.168.1.2/24');
    expect(host.output).toContain('Device "v-net-0" does not exist');
    expect(host.stdout).not.toContain('MASQUERADE');
  });

  test("a lab node's reset brings its services back, and the solved lab still passes", async () => {
    const lab = await freshLab();
    await applySolution(lab);
    const reset = await grade(['reset', 'ex93', 'lan-server']);
    expect(reset.stdout).toMatch(/^lan-server of ex93 is back as the lab started it, its services running again/);
    const check = await grade(['ex93']);
    expect(check.exitCode, check.stdout).toBe(0);
  });

  test('on a terminal, --watch redraws the checklist in place, shows what began to pass, and ends with 0 once all pass', async () => {
    const lab = await freshLab();
    const run = watch(true);
    await outputShows(run, 'Watching ex93: checked at');
    await applySolution(lab);
    const { exitCode, all } = await run;
    expect(exitCode, all).toBe(0);
    expect(all.split(CLEAR).length).toBeGreaterThanOrEqual(3);
    const last = all.slice(all.lastIndexOf(CLEAR));
    expect(last).toContain('Every check passes: stopped watching.');
    expect(all).toMatch(/Changed since the last check:[\s\S]*▲ now passing +red can ping blue/);
    expect(last).toMatch(/PASS +18\/18 points/);
  });

  test('without a terminal, --watch prints one line, then only the changes', async () => {
    const lab = await freshLab();
    const run = watch(false);
    await outputShows(run, 'Watching ex93');
    await applySolution(lab);
    const { exitCode, stdout } = await run;
    expect(exitCode, stdout).toBe(0);
    expect(stdout).not.toContain('\x1b[');
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('Watching ex93: 0/18 points, 0 of 10 checks pass; checking again every 3 s and after each command; Ctrl-C stops watching, the lab keeps running.');
    expect(lines.at(-1)).toBe('Every check of ex93 passes (18/18 points): stopped watching.');
    for (const check of ex93.checks) expect(lines.filter((l) => l.includes(`(${check.id})`)), check.id).toHaveLength(1);
    expect(lines.filter((l) => /now passing/.test(l))).toHaveLength(ex93.checks.length);
    expect(stdout).not.toMatch(/expected:|hint:/);
  });

  test('Ctrl-C stops watching with 130 and leaves the lab running', async () => {
    const lab = await freshLab();
    const run = watch(false);
    await outputShows(run, 'Watching ex93');
    run.kill('SIGINT');
    const { exitCode, stderr } = await run;
    expect(exitCode).toBe(130);
    expect(stderr).toContain('Stopped watching; the ex93 lab keeps running');
    expect(stderr).not.toContain('removing the lab');
    expect(await keptLabIds('ex93')).toEqual([lab.id]);
    expect((await asLearner(lab, 'red', 'true')).exitCode).toBe(0);
  });
});
