import { describe, expect, test } from 'vitest';
import { contextOf, fakeLab } from '../test/support/fake-lab.js';
import { FILES_BOM_CRLF, FILES_LINK_TO_PROC, FILES_NONE, FILES_TOO_LARGE, RECORDED_MARK, replay, type Recorded } from '../test/support/fake-lab-recordings.js';
import { fileCheck } from './file.js';

// The file check against recorded probe-files output: a node's file read from outside the node, each
// file after a header carrying a mark random per read, and matched line by line the way config
// parsers split fields (\s is a space or a tab).

type Params = Parameters<typeof fileCheck.run>[0];

/** probe-files printing `answer` with the check's own mark (the recording's fixed one swapped), or failing with it. */
async function file(params: Params, answer: Recorded | Error) {
  const lab = fakeLab({ probe: (name, _args, options) => (name !== 'files' ? undefined : answer instanceof Error ? answer : replay(answer, options.env?.GRADE_MARK)) });
  return { outcome: await fileCheck.run(params, contextOf(lab)), calls: lab.calls };
}

/** A file as probe-files prints it: the header, the bytes, one added newline. */
const printed = (path: string, content: string): Recorded => ({ stdout: `${RECORDED_MARK} ${path}\n${content}\n`, stderr: '', exitCode: 0 });

const resolvConf = { node: 'red', path: '/etc/resolv.conf', matches: '^nameserver\\s+192\\.168\\.1\\.53\\s*$' };
const RESOLV = '# by hand\nsearch lab\nnameserver 192.168.1.53\n';

describe('file: a line matches', () => {
  test('passes naming the line; probe-files is asked for the one path, with a mark of its own', async () => {
    const { outcome, calls } = await file(resolvConf, printed('/etc/resolv.conf', RESOLV));
    expect(outcome).toMatchObject({ status: 'pass', expected: 'a line of /etc/resolv.conf on red matches /^nameserver\\s+192\\.168\\.1\\.53\\s*$/', observed: 'line 3: nameserver 192.168.1.53' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ via: 'probe', at: 'files', argv: ['red', '/etc/resolv.conf'] });
    expect(calls[0]?.options.env?.GRADE_MARK).toMatch(/^@@[0-9a-f]{12}$/);
  });

  test('evidence: cat of the file, and what the probe printed', async () => {
    const { outcome, calls } = await file(resolvConf, printed('/etc/resolv.conf', RESOLV));
    const mark = calls[0]?.options.env?.GRADE_MARK;
    expect(outcome.evidence).toEqual([{ node: 'red', command: 'cat /etc/resolv.conf', exitCode: 0, output: `${mark} /etc/resolv.conf\n${RESOLV}\n`, truncated: false, timedOut: false }]);
  });
});

describe('file: no line matches, or the file cannot be judged', () => {
  test('no matching line, or an empty file', async () => {
    expect((await file(resolvConf, printed('/etc/resolv.conf', 'nameserver 10.0.0.53\n'))).outcome).toMatchObject({ status: 'fail', observed: 'no line of /etc/resolv.conf on red matches' });
    expect((await file(resolvConf, printed('/etc/resolv.conf', '\n \n'))).outcome).toMatchObject({ status: 'fail', observed: '/etc/resolv.conf on red is empty' });
  });

  test('missing, unreadable (a link into /proc), too large', async () => {
    expect((await file(resolvConf, FILES_NONE)).outcome).toMatchObject({ status: 'fail', observed: 'red has no file /etc/resolv.conf' });
    const link = { ...resolvConf, path: '/etc/sysctl.d/50-link.conf' };
    expect((await file(link, FILES_LINK_TO_PROC)).outcome).toMatchObject({ status: 'fail', observed: "/etc/sysctl.d/50-link.conf is not readable by the node's root, so grade cannot judge it" });
    const big = { ...resolvConf, path: '/etc/big.conf' };
    expect((await file(big, FILES_TOO_LARGE)).outcome).toMatchObject({ status: 'fail', observed: '/etc/big.conf is larger than 64 KiB, so grade cannot judge it' });
  });

  test("a probe that failed is grade's error; an infrastructure fault is thrown", async () => {
    expect((await file(resolvConf, { stdout: '', stderr: 'probe-files: no node red\n', exitCode: 2 })).outcome).toMatchObject({ status: 'error', observed: 'could not read /etc/resolv.conf' });
    await expect(file(resolvConf, new Error('exec failed: container gone'))).rejects.toThrow('container gone');
  });
});

describe('file: lines that only look right (hostile)', () => {
  const bom = { ...resolvConf, path: '/etc/bom.conf' };
  test('a byte-order mark before the line, a CR at its end: the resolver reads neither as a nameserver line', async () => {
    const { outcome } = await file(bom, FILES_BOM_CRLF);
    expect(outcome.status).toBe('fail');
    const loose = await file({ ...bom, matches: 'nameserver\\s+192\\.168\\.1\\.53' }, FILES_BOM_CRLF);
    // Where a looser pattern matches, the quote shows what a person cannot see.
    expect(loose.outcome).toMatchObject({ status: 'pass', observed: 'line 1: <U+FEFF>nameserver 192.168.1.53<U+000D>' });
  });

  test('U+00A0 between fields is no space to a config parser', async () => {
    expect((await file(resolvConf, printed('/etc/resolv.conf', 'nameserver\u00a0192.168.1.53\n'))).outcome.status).toBe('fail');
    expect((await file(resolvConf, printed('/etc/resolv.conf', 'nameserver\t192.168.1.53\n'))).outcome.status).toBe('pass');
  });

  test('a header line the learner wrote into the file, with a guessed mark, is only a line of the file', async () => {
    const forged = `${RECORDED_MARK} /etc/other.conf\n${RECORDED_MARK} /etc/resolv.conf\nnameserver 192.168.1.53\n`;
    const lab = fakeLab({ probe: (_name, _args, options) => ({ stdout: `${options.env?.GRADE_MARK} /etc/resolv.conf\n${forged}\n` }) });
    const outcome = await fileCheck.run(resolvConf, contextOf(lab));
    expect(outcome).toMatchObject({ status: 'pass', observed: 'line 3: nameserver 192.168.1.53' });
    const empty = fakeLab({ probe: (_name, _args, options) => ({ stdout: `${options.env?.GRADE_MARK} /etc/resolv.conf\n${RECORDED_MARK} /etc/resolv.conf UNREADABLE\n\n` }) });
    expect((await fileCheck.run(resolvConf, contextOf(empty))).observed).toBe('no line of /etc/resolv.conf on red matches');
  });
});
