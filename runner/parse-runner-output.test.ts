import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { normaliseScript } from '../core/submission.js';
import { parseRunnerOutput, type RunnerEnd } from './parse-runner-output.js';
import { submissionRunner } from './submission-runner-script.js';

const END: RunnerEnd = { exitCode: 0, timedOut: false, limitSeconds: 120, commandSeconds: 20 };

// The records runner/submission-runner.sh prints, built by hand.
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const begin = (i: number, start: number, end: number) => `BEGIN ${i} ${start} ${end}\n`;
const syntax = (i: number, start: number, end: number) => `SYNTAX ${i} ${start} ${end}\n`;
const out = (i: number, text: string, total = Buffer.byteLength(text)) => `OUT ${i} ${Buffer.byteLength(text)} ${total}\n${b64(text)}\n`;
const end = (i: number, rc: number, ms: number, timed = 0) => `END ${i} ${rc} ${ms} ${timed}\n`;
const ended = (i: number) => `ENDED ${i}\n`;
const done = `DONE\n`;
const ran = (i: number, line: number, text: string, rc = 0, ms = 3, timed = 0) => begin(i, line, line) + out(i, text) + end(i, rc, ms, timed);

describe('parseRunnerOutput: synthetic runner output', () => {
  test('ok, failed and timed-out commands, with their output, exit status and duration', () => {
    const script = 'echo hi\nfalse\nping 10.0.0.1\n';
    const stdout = ran(0, 1, 'hi\n') + ran(1, 2, '', 1, 2) + ran(2, 3, 'PING 10.0.0.1\n', 137, 20004, 1) + done;
    const records = parseRunnerOutput(stdout, script, END);
    expect(records).toEqual([
      { index: 0, line: 1, endLine: 1, text: 'echo hi', status: 'ok', exitCode: 0, output: 'hi\n', truncated: false, durationMs: 3 },
      { index: 1, line: 2, endLine: 2, text: 'false', status: 'failed', exitCode: 1, output: '', truncated: false, durationMs: 2 },
      {
        index: 2,
        line: 3,
        endLine: 3,
        text: 'ping 10.0.0.1',
        status: 'timed-out',
        exitCode: 137,
        output: 'PING 10.0.0.1\n',
        truncated: false,
        durationMs: 20004,
        note: expect.stringMatching(/^cut off after 20 s; .*ping without -c/),
      },
    ]);
  });

  test('decodes UTF-8 output, multi-byte characters included', () => {
    const text = 'héllo wörld — ✓ 日本語 🚀\n';
    const records = parseRunnerOutput(ran(0, 1, text) + done, 'echo x\n', END);
    expect(records[0]!.output).toBe(text);
  });

  test('an output longer than the cap is marked truncated', () => {
    const records = parseRunnerOutput(begin(0, 1, 1) + out(0, 'a'.repeat(100), 5000) + end(0, 0, 1) + done, 'yes a\n', END);
    expect(records[0]).toMatchObject({ output: 'a'.repeat(100), truncated: true, status: 'ok', note: 'it printed 5000 bytes; only the first 100 are kept' });
  });

  test('an output whose line was cut off (stdout hit its own cap) is marked truncated', () => {
    const stdout = begin(0, 1, 1) + `OUT 0 12 12\n${b64('hello world\n').slice(0, 8)}`;
    const records = parseRunnerOutput(stdout, 'echo hello world\n', { ...END, exitCode: 137 });
    expect(records[0]!.truncated).toBe(true);
    expect(records[0]!.output).toBe('hello ');
  });

  test('a command over several lines takes its text from those lines of the file', () => {
    const script = '# set up\n\nfor i in 1 2 3; do\n  echo $i\ndone\necho end\n';
    const stdout = begin(0, 3, 5) + out(0, '1\n2\n3\n') + end(0, 0, 4) + ran(1, 6, 'end\n') + done;
    const records = parseRunnerOutput(stdout, script, END);
    expect(records.map((r) => [r.line, r.endLine, r.text])).toEqual([
      [3, 5, 'for i in 1 2 3; do\n  echo $i\ndone'],
      [6, 6, 'echo end'],
    ]);
  });

  test('lines that are not records are set aside and said on the last record, never a crash', () => {
    const stdout = `bash: some noise\n${ran(0, 1, 'x\n')}BEGIN 0 0 1\nBEGIN x NaN -1\nEND 0 0 0 0 0 0\n\u001b[32mPASS\n${done}`;
    const records = parseRunnerOutput(stdout, 'echo x\n', END);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ line: 1, status: 'ok', output: 'x\n' });
    expect(records[0]!.note).toMatch(/^the submission's output could not be read as records: 5 line\(s\)/);
  });

  test('a record that names lines outside the file is set aside', () => {
    const records = parseRunnerOutput(begin(0, 1, 99) + end(0, 0, 1) + done, 'echo x\n', END);
    expect(records).toEqual([expect.objectContaining({ line: 1, endLine: 1, status: 'not-run', note: expect.stringMatching(/could not be read as records/) })]);
  });

  test('a file that calls exit: the command that ended the shell, then the rest as one not-run record', () => {
    const script = 'echo a\nexit 3\n\n# the rest\necho b\nfor i in 1; do\n  echo $i\ndone\n\n';
    const stdout = ran(0, 1, 'a\n') + begin(1, 2, 2) + end(1, 3, 4) + begin(2, 5, 5) + ended(1);
    const records = parseRunnerOutput(stdout, script, { ...END, exitCode: 0 });
    expect(records).toHaveLength(3);
    expect(records[1]).toEqual({
      index: 1,
      line: 2,
      endLine: 2,
      text: 'exit 3',
      status: 'failed',
      exitCode: 3,
      output: '',
      truncated: false,
      durationMs: 4,
      note: 'this command ended the shell, so nothing after it ran',
    });
    expect(records[2]).toEqual({
      index: 2,
      line: 5,
      endLine: 8,
      text: 'echo b\nfor i in 1; do\n  echo $i\ndone',
      status: 'not-run',
      exitCode: null,
      output: '',
      truncated: false,
      durationMs: null,
      note: expect.stringMatching(/^not run:/),
    });
  });

  test('exit 0 ends the shell without failing', () => {
    const records = parseRunnerOutput(ran(0, 1, '') + begin(1, 2, 2) + ended(0), 'exit 0\necho later\n', { ...END, exitCode: 0 });
    expect(records.map((r) => r.status)).toEqual(['ok', 'not-run']);
    expect(records[0]!.note).toMatch(/ended the shell/);
  });

  test('a runner cut off by the node\'s time limit: the running command timed out, the rest did not run', () => {
    const script = 'echo a\nwhile :; do :; done\necho never\n';
    const stdout = ran(0, 1, 'a\n') + begin(1, 2, 2);
    const records = parseRunnerOutput(stdout, script, { ...END, exitCode: null, timedOut: true, limitSeconds: 120 });
    expect(records.map((r) => r.status)).toEqual(['ok', 'timed-out', 'not-run']);
    expect(records[1]).toMatchObject({ exitCode: null, note: 'the submission on this node reached its 120 s limit during this command' });
    expect(records[2]).toMatchObject({ line: 3, endLine: 3, text: 'echo never' });
  });

  test('nothing after the last command: no not-run record', () => {
    const records = parseRunnerOutput(ran(0, 1, '') + ran(1, 2, '', 4), 'true\nexit 4\n\n# bye\n', { ...END, exitCode: 0 });
    expect(records.map((r) => r.status)).toEqual(['ok', 'failed']);
  });

  test('a runner that never reported: the whole file is one not-run record', () => {
    const records = parseRunnerOutput('', '\n# comment\nip route add default via 10.0.0.1\nip link set eth0 up\n', { ...END, exitCode: 126 });
    expect(records).toEqual([expect.objectContaining({ index: 0, line: 3, endLine: 4, status: 'not-run' })]);
  });

  test('a syntax error record: bash\'s complaint as output, not run', () => {
    const script = 'echo ok\nif true; then\n  echo unfinished\n';
    const complaint = 'bash: -c: line 3: syntax error: unexpected end of file\n';
    // The runner reads an unfinished command on to the file's end, blank last line included.
    const stdout = ran(0, 1, 'ok\n') + syntax(1, 2, 4) + out(1, complaint) + done;
    const records = parseRunnerOutput(stdout, script, END);
    expect(records[1]).toEqual({
      index: 1,
      line: 2,
      endLine: 3,
      text: 'if true; then\n  echo unfinished',
      status: 'syntax-error',
      exitCode: null,
      output: complaint,
      truncated: false,
      durationMs: null,
      note: expect.stringMatching(/not run/),
    });
  });

  test('a syntax error in the middle, followed by commands that ran', () => {
    const script = 'echo )\necho next\n';
    const stdout = syntax(0, 1, 1) + out(0, "bash: syntax error near unexpected token `)'\n") + ran(1, 2, 'next\n') + done;
    expect(parseRunnerOutput(stdout, script, END).map((r) => r.status)).toEqual(['syntax-error', 'ok']);
  });
});

