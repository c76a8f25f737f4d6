import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { userErrorOf } from '../test/support/user-error.js';
import { normaliseScript, readSubmission, submissionNodeFiles, type SubmissionNode } from './submission.js';

// web is the lab's own server: no file may configure it, and the messages name only the learner's nodes.
const NODES: readonly SubmissionNode[] = [
  { name: 'router', owner: 'learner' },
  { name: 'host-a', owner: 'learner' },
  { name: 'host-b', owner: 'learner' },
  { name: 'web', owner: 'lab' },
];
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'grade-sub-'));
  roots.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function errorOf(run: () => unknown): string {
  const message = userErrorOf(run);
  expect(message).not.toMatch(/\n|\[object Object\]|undefined/);
  return message;
}

describe('normaliseScript', () => {
  test('Windows and old Mac line endings become \\n', () => {
    expect(normaliseScript('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  test('a byte-order mark at the start is dropped, one inside the text is kept', () => {
    expect(normaliseScript('\uFEFFecho a\uFEFF\n')).toBe('echo a\uFEFF\n');
  });

  test('plain text is unchanged', () => {
    expect(normaliseScript('ip route add default via 192.168.1.1\n')).toBe('ip route add default via 192.168.1.1\n');
  });
});

describe('readSubmission', () => {
  test('one file per node, in name order, CRLF and BOM normalised', () => {
    const dir = folder({
      'host-a.sh': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ip route add default via 192.168.1.1\r\necho done\r\n')]),
      'router.sh': 'echo 1 > /proc/sys/net/ipv4/ip_forward\n',
    });
    const submission = readSubmission(dir, NODES);
    expect(submission.dir).toBe(dir);
    expect(submission.files).toEqual([
      { node: 'host-a', path: join(dir, 'host-a.sh'), text: 'ip route add default via 192.168.1.1\necho done\n' },
      { node: 'router', path: join(dir, 'router.sh'), text: 'echo 1 > /proc/sys/net/ipv4/ip_forward\n' },
    ]);
  });

  test('files that are not .sh, and folders, are ignored', () => {
    const dir = folder({ 'host-a.sh': 'true\n', 'README.md': '# notes', 'host-b.txt': 'x', 'case.yaml': 'fails: []', 'router.sh~': 'backup' });
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old', 'host-b.sh'), 'true\n');
    expect(readSubmission(dir, NODES).files.map((f) => f.node)).toEqual(['host-a']);
  });

  test('UTF-8 text is read as it is', () => {
    const dir = folder({ 'host-a.sh': "echo 'héllo ✓'\n" });
    expect(readSubmission(dir, NODES).files[0]!.text).toBe("echo 'héllo ✓'\n");
  });

  test('a file for a node the exercise does not have lists the valid file names', () => {
    const dir = folder({ 'host-a.sh': 'true\n', 'host-c.sh': 'true\n' });
    const message = errorOf(() => readSubmission(dir, NODES));
    expect(message).toBe(
      `${join(relative(process.cwd(), dir), 'host-c.sh')} is for a node "host-c" this exercise does not have; name files after its nodes: router.sh, host-a.sh, host-b.sh.`,
    );
  });

  test('a file for a node the lab runs is refused, naming the nodes the learner configures', () => {
    const dir = folder({ 'host-a.sh': 'true\n', 'web.sh': 'iptables -F\n' });
    expect(errorOf(() => readSubmission(dir, NODES))).toBe(
      `${join(relative(process.cwd(), dir), 'web.sh')} is for web, which the lab runs and the learner does not configure; submit files only for router.sh, host-a.sh, host-b.sh.`,
    );
  });

  test('file names are matched exactly: Host-A.sh is not host-a.sh', () => {
    const dir = folder({ 'Host-A.sh': 'true\n' });
    expect(errorOf(() => readSubmission(dir, NODES))).toMatch(/Host-A\.sh is for a node "Host-A" this exercise does not have; name files after its nodes: router\.sh, host-a\.sh, host-b\.sh\.$/);
  });

  test('a folder without any <node>.sh file says which names to use', () => {
    const dir = folder({ 'notes.txt': 'x' });
    expect(errorOf(() => readSubmission(dir, NODES))).toBe(
      `${relative(process.cwd(), dir)} has no <node>.sh files; add one per node you configured (router.sh, host-a.sh, host-b.sh).`,
    );
    expect(errorOf(() => readSubmission(folder({}), NODES))).toMatch(/has no <node>\.sh files/);
  });

  test('a path that is not a folder, or does not exist', () => {
    const dir = folder({ 'host-a.sh': 'true\n' });
    expect(errorOf(() => readSubmission(join(dir, 'host-a.sh'), NODES))).toMatch(/host-a\.sh is not a folder; a submission is a folder of <node>\.sh files\.$/);
    expect(errorOf(() => readSubmission(join(dir, 'missing'), NODES))).toMatch(/missing is not a folder/);
  });

  test('a binary file is refused', () => {
    const dir = folder({ 'host-a.sh': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]) });
    expect(errorOf(() => readSubmission(dir, NODES))).toBe(`${join(relative(process.cwd(), dir), 'host-a.sh')} is not a text file; write the commands as plain text.`);
  });

  test('a file over 96 KiB is refused with its size; one just under is read', () => {
    const big = folder({ 'host-a.sh': `# ${'x'.repeat(96 * 1024)}\n` });
    expect(errorOf(() => readSubmission(big, NODES))).toBe(
      `${join(relative(process.cwd(), big), 'host-a.sh')} is ${96 * 1024 + 3} bytes; a node's commands must fit in 96 KiB.`,
    );
    const fits = folder({ 'host-a.sh': 'x'.repeat(96 * 1024) });
    expect(readSubmission(fits, NODES).files[0]!.text).toHaveLength(96 * 1024);
  });
});

describe('submissionNodeFiles', () => {
  test('maps node names to paths and names files relative to the folder it is given', () => {
    const root = folder({});
    mkdirSync(join(root, 'solution'));
    writeFileSync(join(root, 'solution', 'router.sh'), 'true\n');
    expect(submissionNodeFiles(join(root, 'solution'), NODES)).toEqual(new Map([['router', join(root, 'solution', 'router.sh')]]));
    writeFileSync(join(root, 'solution', 'mail.sh'), 'true\n');
    expect(errorOf(() => submissionNodeFiles(join(root, 'solution'), NODES, root))).toMatch(/^solution\/mail\.sh is for a node "mail"/);
  });
});
