import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HistoryRecord } from '../../history/history.js';
import type { GradeResult } from '../../core/result.js';
import { LABEL } from '../../runner/labels.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { engine, exercise, root } from './lab-fixture.js';

// ex03's reference solution typed line by line into real `grade shell` sessions on a terminal (util-linux
// `script` gives each its pty), with inspection commands and a failing command between them: red's
// shell is left and opened again, and host has two shells open at once. Then the history holds every
// command with its status, the live check passes, and the exported folder passes in a fresh lab with
// the same score, with or without the commands that only look.
const bin = join(root, 'bin', 'grade.js');
const ex03 = exercise('ex03-bridge-masquerade');
const solution = (node: string) =>
  readFileSync(join(ex03.solutionDir, `${node}.sh`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));

function grade(args: string[]) {
  return execa('node', [bin, ...args], { cwd: work, env: { NO_COLOR: '1' }, reject: false, timeout: 120_000 });
}

/** An interactive `grade shell` on a pty: type a line, wait for the next prompt. */
class TerminalShell {
  private out = '';
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<number | null>;

  constructor(node: string) {
    this.proc = spawn('script', ['-qfec', `node ${bin} shell ex03 ${node}`, '/dev/null'], { cwd: work, env: { ...process.env, TERM: 'xterm', NO_COLOR: '1' } });
    this.proc.stdout.on('data', (d: Buffer) => (this.out += d.toString('utf8')));
    this.proc.stderr.on('data', (d: Buffer) => (this.out += d.toString('utf8')));
    this.exited = new Promise((resolve) => this.proc.on('close', resolve));
  }

  async ready(): Promise<this> {
    await this.prompt(0);
    return this;
  }

  async type(text: string): Promise<void> {
    const from = this.out.length;
    this.proc.stdin.write(text + '\n');
    await this.prompt(from);
  }

  async exit(): Promise<number | null> {
    this.proc.stdin.write('exit 0\n');
    const code = await this.exited;
    this.proc.stdin.end();
    return code;
  }

