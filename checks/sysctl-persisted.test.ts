import { describe, expect, test } from 'vitest';
import { contextOf, fakeLab } from '../test/support/fake-lab.js';
import { FILES_LINK_TO_PROC, FILES_NONE, FILES_SYSCTL, FILES_TOO_LARGE, RECORDED_MARK, replay, type Recorded } from '../test/support/fake-lab-recordings.js';
import { sysctlPersistedCheck } from './sysctl-persisted.js';

// The sysctl-persisted check against recorded probe-files output of the sysctl files: what
// `sysctl --system` would apply at boot, each line read the way procps reads it.

type Params = Parameters<typeof sysctlPersistedCheck.run>[0];

async function persisted(params: Params, answer: Recorded | Error) {
  const lab = fakeLab({ probe: (name, _args, options) => (name !== 'files' ? undefined : answer instanceof Error ? answer : replay(answer, options.env?.GRADE_MARK)) });
  return { outcome: await sysctlPersistedCheck.run(params, contextOf(lab)), calls: lab.calls };
}

/** A dump of sysctl files as probe-files prints them. */
const dump = (...files: [path: string, content: string][]): Recorded => ({
  stdout: files.map(([path, content]) => `${RECORDED_MARK} ${path}\n${content}\n`).join(''),
  stderr: '',
  exitCode: 0,
});

const forwarding = { node: 'host', key: 'net.ipv4.ip_forward', value: 1 };

describe('sysctl-persisted: a file sets the key', () => {
  test('passes naming the file and line; reads sysctl.d/*.conf then sysctl.conf, with a mark of its own', async () => {
    const { outcome, calls } = await persisted(forwarding, dump(['/etc/sysctl.d/99-forward.conf', '# lab\nnet.ipv4.ip_forward = 1\n']));
    expect(outcome).toMatchObject({
      status: 'pass',
      expected: 'net.ipv4.ip_forward = 1 in /etc/sysctl.conf or /etc/sysctl.d/*.conf on host',
      observed: '/etc/sysctl.d/99-forward.conf line 2 sets net.ipv4.ip_forward = 1',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ via: 'probe', at: 'files', argv: ['host', '/etc/sysctl.d/*.conf', '/etc/sysctl.conf'] });
    expect(calls[0]?.options.env?.GRADE_MARK).toMatch(/^@@[0-9a-f]{12}$/);
  });

  test('evidence: the files, as a person would cat them', async () => {
    const { outcome, calls } = await persisted(forwarding, FILES_SYSCTL);
    const mark = calls[0]?.options.env?.GRADE_MARK ?? '';
    expect(outcome.evidence).toEqual([
      { node: 'host', command: 'cat /etc/sysctl.d/*.conf /etc/sysctl.conf', exitCode: 0, output: FILES_SYSCTL.stdout.split(RECORDED_MARK).join(mark), truncated: false, timedOut: false },
    ]);
  });

  test('the last setting wins: /etc/sysctl.conf after sysctl.d', async () => {
    const later = dump(['/etc/sysctl.d/99-forward.conf', 'net.ipv4.ip_forward = 1\n'], ['/etc/sysctl.conf', 'net.ipv4.ip_forward = 0\n']);
    expect((await persisted(forwarding, later)).outcome).toMatchObject({ status: 'fail', observed: '/etc/sysctl.conf line 1 sets net.ipv4.ip_forward = 0' });
  });

  test('a line ending in CRLF still sets its value (procps stops the value at the CR)', async () => {
    const rpFilter = { node: 'host', key: 'net.ipv4.conf.all.rp_filter', value: 2 };
    expect((await persisted(rpFilter, FILES_SYSCTL)).outcome).toMatchObject({ status: 'pass', observed: '/etc/sysctl.d/10-crlf.conf line 2 sets net.ipv4.conf.all.rp_filter = 2' });
  });
});

describe('sysctl-persisted: not set, or not judged', () => {
  test('U+00A0 before the = makes another key: fails, showing the character (hostile)', async () => {
    const { outcome } = await persisted(forwarding, FILES_SYSCTL);
    expect(outcome).toMatchObject({
      status: 'fail',
      observed: '/etc/sysctl.d/90-nbsp.conf line 1 sets "net.ipv4.ip_forward<U+00A0>", not net.ipv4.ip_forward: sysctl takes only spaces and tabs for spaces, so that key does not exist and net.ipv4.ip_forward is lost at reboot',
    });
  });

  test('U+00A0 after the value: the kernel would refuse it, so it sets nothing (hostile)', async () => {
    const { outcome } = await persisted(forwarding, dump(['/etc/sysctl.conf', 'net.ipv4.ip_forward = 1\u00a0\n']));
    expect(outcome).toMatchObject({ status: 'fail', observed: '/etc/sysctl.conf line 1 sets net.ipv4.ip_forward = 1<U+00A0>' });
  });

  test('no file sets the key, or no file at all', async () => {
    const none = "no sysctl file on host sets net.ipv4.ip_forward, so it is lost at reboot";
    expect((await persisted(forwarding, dump(['/etc/sysctl.conf', '#net.ipv4.ip_forward=1\n']))).outcome).toMatchObject({ status: 'fail', observed: none });
    expect((await persisted(forwarding, FILES_NONE)).outcome).toMatchObject({ status: 'fail', observed: none });
  });

  test('a file grade may not read, or too large, fails: what boot would apply is unknown', async () => {
    expect((await persisted(forwarding, FILES_LINK_TO_PROC)).outcome).toMatchObject({
      status: 'fail',
      observed: "/etc/sysctl.d/50-link.conf is not readable by the node's root, so grade cannot tell what the node would apply at boot",
    });
    const big = { ...FILES_TOO_LARGE, stdout: FILES_TOO_LARGE.stdout.replace('/etc/big.conf', '/etc/sysctl.d/big.conf') };
    expect((await persisted(forwarding, big)).outcome.observed).toBe('/etc/sysctl.d/big.conf is larger than 64 KiB, so grade cannot tell what the node would apply at boot');
  });

  test("a probe that failed is grade's error; an infrastructure fault is thrown", async () => {
    expect((await persisted(forwarding, { stdout: '', stderr: 'probe-files: no node host\n', exitCode: 2 })).outcome).toMatchObject({ status: 'error', observed: 'could not read the sysctl files' });
    await expect(persisted(forwarding, new Error('exec failed: container gone'))).rejects.toThrow('container gone');
  });
});
