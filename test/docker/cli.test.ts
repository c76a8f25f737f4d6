import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { validateResult } from '../../reports/validate-result.js';
import { engine, expectNoLabsOfThisProcess, root } from './lab-fixture.js';
import { LABEL } from '../../runner/labels.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';

// The CLI as a person runs it: the built bin, real engine, exit codes and files.
const bin = join(root, 'bin', 'grade.js');
const ex01 = join(root, 'exercises', 'ex01-default-gateway');

function grade(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return execa('node', [bin, ...args], { cwd: options.cwd ?? tempDir('grade-cli-'), env: { NO_COLOR: '1', ...options.env }, reject: false });
}

async function labsOf(exercise: string) {
  const found = await engine.listLabelled(LABEL.exercise, exercise);
  return found.containers.length + found.networks.length;
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
    expect(unknown.stderr.trim()).toMatch(/^grade: There is no exercise "ex99"; known exercises: ex01(, ex\d\d)* \(see `grade list`\)\.$/);
    const sub = tempDir('grade-sub-');
    writeFileSync(join(sub, 'host-c.sh'), 'ip route\n');
    const badNode = await grade(['ex01', '--submission', sub]);
    expect(badNode.exitCode).toBe(2);
    expect(badNode.stderr).toMatch(/host-c\.sh is for a node "host-c" this exercise does not have; name files after its nodes: router\.sh, host-a\.sh/);
    const missing = await grade(['ex01', '--submission', join(sub, 'nope')]);
    expect([missing.exitCode, missing.stderr.split('\n').filter(Boolean).length]).toEqual([2, 1]);
    const badShell = await grade(['shell', 'ex01', 'host-z']);
    expect(badShell.stderr).toMatch(/ex01 has no node "host-z"; its nodes are router, host-a/);
    expect(badShell.exitCode).toBe(2);
  });

  test('batch grades every learner in a fresh lab, keeps going past an invalid folder, and writes grades.csv', async () => {
    const cwd = tempDir('grade-batch-');
    cpSync(join(ex01, 'solution'), join(cwd, 'subs', 'alice'), { recursive: true });
    cpSync(join(ex01, 'wrong', 'wan-only'), join(cwd, 'subs', 'bob'), { recursive: true });
    cpSync(join(ex01, 'solution'), join(cwd, 'subs', 'carol'), { recursive: true });
    writeFileSync(join(cwd, 'subs', 'carol', 'host-z.sh'), 'ip route\n');
    const run = await grade(['batch', 'ex01', 'subs', '--out', 'grades'], { cwd });
    expect(run.exitCode, run.stderr).toBe(0);
    const csv = readFileSync(join(cwd, 'grades', 'grades.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^submission,status,earned,possible,host-a-reaches-server-c,/);
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['alice,pass,12,12', 'bob,fail,6,12', 'carol,invalid,,']);
    expect(existsSync(join(cwd, 'grades', 'bob', 'report.html'))).toBe(true);
  });

  test('a malformed exercise file is reported with file, line and path, never a stack trace', async () => {
    const exercises = tempDir('grade-exs-');
    cpSync(ex01, join(exercises, 'ex01-default-gateway'), { recursive: true });
    const file = join(exercises, 'ex01-default-gateway', 'exercise.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('address: 192.168.1.10/24', 'address: 192.168.1/24'));
    const run = await grade(['list'], { env: { GRADE_EXERCISES: exercises } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/exercise\.yaml:\d+: nodes\.host-a\.interfaces\.eth0\.address: must be an IPv4 address with a prefix length/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('start, check the live lab, fix it in the lab, check again, stop', async () => {
    expect(await labsOf('ex01')).toBe(0);
    const start = await grade(['start', 'ex01']);
    expect(start.exitCode, start.stderr).toBe(0);
    expect(start.stdout).toContain('npx grade shell ex01 host-a');
    expect(start.stdout).toContain('Give `host-a` and `host-b` a way to `server-c`');
    const again = await grade(['start', 'ex01']);
    expect([again.exitCode, again.stderr]).toEqual([2, expect.stringMatching(/already running/)]);
    try {
      const before = await grade(['ex01']);
      expect(before.exitCode).toBe(1);
      // What a learner types in `grade shell`, sent the same way the shell runs it.
      const found = await engine.listLabelled(LABEL.exercise, 'ex01');
      for (const node of ['host-a', 'host-b']) {
        const id = found.containers.find((c) => c.labels[LABEL.node] === node)!.id;
        const r = await engine.exec(id, ['setpriv', '--bounding-set=-all,+net_admin,+net_raw', '--inh-caps=-all', '--', 'ip', 'route', 'add', 'default', 'via', '192.168.1.1'], { timeoutMs: 5000, maxOutputBytes: 1024 });
        expect(r.exitCode).toBe(0);
      }
      const after = await grade(['ex01']);
      expect(after.exitCode, after.stdout).toBe(0);
    } finally {
      const stop = await grade(['stop', 'ex01']);
      expect(stop.exitCode).toBe(0);
    }
    expect(await labsOf('ex01')).toBe(0);
  });
});
