import { describe, expect, test } from 'vitest';
import type { ExecOptions } from '../runner/lab-exec.js';
import { contextOf, fakeLab, type Reply } from '../test/support/fake-lab.js';
import { CURL_HTTP09, CURL_REFUSED, NETNS_MISSING, RESOLVE_FROM_HOSTS, RESOLVE_HOSTS_LINE_WITH_NBSP, replay, type Recorded } from '../test/support/fake-lab-recordings.js';
import { httpCheck } from './http.js';

// The http check against curl run under recorded probe-conn: the page must come from the far node
// itself, its handshake watched on the lab's switch like the tcp check's.

const HOLDERS = { '192.168.1.3': 'lan-server' };
const TOKEN = '8685d074a11db7b3';
const SYN_OK = '@@syn sent=1 into=1 same=1 back=1 relays=\n';
type Params = Parameters<typeof httpCheck.run>[0];

/** What curl printed under probe-conn: a page (a lab web service answers with the run's token), then the probe's line. */
const page = (body: string, syn = SYN_OK): Recorded => ({ stdout: `${body}${syn}`, stderr: '', exitCode: 0 });

async function http(params: Params, conn: Reply | ((args: readonly string[], options: ExecOptions) => Reply)) {
  const lab = fakeLab({
    probe: (name, args, options) => {
      // red's hosts file names web.lab; the lookup of any other name finds nothing.
      if (name === 'resolve') return replay(args[1] === 'web.lab' ? RESOLVE_FROM_HOSTS : RESOLVE_HOSTS_LINE_WITH_NBSP, options.env?.GRADE_MARK);
      return name === 'conn' ? (typeof conn === 'function' ? conn(args, options) : conn) : undefined;
    },
  });
  return { outcome: await httpCheck.run(params, contextOf(lab, HOLDERS, TOKEN)), calls: lab.calls };
}

const web = { node: 'red', url: 'http://192.168.1.3/', expect: '{{token}}' };
const served = replay(page(`<html><body>lab web ${TOKEN}</body></html>\n`));

describe('http: the page came from the far node', () => {
  test('passes; curl runs under probe-conn, never looking a name up itself', async () => {
    const { outcome, calls } = await http(web, served);
    expect(outcome).toMatchObject({ status: 'pass', expected: 'red fetches http://192.168.1.3/ and the page contains the run token', observed: 'the page contains the run token' });
    expect(calls).toEqual([{ via: 'probe', at: 'conn', argv: ['red', 'lan-server', 'curl', '-sS', '--noproxy', '*', '--connect-timeout', '2', '-m', '3', 'http://192.168.1.3/'], options: { timeoutMs: 7000 } }]);
  });

  test('evidence: the curl command and the page, without the probe\'s line', async () => {
    const { outcome } = await http(web, served);
    expect(outcome.evidence).toEqual([
      { node: 'red', command: "curl http://192.168.1.3/   (and, on the lab's switch, a capture of its handshake)", exitCode: 0, output: `<html><body>lab web ${TOKEN}</body></html>\n`, truncated: false, timedOut: false },
    ]);
  });

  test('a host name is resolved by the node first and pinned with --resolve; the lookup is evidence too', async () => {
    const { outcome, calls } = await http({ ...web, url: 'http://web.lab/' }, served);
    expect(outcome.status).toBe('pass');
    expect(calls[1]?.argv.slice(-3)).toEqual(['--resolve', 'web.lab:80:192.168.1.3', 'http://web.lab/']);
    expect(outcome.evidence.map((e) => e.command)).toEqual(["getent ahostsv4 web.lab   (with red's /etc/hosts, /etc/resolv.conf and /etc/nsswitch.conf)", "curl --resolve web.lab:80:192.168.1.3 http://web.lab/   (and, on the lab's switch, a capture of its handshake)"]);
  });

  test('{{port}} in the expected text: curl connects from that port, and only a page naming it passes', async () => {
    const params = { ...web, expect: 'from 192.168.1.2 port {{port}}' };
    const echo = (args: readonly string[]) => replay(page(`seen from 192.168.1.2 port ${args[args.indexOf('--local-port') + 1]}\n`));
    expect((await http(params, echo)).outcome.status).toBe('pass');
    expect((await http(params, replay(page('seen from 192.168.1.2 port 41000\n')))).outcome.status).toBe('fail');
  });

  test('a failure is tried again before it counts', () => {
    expect(httpCheck.confirmFailure?.(web)).toBe(true);
  });
});

