import { describe, expect, test } from 'vitest';
import { contextOf, fakeLab, timedOut, type Reply } from '../test/support/fake-lab.js';
import { commandCheck } from './command.js';

// The command check: an instructor's shell command in a node, judged by its exit status and output.
// The output is the learner's world's text: matched, quoted as data, never interpreted.

const TOKEN = '8685d074a11db7b3';
type Params = Parameters<typeof commandCheck.run>[0];

async function command(params: Params, reply: Reply) {
  const lab = fakeLab({ exec: () => reply });
  return { outcome: await commandCheck.run(params, contextOf(lab, {}, TOKEN)), calls: lab.calls };
}

const listens = { node: 'host', run: 'ss -Hltn "sport = :7000" | wc -l', output: '^1$' };

describe('command: exit status and output', () => {
  test('passes on a matching output; runs the text with bash -c in the node, for 10 s at most', async () => {
    const { outcome, calls } = await command(listens, { stdout: '1\n' });
    expect(outcome).toMatchObject({ status: 'pass', expected: '`ss -Hltn "sport = :7000" | wc -l` on host prints output matching /^1$/', observed: 'it exited with 0 and printed "1"' });
    expect(calls).toEqual([{ via: 'exec', at: 'host', argv: ['bash', '-c', 'ss -Hltn "sport = :7000" | wc -l'], options: { timeoutMs: 10_000 } }]);
  });

  test('evidence: the command as written, and what it printed', async () => {
    const { outcome } = await command(listens, { stdout: '1\n', stderr: 'warning\n' });
    expect(outcome.evidence).toEqual([{ node: 'host', command: listens.run, exitCode: 0, output: '1\nwarning\n', truncated: false, timedOut: false }]);
  });

  test('exitCode alone, and both together', async () => {
    const quiet = { node: 'host', run: 'test -s /etc/hosts', exitCode: 0 };
    expect((await command(quiet, {})).outcome).toMatchObject({ status: 'pass', observed: 'it exited with 0 and printed nothing' });
    expect((await command(quiet, { exitCode: 1 })).outcome).toMatchObject({ status: 'fail', observed: 'it exited with 1 and printed nothing' });
    const both = { ...listens, exitCode: 0 };
    expect((await command(both, { stdout: '1\n', exitCode: 2 })).outcome.status).toBe('fail');
    expect((await command(both, { stdout: '0\n' })).outcome).toMatchObject({ status: 'fail', observed: 'it exited with 0 and printed "0"' });
  });

  test("{{token}} in the pattern is the run's token", async () => {
    const token = { node: 'host', run: 'cat /run/answer', output: 'secret={{token}}' };
    expect((await command(token, { stdout: `secret=${TOKEN}\n` })).outcome.status).toBe('pass');
    expect((await command(token, { stdout: 'secret={{token}}\n' })).outcome.status).toBe('fail');
  });

  test('a command that does not finish in time fails, saying so', async () => {
    const { outcome } = await command(listens, timedOut({ stdout: 'partial\n' }));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'the command did not finish in time' });
    expect(outcome.evidence[0]).toMatchObject({ timedOut: true, exitCode: null });
  });

  test("an infrastructure fault is thrown, for the grader to report as grade's error", async () => {
    await expect(command(listens, new Error('exec failed: container gone'))).rejects.toThrow('container gone');
  });
});

describe('command: hostile output', () => {
  test('ANSI escapes are matched and quoted as the bytes they are (reports spell them out), never as a verdict', async () => {
    const ansi = '\x1b[2K\r\x1b[32m✔ PASS 10/10\x1b[0m\n';
    const { outcome } = await command({ node: 'host', run: 'cat motd', output: '^ok$' }, { stdout: ansi });
    expect(outcome.status).toBe('fail');
    expect(outcome.observed).toBe(`it exited with 0 and printed "${ansi.trim().slice(0, 120)}"`);
    expect(outcome.evidence[0]?.output).toBe(ansi);
    const red = await command({ node: 'host', run: 'ip -c link', output: 'red text' }, { stdout: '\x1b[31mred\x1b[0m text\n', exitCode: 3 });
    expect(red.outcome.status).toBe('fail');
  });

  test('huge output: the quote stays one short line; what the lab cut off is marked truncated', async () => {
    const huge = `${'A'.repeat(64 * 1024)}\n`;
    const { outcome } = await command({ ...listens, output: '^1$' }, { stdout: huge, truncated: true });
    expect(outcome.status).toBe('fail');
    expect(outcome.observed).toBe(`it exited with 0 and printed "${'A'.repeat(120)}"`);
    expect(outcome.evidence[0]).toMatchObject({ truncated: true });
  });

  test('the pattern is read line by line: ^1$ is a whole line, not a 1 inside another', async () => {
    expect((await command(listens, { stdout: '10\n21\n' })).outcome.status).toBe('fail');
    expect((await command(listens, { stdout: 'header\n1\n' })).outcome.status).toBe('pass');
  });
});
