import { describe, expect, test } from 'vitest';
import type { ExecOptions, LabExec, ProbeName } from '../runner/lab-exec.js';
import { execResult } from '../test/support/fake-engine.js';
import { contextOf, fakeLab } from '../test/support/fake-lab.js';
import { RESOLVE_FROM_HOSTS, RESOLVE_HOSTS_LINE_WITH_NBSP, replay, type Recorded } from '../test/support/fake-lab-recordings.js';
import type { CheckContext } from './check-kind.js';
import { targetOf } from './resolve-name.js';
import { resolveCheck } from './resolve.js';

interface Answer {
  files?: string;
  nameservers?: string;
  system?: string[];
  hostsFile?: string[];
  capture?: string;
}

const rows = (address: string, name: string) => [`${address}    STREAM ${name}`, `${address}    DGRAM  `, `${address}    RAW    `];

/** A lab whose resolve probe prints the given answer (with the mark the check chose), and records its calls. */
function labAnswering(answer: Answer, exitCode = 0) {
  const calls: string[][] = [];
  const lab: LabExec = {
    nodeNames: ['host-a', 'dns'],
    exec: () => Promise.reject(new Error('no exec expected')),
    async probe(name: ProbeName, args: readonly string[], options?: ExecOptions) {
      calls.push([name, ...args]);
      const m = options?.env?.GRADE_MARK ?? '';
      const lookup = (label: string, found: string[] | undefined) => [`${m} lookup ${label} exit=${found?.length ? 0 : 2}`, ...(found ?? [])];
      const files = answer.files ?? 'hosts=ok resolv=ok nsswitch=ok';
      // As probe-resolve: nothing more when a file could not be read (an upper-case state).
      const readable = !/[A-Z]/.test(files);
      const stdout = [
        `${m} config ${files}`,
        ...(readable ? [`${m} nameservers ${answer.nameservers ?? '192.168.1.53'}`, ...lookup('system', answer.system), ...lookup('files', answer.hostsFile)] : []),
        ...(answer.capture ? [`${m} capture ${answer.capture}`] : []),
        '',
      ].join('\n');
      return execResult({ exitCode, stdout, output: stdout });
    },
  };
  return { lab, calls };
}

const ctx = (lab: LabExec): CheckContext => ({ lab, token: 't0k3n', holderOf: () => undefined });
const viaDns = { node: 'host-a', name: 'web.lab', expect: '192.168.1.20', via: 'dns' };
const fromFiles = { node: 'host-a', name: 'db', expect: '192.168.1.11', source: 'files' as const };

describe('resolve check, answered by a DNS server (via)', () => {
  test('passes when the answer is right and the query left the node and reached the server', async () => {
    const { lab, calls } = labAnswering({ system: rows('192.168.1.20', 'wEb.lAB'), capture: 'sent=1 into=1 answered=1 back=1 others=' });
    const r = await resolveCheck.run(viaDns, ctx(lab));
    expect(r.status).toBe('pass');
    expect(r.observed).toContain("its own answer came back to host-a");
    // The probe asked with a spelling of its own, watched for exactly it, and for the server's port.
    const [name, node, question, watch, filter, far, farNode] = calls[0]!;
    expect([name, node, watch, far, farNode]).toEqual(['resolve', 'host-a', '--watch', '--far', 'dns']);
    expect(question!.toLowerCase()).toBe('web.lab');
    expect(question).not.toBe('web.lab');
    expect(filter).toContain(`udp[20:4] = 0x03${Buffer.from(question!.slice(0, 3)).toString('hex')}`);
    // The server's answers too: they repeat the question, spelt as asked.
    expect(filter).toContain('udp src port 53 and udp[10] & 0x80 != 0');
  });

  test("fails when the server got the query but its own answer did not come back: something else answered", async () => {
    const silent = await resolveCheck.run(viaDns, ctx(labAnswering({ system: rows('192.168.1.20', 'web.lab'), capture: 'sent=1 into=1 answered=0 back=0 others=' }).lab));
    expect(silent).toMatchObject({ status: 'fail', observed: expect.stringContaining("host-a's query reached dns and dns sent no answer to it") });
    const lost = await resolveCheck.run(viaDns, ctx(labAnswering({ system: rows('192.168.1.20', 'web.lab'), capture: 'sent=1 into=1 answered=1 back=0 others=' }).lab));
    expect(lost).toMatchObject({ status: 'fail', observed: expect.stringContaining("dns's answer never came back to host-a") });
  });

  test("fails when a learner's socket could have answered in the server's place, even with the server's answer seen", async () => {
    const capture = 'sent=1 into=1 answered=1 back=1 others=host-a:udp:53,?:tcp:5353,host-a:packet';
    const r = await resolveCheck.run(viaDns, ctx(labAnswering({ system: rows('192.168.1.20', 'web.lab'), capture }).lab));
    expect(r.status).toBe('fail');
    expect(r.observed).toContain('a UDP socket on port 53 on host-a; a TCP listener on port 5353 in a namespace of the learner\'s own; a packet (link-layer) socket on host-a could answer in its place');
  });

  test("fails when nothing left the node: the hosts file answered (or a local resolver)", async () => {
    const hosts = await resolveCheck.run(viaDns, ctx(labAnswering({ system: rows('192.168.1.20', 'web.lab'), hostsFile: rows('192.168.1.20', 'web.lab'), capture: 'sent=0 into=0' }).lab));
    expect(hosts).toMatchObject({ status: 'fail', observed: expect.stringContaining("answered by something other than dns (host-a's own hosts file names it): no query for it left host-a") });
    const local = await resolveCheck.run(viaDns, ctx(labAnswering({ system: rows('192.168.1.20', 'web.lab'), capture: 'sent=0 into=0' }).lab));
    expect(local.observed).toContain('answered by something other than dns (a local resolver?)');
  });

  test('fails when the query left the node but never reached the server', async () => {
    const r = await resolveCheck.run(viaDns, ctx(labAnswering({ system: rows('192.168.1.20', 'web.lab'), capture: 'sent=1 into=0' }).lab));
    expect(r).toMatchObject({ status: 'fail', observed: expect.stringContaining('no query for it reached dns') });
  });

  test('a name that does not resolve says which name servers were asked, or that none is named', async () => {
    const none = await resolveCheck.run(viaDns, ctx(labAnswering({ nameservers: '', capture: 'sent=0 into=0' }).lab));
    expect(none.observed).toBe('web.lab does not resolve on host-a: its hosts file does not name it, and its /etc/resolv.conf names no name server to ask');
    const some = await resolveCheck.run(viaDns, ctx(labAnswering({ nameservers: '10.9.9.9', capture: 'sent=1 into=0' }).lab));
    expect(some.observed).toContain('the name server it asks (10.9.9.9) has no answer either');
  });

  test("a capture that did not start, or a probe that failed, is grade's fault", async () => {
    const noCapture = await resolveCheck.run(viaDns, ctx(labAnswering({ system: rows('192.168.1.20', 'web.lab'), capture: 'sent=-1 into=-1' }).lab));
    expect(noCapture.status).toBe('error');
    const failed = await resolveCheck.run(viaDns, ctx(labAnswering({}, 2).lab));
    expect(failed.status).toBe('error');
  });
});

