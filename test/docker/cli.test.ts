import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { validateResult } from '../../reports/validate-result.js';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { engine, exercise, expectNoLabsOfThisProcess, root } from './lab-fixture.js';
import { LABEL } from '../../runner/labels.js';
import { inScope } from '../../runner/lab-scope.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

// The CLI as a person runs it: the built bin, real engine, exit codes and files.
const bin = join(root, 'bin', 'grade.js');
const ex01 = join(root, 'exercises', 'ex01-default-gateway');

/** A learner's copy of one of ex01's own solutions: ex01 has params, so its files are templates, rendered here as the lesson's. */
function copyRendered(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const f of readSubmissionFor(exercise('ex01-default-gateway'), from).files) writeFileSync(join(to, `${f.node}.sh`), f.text);
}

function grade(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  return execa('node', [bin, ...args], {
    cwd: options.cwd ?? tempDir('grade-cli-'),
    env: { NO_COLOR: '1', ...options.env },
    reject: false,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
}

/**
 * The labs of an exercise that `grade start` keeps running in this run's scope: a lab the student has
 * open (their own scope), or another run's, is none of this test's business.
 */
async function keptLabsOf(exercise: string): Promise<string[]> {
  const found = await engine.listLabelled(LABEL.exercise, exercise);
  return [...found.containers, ...found.networks].filter((r) => r.labels[LABEL.keep] === 'true' && inScope(r.labels)).map((r) => r.labels[LABEL.lab]!);
}

describe('the grade command line', () => {
  afterAll(expectNoLabsOfThisProcess);
  afterAll(removeTempDirs);

  test('grading the reference exits 0, prints every check and writes the HTML report where it says', async () => {
    const cwd = tempDir('grade-cli-');
    const run = await grade(['ex01', '--submission', join(ex01, 'solution')], { cwd });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/12\/12 points/);
    const reportLine = /Full report: (\S+)/.exec(run.stdout);
    expect(reportLine).not.toBeNull();
    const html = readFileSync(join(cwd, reportLine![1]!), 'utf8');
    expect(html).toContain('<svg');
    expect(existsSync(join(cwd, 'grade-reports', 'ex01-default-gateway', 'solution', 'result.json'))).toBe(true);
  });

  test('a wrong case exits 1; --json prints only a valid result on stdout; --out chooses the folder', async () => {
    const out = tempDir('grade-out-');
    const run = await grade(['ex01-default-gateway', '--submission', join(ex01, 'wrong', 'wan-only'), '--json', '--out', out, '--junit', join(out, 'checks.xml')]);
    expect(run.exitCode).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(validateResult(result)).toEqual({ ok: true });
    expect(result.status).toBe('fail');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(readFileSync(join(out, 'checks.xml'), 'utf8').match(/<failure/g)).toHaveLength(4);
    expect(run.stderr).toContain(join(out, 'report.html').split('/').pop());
  });

  test('mistakes a person can make get one sentence and exit 2', async () => {
    const unknown = await grade(['ex99']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr.trim()).toMatch(/^grade: There is no exercise "ex99"; known exercises: ex00(, ex\d\d)* \(see `grade list`\)\.$/);
    const sub = tempDir('grade-sub-');
    writeFileSync(join(sub, 'host-c.sh'), 'ip route\n');
    const badNode = await grade(['ex01', '--submission', sub]);
    expect(badNode.exitCode).toBe(2);
    expect(badNode.stderr).toMatch(/host-c\.sh is for a node "host-c" this exercise does not have; name files after its nodes: host-a\.sh, host-b\.sh\./);
    const missing = await grade(['ex01', '--submission', join(sub, 'nope')]);
    expect([missing.exitCode, missing.stderr.split('\n').filter(Boolean).length]).toEqual([2, 1]);
    const badShell = await grade(['shell', 'ex01', 'host-z']);
    expect(badShell.stderr).toMatch(/ex01 has no node "host-z"; its nodes are router, host-a/);
    expect(badShell.exitCode).toBe(2);
  });

  test('batch grades every learner in a fresh lab, keeps going past an invalid folder, and writes grades.csv', async () => {
    const cwd = tempDir('grade-batch-');
    copyRendered(join(ex01, 'solution'), join(cwd, 'subs', 'alice'));
    copyRendered(join(ex01, 'wrong', 'wan-only'), join(cwd, 'subs', 'bob'));
    copyRendered(join(ex01, 'solution'), join(cwd, 'subs', 'carol'));
    writeFileSync(join(cwd, 'subs', 'carol', 'host-z.sh'), 'ip route\n');
    const run = await grade(['batch', 'ex01', 'subs', '--out', 'grades'], { cwd });
    expect(run.exitCode, run.stderr).toBe(0);
    const csv = readFileSync(join(cwd, 'grades', 'grades.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^learner,name,ex01 score,ex01 status,host-a-reaches-server-c,/);
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['alice,,12,pass', 'bob,,6,fail', 'carol,,,invalid']);
    expect(existsSync(join(cwd, 'grades', 'bob', 'ex01', 'report.html'))).toBe(true);
  });

  test('a malformed exercise file is reported with file, line and path, never a stack trace', async () => {
    const exercises = tempDir('grade-exs-');
    cpSync(ex01, join(exercises, 'ex01-default-gateway'), { recursive: true });
    const file = join(exercises, 'ex01-default-gateway', 'exercise.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('address: {{addr lan hostA}}/24', 'address: 192.168.1/24'));
    const run = await grade(['list'], { env: { GRADE_EXERCISES: exercises } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/exercise\.yaml:\d+: nodes\.host-a\.interfaces\.eth0\.address: must be an IPv4 address with a prefix length/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a submission with a file for a node the lab runs is refused with one sentence and exit 2', async () => {
    for (const [id, node] of [['ex03', 'lan-server'], ['ex04', 'client']] as const) {
      const dir = join(root, 'test', 'tampering', id === 'ex03' ? 'ex03-configures-lan-server' : 'ex04-configures-client');
      const run = await grade([id, '--submission', dir]);
      expect(run.exitCode, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`${node}.sh is for ${node}, which the lab runs and the learner does not configure`);
    }
  });

  test('start, check the live lab, fix it in `grade shell`, check again, stop', async () => {
    expect(await keptLabsOf('ex01')).toEqual([]);
    const start = await grade(['start', 'ex01']);
    expect(start.exitCode, start.stderr).toBe(0);
    expect(start.stdout).toContain('npx grade shell ex01 host-a');
    expect(start.stdout).toContain('Give `host-a` and `host-b` a way to `server-c`');
    const again = await grade(['start', 'ex01']);
    expect([again.exitCode, again.stderr]).toEqual([2, expect.stringMatching(/already running/)]);
    try {
      const before = await grade(['ex01']);
      expect(before.exitCode).toBe(1);
      // What a learner types in `grade shell`, fed to the shell on its standard input.
      for (const node of ['host-a', 'host-b']) {
        const shell = await grade(['shell', 'ex01', node], { input: 'id -u\nsudo ip route add default via 192.168.1.1\nip route show default\nexit\n' });
        expect(shell.exitCode, shell.stderr).toBe(0);
        expect(shell.stdout).toMatch(/^0$/m);
        expect(shell.stdout).toContain('default via 192.168.1.1 dev eth0');
      }
      // A shell on the lab's own router can look but change nothing.
      const router = await grade(['shell', 'ex01', 'router'], { input: 'ip route add default via 203.0.113.10\nip -br addr show eth0\n' });
      expect(router.stderr).toMatch(/Operation not permitted/);
      expect(router.stdout).toMatch(/^eth0@\S+\s+UP\s+192\.168\.1\.1\/24/m);
      const after = await grade(['ex01']);
      expect(after.exitCode, after.stdout).toBe(0);
    } finally {
      const stop = await grade(['stop', 'ex01']);
      expect(stop.exitCode).toBe(0);
    }
    expect(await keptLabsOf('ex01')).toEqual([]);
    const idle = await grade(['stop', 'ex01']);
    expect([idle.exitCode, idle.stdout.trim()]).toEqual([0, 'No ex01 lab is running; nothing to stop.']);
  });

  test('clean removes a lab that `grade start` left running', async () => {
    const start = await grade(['start', 'ex02']);
    expect(start.exitCode, start.stderr).toBe(0);
    const [labId] = await keptLabsOf('ex02');
    expect(labId).toBeDefined();
    const clean = await grade(['clean']);
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toMatch(new RegExp(`^Removed \\d+ lab\\(s\\): .*\\b${labId}\\b`));
    expect(await engine.listLabelled(LABEL.lab, labId!)).toEqual({ containers: [], networks: [] });
    expect((await grade(['clean'])).stdout.trim()).toBe('No labs to remove.');
  });

  test('doctor ticks every prerequisite on this machine, and names the fix for an engine it cannot reach', async () => {
    const ok = await grade(['doctor']);
    expect(ok.exitCode, ok.stdout).toBe(0);
    const names = ok.stdout.trim().split('\n').map((l) => l.match(/^(✔|✘) (\S+(?: \S+)?)\s{2,}/)?.slice(1, 3));
    expect(names).toEqual(
      ['node', 'engine', 'socket permission', 'engine version', 'base image', 'lab image', 'lab runtime', 'learner budgets', 'host security', 'engine security', 'tunnels', 'build'].map((n) => ['✔', n]),
    );
    const socket = join(tempDir('grade-doctor-'), 'no-engine.sock');
    const down = await grade(['doctor'], { env: { DOCKER_HOST: `unix://${socket}` } });
    expect(down.exitCode).toBe(3);
    expect(down.stdout).toMatch(new RegExp(`^✘ engine +not reachable at unix://${socket}.*→ start the engine at unix://${socket}, or: unset DOCKER_HOST && npm run setup$`, 'm'));
  });
});