// ---------------------------------------------------------------------------------------------------
// The real runner, run by the host's bash on harmless commands, read back by the parser: proves the
// script and the parser agree. GRADE_ENTER is empty here, so each command's shell runs on this host,
// as grade-enter would start it in a node; its state file lives in the test's own folder.
// How long these take is measured by `npm run bench -- runner`, not asserted here.
const hasTools = ['bash', 'timeout', 'base64', 'stat', 'mktemp'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);
const work = mkdtempSync(join(tmpdir(), 'grade-runner-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface RealRun {
  readonly records: ReturnType<typeof parseRunnerOutput>;
  readonly stdout: string;
  readonly status: number | null;
}

function runReal(script: string, { commandSeconds = 2, cap = 100, limitSeconds = 20 } = {}): RealRun {
  const result = spawnSync('bash', ['-c', submissionRunner()], {
    cwd: work,
    encoding: 'utf8',
    timeout: (limitSeconds + 40) * 1000,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: work,
      LC_ALL: 'C.UTF-8',
      GRADE_SCRIPT: script,
      GRADE_CMD_TIMEOUT: String(commandSeconds),
      GRADE_LIMIT: String(limitSeconds),
      GRADE_OUT_CAP: String(cap),
      GRADE_ENTER: '',
      GRADE_STATE_DIR: work,
    },
  });
  const timedOut = result.signal === 'SIGKILL' || result.signal === 'SIGTERM';
  const records = parseRunnerOutput(result.stdout, script, {
    exitCode: timedOut ? null : result.status,
    timedOut,
    limitSeconds,
    commandSeconds,
  });
  return { records, stdout: result.stdout, status: result.status };
}

