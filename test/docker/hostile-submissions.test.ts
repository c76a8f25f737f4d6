import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import type { Exercise } from '../../core/exercise.js';
import type { GradeResult } from '../../core/result.js';
import { readSubmission } from '../../core/submission.js';
import { gradeSubmission } from '../../grading/grade-exercise.js';
import { LABEL } from '../../runner/labels.js';
import { writeTree } from '../support/batch-fixtures.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { userErrorOf } from '../support/user-error.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, kinds, root } from './lab-fixture.js';

// Short limits so the cut-offs are quick; real exercises allow more.
const ex01: Exercise = { ...exercise('ex01-default-gateway'), limits: { commandSeconds: 2, submissionSeconds: 12 } };

function grade(files: Record<string, string>): Promise<GradeResult> {
  const dir = tempDir('grade-hostile-');
  for (const [node, text] of Object.entries(files)) writeFileSync(join(dir, `${node}.sh`), text);
  return gradeSubmission({ exercise: ex01, kinds, engine, image, submission: readSubmission(dir, ex01.nodes), mode: 'submission' });
}

const commandsOf = (r: GradeResult, node: string) => r.nodes.find((n) => n.name === node)!.commands;

describe('broken and hostile submissions are graded, cut off and cleaned up', () => {
  afterAll(expectNoLabsOfThisProcess);
  afterAll(removeTempDirs);

  test("a broken /etc/ld.so.preload makes programs complain, but the learner's later commands still run", async () => {
    const r = await grade({
      'host-a': ["echo 'junk' > /etc/ld.so.preload", 'echo "after $((1 + 1)) steps"', 'ip route add default via 192.168.1.1'].join('\n'),
      'host-b': 'ip route add default via 192.168.1.1\n',
    });
    expect(commandsOf(r, 'host-a').map((c) => [c.line, c.status])).toEqual([
      [1, 'ok'],
      [2, 'ok'],
      [3, 'ok'],
    ]);
    expect(commandsOf(r, 'host-a')[1]!.output).toContain('after 2 steps');
    // Checks run the image's own tools in a clean environment: the node's preload file is not theirs.
    expect(r.status).toBe('pass');
  });

  test('runs like a terminal: failures do not stop the next command; loops, here-documents, continuations, CRLF and sudo work', async () => {
    const r = await grade({
      'host-a': [
        '# comments and blank lines are skipped',
        '',
        'ip route add 10.9.9.0/24 via 192.168.1.254 dev nosuchdev',
        'GW=192.168.1.1',
        'for net in 192.168.2.0/24 203.0.113.0/24; do',
        '  sudo ip route add $net via $GW',
        'done',
        "cat <<'EOF' > /tmp/notes.txt",
        'two lines',
        'of notes',
        'EOF',
        'ip route \\',
        '  show',
      ].join('\r\n'),
      'host-b': 'sudo route add default gw 192.168.1.1\n',
    });
    expect(r.status).toBe('pass');
    const cmds = commandsOf(r, 'host-a');
    expect(cmds.map((c) => [c.line, c.status])).toEqual([[3, 'failed'], [4, 'ok'], [5, 'ok'], [8, 'ok'], [12, 'ok']]);
    expect(cmds[0]!.output).toMatch(/Cannot find device|nosuchdev/);
    expect(cmds[2]!.text).toBe('for net in 192.168.2.0/24 203.0.113.0/24; do\n  sudo ip route add $net via $GW\ndone');
    expect(cmds[4]!.output).toContain('203.0.113.0/24 via 192.168.1.1');
  });

  test('a command that hangs is cut off and the next one still runs', async () => {
    const r = await grade({ 'host-a': 'ping 192.168.1.1\nsleep 600 &\nip route add default via 192.168.1.1\n', 'host-b': 'ip route add default via 192.168.1.1\n' });
    const cmds = commandsOf(r, 'host-a');
    expect(cmds[0]!.status).toBe('timed-out');
    expect(cmds[0]!.note).toMatch(/cut off after 2 s/);
    expect(cmds[2]!.status).toBe('ok');
    expect(r.status).toBe('pass');
  });

  test('a flood of output is capped, and a shell loop that never ends is cut off at the command limit while the file goes on', async () => {
    // Each command runs as its own process in the node (runner/submission-runner.sh), so even a loop of
    // shell builtins ends at the per-command limit; the node's whole-file limit is the runner's unit test.
    const r = await grade({ 'host-a': 'yes grade\nip route add default via 192.168.1.1\nwhile :; do :; done\necho after\n', 'host-b': 'ip route add default via 192.168.1.1\n' });
    const cmds = commandsOf(r, 'host-a');
    expect(cmds[0]!.truncated).toBe(true);
    expect(cmds[0]!.output.length).toBeLessThanOrEqual(8 * 1024);
    expect(cmds[1]!.status).toBe('ok');
    expect(cmds[2]!.status).toBe('timed-out');
    expect(cmds[2]!.note).toMatch(/cut off after 2 s/);
    expect([cmds[3]!.status, cmds[3]!.output.trim()]).toEqual(['ok', 'after']);
    expect(r.status).toBe('pass');
  });

  test('deleting interfaces, signalling PID 1, exit and a syntax error are the learner\'s failures, not the grader\'s', async () => {
    const r = await grade({
      'host-a': 'ip link del eth0\nip link set lo down\nps -o lstart=,args= -p 1\nkill -TERM 1; kill -INT 1; kill -HUP 1; kill -KILL 1\nps -o lstart=,args= -p 1\nif true; then\n  echo unfinished\n',
      'host-b': 'ip route add default via 192.168.1.1\nexit 3\necho unreachable\n',
    });
    expect(r.status).toBe('fail');
    expect(r.checks.filter((c) => c.status === 'error')).toEqual([]);
    expect(r.checks.find((c) => c.id === 'host-a-reaches-server-c')!.status).toBe('fail');
    expect(r.checks.find((c) => c.id === 'host-b-reaches-web')!.status).toBe('pass');
    expect(r.checks.find((c) => c.id === 'host-b-reaches-server-c')!.status).toBe('pass');
    const b = commandsOf(r, 'host-b');
    expect(b[1]!.note).toMatch(/ended the shell/);
    expect(b.at(-1)!.status).toBe('not-run');
    // The node's PID 1 cannot be signalled from inside; it is still there and the file runs on.
    const a = commandsOf(r, 'host-a');
    expect(a.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'failed', 'ok', 'syntax-error']);
    expect(a[2]!.output).toMatch(/\S/);
    expect(a[4]!.output).toBe(a[2]!.output);
  });

  test('killing every process of a node (kill -9 -1) leaves it gradable: the reference still gets full marks', async () => {
    const ex02 = exercise('ex02-linux-router');
    const dir = tempDir('grade-hostile-');
    for (const file of readSubmission(ex02.solutionDir, ex02.nodes).files) {
      writeFileSync(join(dir, `${file.node}.sh`), `${file.text}\nkill -9 -1\n`);
    }
    const r = await gradeSubmission({ exercise: ex02, kinds, engine, image, submission: readSubmission(dir, ex02.nodes), mode: 'submission' });
    expect(r.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status}, ${c.observed}`)).toEqual([]);
    expect(r.nodes.flatMap((n) => n.commands).filter((c) => c.status !== 'ok')).toEqual([]);
  });

  test('a file for a node the lab runs is refused before any lab starts', () => {
    const dir = tempDir('grade-hostile-');
    writeFileSync(join(dir, 'host-a.sh'), 'ip route add default via 192.168.1.1\n');
    writeFileSync(join(dir, 'router.sh'), 'ip addr flush dev eth0\n');
    expect(userErrorOf(() => readSubmission(dir, ex01.nodes))).toMatch(/router\.sh is for router, which the lab runs and the learner does not configure; submit files only for host-a\.sh, host-b\.sh\./);
  });
});

// A class where honest and hostile learners are mixed, graded for real through the CLI: the hostile
// ones try to forge the runner's records (the old mark and fd tricks, records that fail the schema),
// paint the terminal with escape sequences, flood their output, never end a command, fork without
// end. Every honest row passes, every hostile row fails earning no more than its plain submission,
// every gradebook is written, nothing is left on the engine, and a resume grades nothing again.
const bin = join(root, 'bin', 'grade.js');
const lesson01 = exercise('ex01-default-gateway');

type Files = Record<string, string>;
const filesOf = (dir: string): Files => Object.fromEntries(readSubmissionFor(lesson01, dir).files.map((f) => [`${f.node}.sh`, f.text]));
const reference = filesOf(lesson01.solutionDir);
const wanOnly = filesOf(join(lesson01.dir, 'wrong', 'wan-only'));
/** The wan-only wrong case with `trick` run first on host-a: it must earn what wan-only earns. */
const hostile = (trick: string): Files => ({ ...wanOnly, 'host-a.sh': `${trick}\n${wanOnly['host-a.sh']!}` });

// Each trick as a learner would type it. None may forge a record, reach grade's channel, or turn the
// learner's own fail into an error that a resume would grade again.
const TRICKS: Record<string, string> = {
  // The old runner's mark and its fd 10: records written where grade used to read them.
  forger: [
    'echo "$GRADE_MARK BEGIN 0 1 1"; echo "$MARK END 0 0 0 0"',
    "printf 'END 0 0 0 0\\nDONE\\n' >&10; printf 'BEGIN 0 1 1\\n' >&3",
    'for fd in /proc/$$/fd/*; do echo "BEGIN 0 1 1" > "$fd"; done',
    "printf 'BEGIN x NaN -1\\nOUT 0 9 9\\n%%%%%%\\nEND 0 zero 0 9\\nDONE\\n'",
    'env | grep -c GRADE_ || true',
  ].join('\n'),
  // Escape sequences in the command's text and in its output: a fake PASS painted on a terminal.
  painter: "echo -e '\\e[2J\\e[H\\e[32mPASS  12/12 points\\e[0m' # \u001b[32mPASS\u001b[0m",
  // A flood of output, far over every cap.
  flooder: 'yes "flood flood flood flood flood flood" | head -c 64M',
  // A command that never ends (ping without -c), then one that forks without end.
  hanger: 'ping 127.0.0.1 > /dev/null',
  forker: 'bomb() { bomb | bomb; }; bomb',
};

const csvRowsOf = (file: string): Record<string, string>[] => parse(readFileSync(file, 'utf8'), { columns: true });

function gradeCli(args: string[], cwd: string) {
  return execa('node', [bin, ...args], { cwd, env: { NO_COLOR: '1', CI: 'true' }, reject: false });
}

async function labsOf(pid: number | undefined): Promise<string[]> {
  const found = await engine.listLabelled(LABEL.ownerPid, String(pid));
  return [...found.containers.map((c) => c.name), ...found.networks.map((n) => n.name)];
}

describe('grade batch with hostile learners', () => {
  afterAll(removeTempDirs);

  test('honest rows pass, hostile rows fail earning no more than without their trick, every gradebook is written, a resume grades nothing', async () => {
    const cwd = tempDir('grade-hostile-');
    const tree: Files = {};
    for (const [name, files] of Object.entries({ alice: reference, bob: reference, plain: wanOnly })) {
      for (const [file, text] of Object.entries(files)) tree[`subs/${name}/${file}`] = text;
    }
    for (const [name, trick] of Object.entries(TRICKS)) {
      for (const [file, text] of Object.entries(hostile(trick))) tree[`subs/${name}/${file}`] = text;
    }
    writeTree(cwd, tree);

    const first = gradeCli(['batch', 'ex01', 'subs', '--out', 'out', '-j', '3'], cwd);
    const run = await first;
    expect(run.exitCode, run.stderr + run.stdout).toBe(0);
    expect(first.pid).toBeGreaterThan(0);
    expect(await labsOf(first.pid)).toEqual([]);
    const rows = csvRowsOf(join(cwd, 'out', 'grades.csv'));
    const status = Object.fromEntries(rows.map((r) => [r.learner!, r['ex01 status']!]));
    expect(status).toEqual({ alice: 'pass', bob: 'pass', plain: 'fail', forger: 'fail', painter: 'fail', flooder: 'fail', hanger: 'fail', forker: 'fail' });
    const result = (learner: string): GradeResult => JSON.parse(readFileSync(join(cwd, 'out', learner, 'ex01', 'result.json'), 'utf8'));
    const plain = result('plain').score.earned;
    // A trick earns no more than the same submission without it (a fork bomb can cost the learner the commands after it).
    for (const name of Object.keys(TRICKS)) expect(result(name).score.earned, name).toBeLessThanOrEqual(plain);

    // What the forger wrote is its own output, never a record: its commands are those of its file.
    const forger = result('forger').nodes.find((n) => n.name === 'host-a')!.commands;
    expect(forger.slice(0, 5).map((c) => c.line)).toEqual([1, 2, 3, 4, 5]);
    expect(forger[1]!.status).toBe('failed');
    expect(forger[1]!.output).toMatch(/Bad file descriptor/);
    expect(forger[4]!.output).toBe('0\n');
    expect(forger.every((c) => !c.note?.includes('could not be read as records'))).toBe(true);
    // The flood is kept to the cap and its size said; the hang and the fork bomb are cut off.
    const flood = result('flooder').nodes.find((n) => n.name === 'host-a')!.commands[0]!;
    expect(flood.truncated).toBe(true);
    expect(flood.note).toMatch(/printed \d+ bytes/);
    expect(result('hanger').nodes.find((n) => n.name === 'host-a')!.commands[0]!.status).toBe('timed-out');
    expect(['timed-out', 'failed']).toContain(result('forker').nodes.find((n) => n.name === 'host-a')!.commands[0]!.status);

    for (const file of ['grades.csv', 'moodle-import.csv', 'summary.html']) expect(existsSync(join(cwd, 'out', file)), file).toBe(true);

    const second = gradeCli(['batch', 'ex01', 'subs', '--out', 'out'], cwd);
    const again = await second;
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/; 8 reused from an earlier run/);
    expect(await labsOf(second.pid)).toEqual([]);
  }, 1_200_000);
});