describe('resolve check, from the hosts file (source: files)', () => {
  test('passes when the hosts file gives the answer and no query left the node', async () => {
    const { lab, calls } = labAnswering({ system: rows('192.168.1.11', 'db'), hostsFile: rows('192.168.1.11', 'db'), capture: 'sent=0 into=0' });
    expect((await resolveCheck.run(fromFiles, ctx(lab))).status).toBe('pass');
    expect(calls[0]).not.toContain('--far');
  });

  test('DNS asked first: the wrong address, although the hosts file has the right one', async () => {
    const r = await resolveCheck.run(fromFiles, ctx(labAnswering({ system: rows('192.168.1.99', 'db'), hostsFile: rows('192.168.1.11', 'db'), capture: 'sent=1 into=0' }).lab));
    expect(r).toMatchObject({ status: 'fail', observed: expect.stringMatching(/^db resolves to 192\.168\.1\.99 on host-a, not 192\.168\.1\.11, although its hosts file says 192\.168\.1\.11/) });
  });

  test('the right address from something other than the hosts file (a local DNS server) fails', async () => {
    const r = await resolveCheck.run(fromFiles, ctx(labAnswering({ system: rows('192.168.1.11', 'db'), capture: 'sent=0 into=0' }).lab));
    expect(r).toMatchObject({ status: 'fail', observed: expect.stringContaining("host-a's hosts file has no such entry") });
  });

  test('the right address, but a DNS query went out first, fails', async () => {
    const r = await resolveCheck.run(fromFiles, ctx(labAnswering({ system: rows('192.168.1.11', 'db'), hostsFile: rows('192.168.1.11', 'db'), capture: 'sent=2 into=2' }).lab));
    expect(r).toMatchObject({ status: 'fail', observed: expect.stringContaining('sent 2 DNS queries for it before its hosts file had a say') });
  });

  test('a resolver file grade may not read fails, saying which', async () => {
    const r = await resolveCheck.run(fromFiles, ctx(labAnswering({ files: 'hosts=UNREADABLE resolv=ok nsswitch=TOO-LARGE' }).lab));
    expect(r).toMatchObject({ status: 'fail', observed: expect.stringMatching(/\/etc\/hosts is not readable by the node's root; \/etc\/nsswitch.conf is larger than 64 KiB/) });
  });
});

describe('targetOf (tcp and http by name)', () => {
  test('an address is used as it is, without a lookup', async () => {
    const { lab, calls } = labAnswering({});
    expect(await targetOf(lab, 'host-a', '192.168.1.11')).toEqual({ address: '192.168.1.11', evidence: [] });
    expect(calls).toEqual([]);
  });

  test("a name becomes the first address the node's resolver gives, without watching the switch", async () => {
    const { lab, calls } = labAnswering({ system: [...rows('192.168.1.11', 'db'), ...rows('192.168.1.12', 'db')] });
    expect(await targetOf(lab, 'host-a', 'db')).toMatchObject({ address: '192.168.1.11' });
    expect(calls).toEqual([['resolve', 'host-a', 'db']]);
  });

  test("a name that does not resolve is the learner's failure; a failed probe is grade's", async () => {
    expect(await targetOf(labAnswering({}).lab, 'host-a', 'db')).toMatchObject({ fault: false, why: { text: expect.stringContaining('db does not resolve on host-a') } });
    expect(await targetOf(labAnswering({}, 2).lab, 'host-a', 'db')).toMatchObject({ fault: true });
  });
});

describe('targetOf with the lab topology (holderOf)', () => {
  const holders = (a: string) => ({ '192.168.1.11': 'db' })[a];
  test("a name leading to a node's address is used", async () => {
    expect(await targetOf(labAnswering({ system: rows('192.168.1.11', 'db') }).lab, 'host-a', 'db', holders)).toMatchObject({ address: '192.168.1.11' });
  });
  test('a name leading to an address no node has fails as the learner\'s (a DNAT from a stale record)', async () => {
    const t = await targetOf(labAnswering({ system: rows('192.168.1.99', 'db') }).lab, 'host-a', 'db', holders);
    expect(t).toMatchObject({ fault: false, why: { text: expect.stringContaining('192.168.1.99 on host-a, an address no node of this lab has') } });
    expect(t.address).toBeUndefined();
  });
});

describe('resolve check, the hosts file read by the resolver alone (source: hosts-file)', () => {
  const hostsFile = { node: 'host-a', name: 'db', expect: '192.168.1.11', source: 'hosts-file' as const };
  test('passes when glibc, reading only the hosts file, gives the address; no capture is started', async () => {
    const { lab, calls } = labAnswering({ system: rows('192.168.1.99', 'db'), hostsFile: [...rows('192.168.1.5', 'db'), ...rows('192.168.1.11', 'db')] });
    expect(await resolveCheck.run(hostsFile, ctx(lab))).toMatchObject({ status: 'pass' });
    expect(calls).toEqual([['resolve', 'host-a', 'db']]);
  });
  test('fails when the resolver finds no entry (a line with U+00A0 between address and name pairs nothing)', async () => {
    const r = await resolveCheck.run(hostsFile, ctx(labAnswering({ system: rows('192.168.1.11', 'db') }).lab));
    expect(r).toMatchObject({ status: 'fail', observed: expect.stringContaining('finds no entry for db') });
  });
});

describe('resolve check on probe-resolve output recorded from a lab', () => {
  const recorded = (r: Recorded) => {
    const lab = fakeLab({ probe: (name, _args, options) => (name === 'resolve' ? replay(r, options.env?.GRADE_MARK) : undefined) });
    return { lab, ctx: contextOf(lab) };
  };

  test("the hosts file alone names web.lab: passes; evidence is the lookup with the node's three files", async () => {
    const { lab, ctx: c } = recorded(RESOLVE_FROM_HOSTS);
    const outcome = await resolveCheck.run({ node: 'red', name: 'web.lab', expect: '192.168.1.3', source: 'hosts-file' }, c);
    expect(outcome).toMatchObject({ status: 'pass', observed: "red's resolver, reading only its /etc/hosts, gives 192.168.1.3 for web.lab" });
    expect(lab.calls).toEqual([{ via: 'probe', at: 'resolve', argv: ['red', 'web.lab'], options: expect.objectContaining({ env: { GRADE_MARK: expect.stringMatching(/^@@[0-9a-f]{12}$/) } }) }]);
    expect(outcome.evidence).toEqual([expect.objectContaining({ node: 'red', exitCode: 0, truncated: false, timedOut: false })]);
  });

  test('a hosts line with U+00A0 between address and name pairs nothing, for glibc as for the check (hostile)', async () => {
    const { ctx: c } = recorded(RESOLVE_HOSTS_LINE_WITH_NBSP);
    const outcome = await resolveCheck.run({ node: 'red', name: 'db', expect: '192.168.1.11', source: 'hosts-file' }, c);
    expect(outcome).toMatchObject({ status: 'fail', observed: expect.stringContaining("red's resolver, reading only its /etc/hosts, finds no entry for db") });
    const plain = await resolveCheck.run({ node: 'red', name: 'db', expect: '192.168.1.11' }, c);
    expect(plain).toMatchObject({ status: 'fail', observed: expect.stringContaining('db does not resolve on red') });
  });

  test('an infrastructure fault is thrown', async () => {
    const lab = fakeLab({ probe: () => new Error('exec failed: container gone') });
    await expect(resolveCheck.run(viaDns, contextOf(lab))).rejects.toThrow('container gone');
  });
});