  private async prompt(from: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    // The prompt, "root@red:~# ", last on the screen once the escape codes are gone.
    while (!/@[a-z-]+:[^\n]*# $/.test(this.out.slice(from).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, ''))) {
      if (Date.now() > deadline) throw new Error(`no prompt after: ${this.out.slice(from)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

let work: string;
// What was typed on each node, in order, with the exit status it must have.
const typed: { node: string; command: string; exitCode: number }[] = [];
const LOOKS = ['ip -br a', 'ip route show', 'iptables -t nat -L -n', 'cat /proc/sys/net/ipv4/ip_forward', 'ping -c1 -W1 192.168.15.5', 'ls /no-such-dir'];

async function run(shell: TerminalShell, node: string, command: string, exitCode = 0) {
  await shell.type(command);
  typed.push({ node, command, exitCode });
}

describe('history and export: the reference typed in grade shell, exported, graded again', () => {
  let labId = '';
  let live: GradeResult;

  beforeAll(async () => {
    work = tempDir('grade-history-');
    const start = await grade(['start', 'ex03']);
    expect(start.exitCode, start.stderr).toBe(0);
    labId = (await engine.listLabelled(LABEL.exercise, 'ex03')).containers.find((c) => c.labels[LABEL.keep] === 'true')!.labels[LABEL.lab]!;

    // red: a look, the first line, leave; open again for the rest and a ping.
    let red = await new TerminalShell('red').ready();
    await run(red, 'red', LOOKS[0]!);
    const [redFirst, ...redRest] = solution('red');
    await run(red, 'red', redFirst!);
    expect(await red.exit()).toBe(0);
    red = await new TerminalShell('red').ready();
    for (const line of redRest) await run(red, 'red', line);
    await run(red, 'red', LOOKS[4]!, 1); // host has no 192.168.15.5 yet
    expect(await red.exit()).toBe(0);

    // host: two shells at once, the solution's lines alternating between them, a mistake and looks between.
    const a = await new TerminalShell('host').ready();
    const b = await new TerminalShell('host').ready();
    await run(a, 'host', 'ip link set nope up', 1);
    let turn = 0;
    for (const line of solution('host')) await run(turn++ % 2 === 0 ? a : b, 'host', line);
    await run(b, 'host', LOOKS[2]!);
    await run(a, 'host', LOOKS[3]!);
    await run(b, 'host', "cat > /root/notes.txt <<'EOF'\nbridge v-net-0 \"up\"\nEOF");
    await run(a, 'host', 'env | grep -c __grade', 1);
    expect(await a.exit()).toBe(0);
    expect(await b.exit()).toBe(0);

    // blue: the solution, then looks.
    const blue = await new TerminalShell('blue').ready();
    for (const line of solution('blue')) await run(blue, 'blue', line);
    await run(blue, 'blue', LOOKS[1]!);
    await run(blue, 'blue', LOOKS[5]!, 2);
    expect(await blue.exit()).toBe(0);
  });

  afterAll(async () => {
    const stop = await grade(['stop', 'ex03']);
    expect(stop.stdout).toMatch(/^Removed the ex03 lab/);
    const left = await engine.listLabelled(LABEL.lab, labId);
    expect(left.containers).toEqual([]);
    removeTempDirs();
  });

  test('grade history shows every command typed, on every node, with its exit status, and nothing else', async () => {
    const json = await grade(['history', 'ex03', '--json']);
    expect(json.exitCode, json.stderr).toBe(0);
    const records = JSON.parse(json.stdout) as HistoryRecord[];
    for (const node of ['red', 'host', 'blue']) {
      const own = typed.filter((t) => t.node === node);
      // Sessions' commands are merged by time; within a node the order is the order they were typed.
      expect(records.filter((r) => r.node === node).map((r) => [r.command, r.exitCode])).toEqual(own.map((t) => [t.command, t.exitCode]));
    }
    expect(records).toHaveLength(typed.length);
    expect(new Set(records.filter((r) => r.node === 'red').map((r) => r.session)).size).toBe(2);
    expect(new Set(records.filter((r) => r.node === 'host').map((r) => r.session)).size).toBe(2);

    const text = await grade(['history', 'ex03', 'host']);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/^\d\d:\d\d:\d\d {2}host {2}exit 1 {6}ip link set nope up$/m);
    expect(text.stdout).toMatch(/^\d\d:\d\d:\d\d {2}host {2}ok {10}sudo iptables -t nat -A POSTROUTING -s 192.168.15.0\/24 -j MASQUERADE$/m);
    expect(text.stdout).not.toMatch(/^\S+ {2}(red|blue) /m);
  });

  test('the live check passes and shows the typed commands per node', async () => {
    const check = await grade(['ex03', '--json']);
    live = JSON.parse(check.stdout) as GradeResult;
    expect(live.status, check.stdout).toBe('pass');
    expect(check.exitCode).toBe(0);
    const host = live.nodes.find((n) => n.name === 'host')!;
    expect(host.commands.map((c) => [c.text, c.status, c.exitCode])).toEqual(typed.filter((t) => t.node === 'host').map((t) => [t.command, t.exitCode === 0 ? 'ok' : 'failed', t.exitCode]));
    expect(live.nodes.find((n) => n.name === 'lan-server')!.commands).toEqual([]);
  });

  test('grade export writes the learner nodes as a submission that passes in a fresh lab with the same score', async () => {
    const out = join(work, 'exported');
    const exported = await grade(['export', 'ex03', out]);
    expect(exported.exitCode, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('--submission');
    expect(readdirSync(out).sort()).toEqual(['blue.sh', 'host.sh', 'red.sh']);
    const host = readFileSync(join(out, 'host.sh'), 'utf8');
    for (const line of solution('host')) expect(host).toContain(`${line}\n`);
    expect(host).toContain('# exit status 1 in the shell\nip link set nope up\n');
    expect(host).toContain(LOOKS[2]);

    const again = await grade(['export', 'ex03', out]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/^grade: host\.sh, red\.sh and blue\.sh already exist in exported; pass --force to overwrite them\.$/);
    expect((await grade(['export', 'ex03', out, '--force'])).exitCode).toBe(0);

    const check = await grade(['ex03', '--submission', out, '--json']);
    const fresh = JSON.parse(check.stdout) as GradeResult;
    expect(fresh.status, check.stdout).toBe('pass');
    expect(fresh.score).toEqual(live.score);
  });

  test('--changes-only leaves out the commands that only look, and still passes', async () => {
    const out = join(work, 'changes');
    const exported = await grade(['export', 'ex03', out, '--changes-only']);
    expect(exported.exitCode, exported.stderr).toBe(0);
    const files = Object.fromEntries(['red', 'host', 'blue'].map((n) => [n, readFileSync(join(out, `${n}.sh`), 'utf8')]));
    for (const look of LOOKS) for (const text of Object.values(files)) expect(text).not.toContain(look);
    for (const node of ['red', 'host', 'blue']) for (const line of solution(node)) expect(files[node]).toContain(`${line}\n`);
    expect(files.host).toContain('ip link set nope up');
    expect(files.host).toContain("cat > /root/notes.txt <<'EOF'\nbridge v-net-0 \"up\"\nEOF\n");
    expect(existsSync(join(out, 'lan-server.sh'))).toBe(false);

    const check = await grade(['ex03', '--submission', out, '--json']);
    const fresh = JSON.parse(check.stdout) as GradeResult;
    expect(fresh.status, check.stdout).toBe('pass');
    expect(fresh.score).toEqual(live.score);
  });
});