const brief = (r: RealRun) => r.records.map((c) => ({ lines: `${c.line}-${c.endLine}`, status: c.status, exitCode: c.exitCode, output: c.output }));

describe.skipIf(!hasTools)('the real submission-runner.sh, parsed', () => {
  test('one record per command: echo, true, false, output on stderr, a command reading stdin', () => {
    const r = runReal('echo hello\ntrue\nfalse\necho oops >&2\ncat\n');
    expect(brief(r)).toEqual([
      { lines: '1-1', status: 'ok', exitCode: 0, output: 'hello\n' },
      { lines: '2-2', status: 'ok', exitCode: 0, output: '' },
      { lines: '3-3', status: 'failed', exitCode: 1, output: '' },
      { lines: '4-4', status: 'ok', exitCode: 0, output: 'oops\n' },
      { lines: '5-5', status: 'ok', exitCode: 0, output: '' },
    ]);
    expect(r.status).toBe(0);
    expect(r.records.every((c) => typeof c.durationMs === 'number' && c.durationMs >= 0)).toBe(true);
  });

  test('blank lines and comments are skipped; a loop is one command; line numbers match the file', () => {
    const script = '# configure\n\nfor i in 1 2 3; do\n  echo "n=$i"\ndone\n   # indented comment\necho end\n';
    const r = runReal(script);
    expect(brief(r)).toEqual([
      { lines: '3-5', status: 'ok', exitCode: 0, output: 'n=1\nn=2\nn=3\n' },
      { lines: '7-7', status: 'ok', exitCode: 0, output: 'end\n' },
    ]);
    expect(r.records[0]!.text).toBe('for i in 1 2 3; do\n  echo "n=$i"\ndone');
  });

  test('a here-document into a file is one command, and the file holds its lines', () => {
    const script = `cat > heredoc.txt <<'EOF'\nnet.ipv4.ip_forward = 1\n$NOT_EXPANDED\nEOF\ncat heredoc.txt\n`;
    const r = runReal(script);
    expect(brief(r)).toEqual([
      { lines: '1-4', status: 'ok', exitCode: 0, output: '' },
      { lines: '5-5', status: 'ok', exitCode: 0, output: 'net.ipv4.ip_forward = 1\n$NOT_EXPANDED\n' },
    ]);
    expect(readFileSync(join(work, 'heredoc.txt'), 'utf8')).toBe('net.ipv4.ip_forward = 1\n$NOT_EXPANDED\n');
  });

  test('a file with Windows line endings, once normalised, runs without stray carriage returns', () => {
    const r = runReal(normaliseScript('\uFEFFecho a\r\necho b\r\n'));
    expect(brief(r).map((c) => c.output)).toEqual(['a\n', 'b\n']);
  });

  test('a continuation line joins the next into one command', () => {
    const r = runReal('echo one \\\n  two \\\n  three\necho four\n');
    expect(brief(r)).toEqual([
      { lines: '1-3', status: 'ok', exitCode: 0, output: 'one two three\n' },
      { lines: '4-4', status: 'ok', exitCode: 0, output: 'four\n' },
    ]);
  });

  test('shell state carries over: a variable, a function and cd', () => {
    const r = runReal('x=42\ngreet() { echo "hi $1"; }\nmkdir -p sub && cd sub\necho "x=$x"\ngreet there\nbasename "$PWD"\n');
    expect(brief(r).map((c) => c.output)).toEqual(['', '', '', 'x=42\n', 'hi there\n', 'sub\n']);
  });

  test('case, functions, arrays, $( ), trailing && and |, while with a here-document, elif and { } are each one command', () => {
    const script = [
      'x=b',
      'case $x in',
      '  a) echo A ;;',
      '  b) echo B ;;',
      'esac',
      'f() {',
      '  echo "in f $1"',
      '}',
      'f 1',
      'arr=(',
      '  one',
      '  two',
      ')',
      'echo "${arr[@]}"',
      'echo $(',
      '  echo sub',
      ')',
      'true &&',
      '  echo and',
      'echo pipe |',
      '  tr a-z A-Z',
      'while read -r l; do',
      '  echo "got $l"',
      'done <<EOF',
      'l1',
      'l2',
      'EOF',
      'if false; then',
      '  echo no',
      'elif true; then',
      '  echo elif',
      'fi',
      '{',
      '  echo group',
      '}',
      '',
    ].join('\n');
    const r = runReal(script);
    expect(r.records.map((c) => `${c.line}-${c.endLine} ${c.status} ${JSON.stringify(c.output)}`)).toEqual([
      '1-1 ok ""',
      '2-5 ok "B\\n"',
      '6-8 ok ""',
      '9-9 ok "in f 1\\n"',
      '10-13 ok ""',
      '14-14 ok "one two\\n"',
      '15-17 ok "sub\\n"',
      '18-19 ok "and\\n"',
      '20-21 ok "PIPE\\n"',
      '22-27 ok "got l1\\ngot l2\\n"',
      '28-32 ok "elif\\n"',
      '33-35 ok "group\\n"',
    ]);
  }, 60_000);

  test('a multi-line quoted string is read on to its closing quote', () => {
    const r = runReal('echo "first\nsecond"\necho after\n');
    expect(brief(r)).toEqual([
      { lines: '1-2', status: 'ok', exitCode: 0, output: 'first\nsecond\n' },
      { lines: '3-3', status: 'ok', exitCode: 0, output: 'after\n' },
    ]);
  });

  test('UTF-8 output survives the trip', () => {
    const r = runReal("printf 'héllo ✓ 日本 🚀\\n'\n");
    expect(r.records[0]!.output).toBe('héllo ✓ 日本 🚀\n');
  });

  test('output beyond the cap is cut at the cap and marked truncated', () => {
    const r = runReal('seq 1 100\necho small\n', { cap: 100 });
    expect(r.records[0]!.output).toBe(Array.from({ length: 100 }, (_, i) => `${i + 1}\n`).join('').slice(0, 100));
    expect(r.records[0]!.truncated).toBe(true);
    expect(r.records[1]).toMatchObject({ output: 'small\n', truncated: false });
  });

  test('exit 3 ends the shell: that command fails with 3, the rest is one not-run record', () => {
    const r = runReal('echo before\nexit 3\necho never\necho nor this\n');
    expect(r.status).toBe(0);
    expect(brief(r)).toEqual([
      { lines: '1-1', status: 'ok', exitCode: 0, output: 'before\n' },
      { lines: '2-2', status: 'failed', exitCode: 3, output: '' },
      { lines: '3-4', status: 'not-run', exitCode: null, output: '' },
    ]);
    expect(r.records[1]!.note).toMatch(/ended the shell/);
  });

  test('the per-command watchdog cuts off a command that runs too long, and the next command still runs', () => {
    const r = runReal('echo start\nsleep 5\necho after\n', { commandSeconds: 1 });
    expect(r.records.map((c) => c.status)).toEqual(['ok', 'timed-out', 'ok']);
    expect(r.records[1]!.note).toMatch(/^cut off after 1 s/);
    expect(r.records[2]!.output).toBe('after\n');
  });

  test('the watchdog also stops what the command left running in the background', () => {
    const r = runReal('sleep 30 & wait\necho after\n', { commandSeconds: 1 });
    expect(r.records.map((c) => c.status)).toEqual(['timed-out', 'ok']);
  });

  test('a runner killed by the node\'s time limit: the running command timed out, the rest did not run', () => {
    const r = runReal('echo start\nsleep 30\necho never\n', { commandSeconds: 20, limitSeconds: 1 });
    expect(r.records.map((c) => c.status)).toEqual(['ok', 'timed-out', 'not-run']);
    expect(r.records[1]!.note).toBe('the submission on this node reached its 1 s limit during this command');
  });

  test('what a command leaves running in the background outlives the command, and the run', async () => {
    const pidFile = join(work, 'bg.pid');
    const r = runReal(`sleep 8 > /dev/null 2>&1 & echo $! > ${pidFile}\nexit 3\n`, { commandSeconds: 1 });
    expect(r.records.map((c) => c.status)).toEqual(['ok', 'failed']);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      // Past the command limit: a watchdog left behind would have killed it by now.
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect(() => process.kill(pid, 0)).not.toThrow();
    } finally {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  test('an unfinished block at the end of the file is one syntax-error record', () => {
    const r = runReal('echo ok\nif true; then\n  echo unfinished\n');
    expect(brief(r)).toEqual([
      { lines: '1-1', status: 'ok', exitCode: 0, output: 'ok\n' },
      { lines: '2-3', status: 'syntax-error', exitCode: null, output: expect.stringMatching(/syntax error/) },
    ]);
  });

  test('a malformed line in the middle is reported and the commands after it still run, as in a terminal', () => {
    const r = runReal('echo one\necho )\necho three\n');
    expect(brief(r)).toEqual([
      { lines: '1-1', status: 'ok', exitCode: 0, output: 'one\n' },
      { lines: '2-2', status: 'syntax-error', exitCode: null, output: expect.stringMatching(/unexpected token/) },
      { lines: '3-3', status: 'ok', exitCode: 0, output: 'three\n' },
    ]);
  });

  test('a last line ending in a backslash still runs', () => {
    const r = runReal('echo one\necho two \\');
    expect(r.records.map((c) => [c.line, c.status])).toEqual([
      [1, 'ok'],
      [2, 'ok'],
    ]);
    expect(r.records[1]!.output).toMatch(/^two/);
  });
});