describe('http: no page, or not the page', () => {
  test("curl's own reason, without its error number: refused, or not HTTP at all", async () => {
    expect((await http(web, replay(CURL_REFUSED))).outcome).toMatchObject({ status: 'fail', observed: "Failed to connect to 192.168.1.3 port 80 after 0 ms: Couldn't connect to server" });
    expect((await http({ ...web, url: 'http://192.168.1.3:7000/' }, replay(CURL_HTTP09))).outcome).toMatchObject({ status: 'fail', observed: 'Received HTTP/0.9 when not allowed' });
  });

  test('a page without the text quotes its first line; an empty page says so', async () => {
    expect((await http(web, replay(page('\n\n<h1>It works!</h1>\n')))).outcome).toMatchObject({ status: 'fail', observed: 'the page was "<h1>It works!</h1>"' });
    expect((await http(web, replay(page('')))).outcome).toMatchObject({ status: 'fail', observed: 'the page was empty' });
  });

  test('a name that resolves nowhere fails before any fetch', async () => {
    const { outcome, calls } = await http({ ...web, url: 'http://nowhere.lab/' }, served);
    expect(outcome).toMatchObject({ status: 'fail', observed: expect.stringContaining('nowhere.lab does not resolve on red') });
    expect(calls.map((c) => c.at)).toEqual(['resolve']);
  });

  test('a namespace the learner did not make fails in one sentence', async () => {
    const { outcome } = await http({ ...web, netns: 'ns1' }, replay(NETNS_MISSING));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'network namespace ns1 does not exist in the node (see ip netns list)' });
  });
});

describe('http: pages that prove nothing (hostile)', () => {
  test('a web server on the client itself: no connection ever reached the far node', async () => {
    const { outcome } = await http(web, replay(page(`${TOKEN}\n`, '@@syn sent=0 into=0 same=0 back=0 relays=\n')));
    expect(outcome).toMatchObject({ status: 'fail', observed: expect.stringContaining('no connection ever reached lan-server') });
  });

  test("a SYN-ACK that is not the far node's own, a proxy's own connection, a packet socket on the way", async () => {
    expect((await http(web, replay(page(`${TOKEN}\n`, '@@syn sent=1 into=1 same=1 back=0 relays=\n')))).outcome.observed).toContain('its SYN-ACK) never came back to red');
    expect((await http(web, replay(page(`${TOKEN}\n`, '@@syn sent=1 into=1 same=0 back=0 relays=\n')))).outcome.observed).toContain('not the one red opened');
    expect((await http(web, replay(page(`${TOKEN}\n`, '@@syn sent=1 into=1 same=1 back=1 relays=host:raw\n')))).outcome.observed).toMatch(/^host held a raw socket/);
  });

  test('far: names the node behind a DNAT gateway; the proof is asked of it', async () => {
    const { calls } = await http({ ...web, far: 'host' }, served);
    expect(calls[0]?.argv.slice(0, 2)).toEqual(['red', 'host']);
  });
});

describe("http: grade's own faults", () => {
  test('a capture that did not start is an error', async () => {
    const { outcome } = await http(web, replay(page(`${TOKEN}\n`, '@@syn sent=-1 into=-1 same=-1 back=-1 relays= tcpdump: no such device\n')));
    expect(outcome.status).toBe('error');
  });

  test('a resolver probe that failed is an error; an infrastructure fault is thrown', async () => {
    const lab = fakeLab({ probe: (name) => (name === 'resolve' ? { exitCode: 1, stderr: 'probe-resolve: mktemp failed\n' } : undefined) });
    expect(await httpCheck.run({ ...web, url: 'http://web.lab/' }, contextOf(lab, HOLDERS))).toMatchObject({ status: 'error' });
    await expect(http(web, new Error('exec failed: container gone'))).rejects.toThrow('container gone');
  });
});
