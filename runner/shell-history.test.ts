import { describe, expect, test } from 'vitest';
import { sessionFileText, type HistoryRecord } from '../history/history.js';
import type { ExecOptions, ExecResult } from './lab-exec.js';
import { readHistory, recordingShell, restoreHistory, type HistoryLab } from './shell-history.js';

const done = (stdout = '', exitCode = 0): ExecResult => ({ exitCode, output: stdout, stdout, stderr: '', truncated: false, timedOut: false, durationMs: 1 });

/** A lab whose history folder is a map of files, driven through shell-history.sh's commands. */
function fakeLab(files = new Map<string, string>()): HistoryLab & { files: Map<string, string>; calls: string[][] } {
  const calls: string[][] = [];
  return {
    files,
    calls,
    async runAsGrade(argv: readonly string[], options: ExecOptions = {}) {
      const [, , , , command, ...args] = argv;
      calls.push([command!, ...args]);
      if (command === 'read') {
        const lines = [...files].filter(([path]) => args[0] === undefined || path.startsWith(`${args[0]}/`)).map(([path, text]) => `${path} ${Buffer.from(text).toString('base64')}`);
        return done(lines.map((l) => l + '\n').join(''));
      }
      if (command === 'write') files.set(`${args[0]}.part`, (args[1] === 'first' ? '' : (files.get(`${args[0]}.part`) ?? '')) + options.env!.GRADE_PIECE);
      if (command === 'commit') files.set(args[0]!, files.get(`${args[0]}.part`)!), files.delete(`${args[0]}.part`);
      return done();
    },
  };
}

const record = (node: string, session: string, time: number, command: string, exitCode: number | null = 0): HistoryRecord => ({
  node,
  session,
  time: new Date(time).toISOString(),
  exitCode,
  durationMs: exitCode === null ? null : 3,
  command,
});

describe('the shell history of a lab', () => {
  test('readHistory reads every session file, merges them oldest first, and can keep to one node', async () => {
    const a = [record('red', '100-1', 1000, 'ip a'), record('red', '100-1', 3000, 'false', 1)];
    const b = [record('red', '200-2', 2000, 'ip r'), record('red', '200-2', 4000, 'sleep 9', null)];
    const c = [record('blue', '300-3', 1500, 'ip link set eth0 up')];
    const lab = fakeLab(new Map([['red/100-1.jsonl', sessionFileText(a)], ['red/200-2.jsonl', sessionFileText(b)], ['blue/300-3.jsonl', sessionFileText(c)]]));
    expect((await readHistory(lab)).map((r) => r.command)).toEqual(['ip a', 'ip link set eth0 up', 'ip r', 'false', 'sleep 9']);
    expect(await readHistory(lab, 'red')).toEqual([a[0], b[0], a[1], b[1]]);
  });

  test('restoreHistory writes each session back whole, in pieces small enough for one environment variable', async () => {
    const records = [record('red', '100-1', 1000, 'x'.repeat(20_000)), record('red', '100-1', 2000, 'y'.repeat(20_000)), record('blue', '300-3', 1500, 'ip a')];
    const lab = fakeLab();
    await restoreHistory(lab, records);
    expect([...lab.files.keys()].sort()).toEqual(['blue/300-3.jsonl', 'red/100-1.jsonl']);
    expect(lab.calls.filter((c) => c[0] === 'write').map((c) => c.slice(1))).toEqual([['red/100-1.jsonl', 'first'], ['red/100-1.jsonl', 'more'], ['blue/300-3.jsonl', 'first']]);
    expect(await readHistory(lab)).toEqual([records[0], records[2], records[1]]);
  });

  test('restoreHistory refuses names that could leave the history folder', async () => {
    await expect(restoreHistory(fakeLab(), [record('../etc', 's', 1, 'x')])).rejects.toThrow(/not a node name/);
    await expect(restoreHistory(fakeLab(), [record('red', '../../x', 1, 'x')])).rejects.toThrow(/not a shell session name/);
  });

  test("a recorded shell opens the session's file, then enters the node with grade-enter and runs the learner's login shell", () => {
    const argv = recordingShell('host-a', ['/usr/local/sbin/grade-enter', 'node', 'host-a']);
    expect(argv.slice(0, 2)).toEqual(['bash', '-c']);
    expect(argv.slice(3, 9)).toEqual(['shell-history', 'open', 'host-a', '/usr/local/sbin/grade-enter', 'node', 'host-a']);
    expect(argv.slice(9, 11)).toEqual(['bash', '-c']);
    expect(argv[11]).toMatch(/exec bash -l\n$/);
  });
});
