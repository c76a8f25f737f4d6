import { describe, expect, test } from 'vitest';
import type { ExecOptions } from '../runner/lab-exec.js';
import { contextOf, fakeLab, timedOut, type Reply } from '../test/support/fake-lab.js';
import {
  CONN_ANSWERED, CONN_LOCAL_ANSWER, CONN_PAST_A_PACKET_SOCKET, CONN_REFUSED, NETNS_MISSING, RESOLVE_FROM_HOSTS,
  TCP_LISTENER_ANSWERED, TCP_LISTENER_PORT_TAKEN, replay, withLine,
} from '../test/support/fake-lab-recordings.js';
import { tcpCheck } from './tcp.js';

// The tcp check against recorded probe-conn and probe-tcp output: a connection counts only when the
// SYN the client sent reached the far node and that node's own SYN-ACK came back (runner/image/probe-conn.sh).

const HOLDERS = { '192.168.1.3': 'lan-server', '192.168.15.3': 'blue' };
const TOKEN = '8685d074a11db7b3';
type Params = Parameters<typeof tcpCheck.run>[0];

async function tcp(params: Params, conn: Reply | ((args: readonly string[], options: ExecOptions) => Reply)) {
  const lab = fakeLab({ probe: (name, args, options) => (name === 'conn' ? (typeof conn === 'function' ? conn(args, options) : conn) : undefined) });
  return { outcome: await tcpCheck.run(params, contextOf(lab, HOLDERS, TOKEN)), calls: lab.calls };
}

/** The recorded answered connection, with its @@syn line saying what the switch saw instead. */
const saw = (line: string) => replay(withLine(CONN_ANSWERED, `@@syn ${line}`));

const whoami = { node: 'red', to: '192.168.1.3', port: 7000, send: 'hello', expect: '{{token}}' };

describe('tcp: the far node took the connection and answered', () => {
  test('passes; nc runs under probe-conn towards the node the exercise gives the address', async () => {
    const { outcome, calls } = await tcp(whoami, replay(CONN_ANSWERED));
    expect(outcome).toMatchObject({ status: 'pass', expected: 'red connects to 192.168.1.3:7000 and the reply contains the run token', observed: 'the reply contains the run token' });
    const [call] = calls;
    expect([call?.at, ...(call?.argv.slice(0, 3) ?? [])]).toEqual(['conn', 'red', 'lan-server', 'bash']);
    expect(call?.argv[4]).toBe(`printf '%s' "$GRADE_SEND" | nc -v -n -N -w 2 192.168.1.3 7000`);
    expect(call?.options).toEqual({ env: { GRADE_SEND: 'hello' }, timeoutMs: 6000 });
  });

  test('evidence: the nc command, and what it printed without the probe\'s @@syn line', async () => {
    const { outcome } = await tcp(whoami, replay(CONN_ANSWERED));
    const output = `${CONN_ANSWERED.stdout.replace(/^@@syn.*\n/m, '')}${CONN_ANSWERED.stderr}`;
    expect(outcome.evidence).toEqual([
      { node: 'red', command: "nc 192.168.1.3 7000   (and, on the lab's switch, a capture of its handshake)", exitCode: 0, output, truncated: false, timedOut: false },
    ]);
  });

  test('{{port}}: the check picks the source port, and only an answer that names it passes (no replayed answer)', async () => {
    const echoPort = (args: readonly string[]) => {
      const port = / -p (\d+) /.exec(args[4] ?? '')?.[1];
      return replay({ ...CONN_ANSWERED, stdout: CONN_ANSWERED.stdout.replace('port 41000', `port ${port}`) });
    };
    const params = { ...whoami, expect: 'seen from 192.168.1.2 port {{port}}' };
    expect((await tcp(params, echoPort)).outcome.status).toBe('pass');
    expect((await tcp(params, replay(CONN_ANSWERED))).outcome).toMatchObject({ status: 'fail', observed: expect.stringMatching(/^the reply was "8685d074a11db7b3 hello seen from 192\.168\.1\.2 port 41000"$/) });
  });

  test('with no node holding the address there is no switch to watch: plain nc in the node', async () => {
    const lab = fakeLab({ exec: () => replay(CONN_ANSWERED) });
    const outcome = await tcpCheck.run({ node: 'red', to: '192.168.1.3', port: 7000 }, contextOf(lab, {}, TOKEN));
    expect(outcome.status).toBe('pass');
    expect(lab.calls.map((c) => [c.via, c.at, c.argv[0]])).toEqual([['exec', 'red', 'bash']]);
  });

  test('a host name is looked up with the node\'s own resolver first, and the lookup is evidence', async () => {
    const lab = fakeLab({
      probe: (name, _args, options) => {
        if (name === 'resolve') return replay(RESOLVE_FROM_HOSTS, options.env?.GRADE_MARK);
        return name === 'conn' ? replay(CONN_ANSWERED) : undefined;
      },
    });
    const outcome = await tcpCheck.run({ node: 'red', to: 'web.lab', port: 7000 }, contextOf(lab, HOLDERS, TOKEN));
    expect(outcome.status).toBe('pass');
    expect(lab.calls.map((c) => [c.at, ...c.argv.slice(0, 2)])).toEqual([['resolve', 'red', 'web.lab'], ['conn', 'red', 'lan-server']]);
    expect(outcome.evidence).toHaveLength(2);
  });
});

describe('tcp: no connection, or the wrong answer', () => {
  test('refused: fails with nc\'s own reason', async () => {
    const { outcome } = await tcp({ ...whoami, port: 7001 }, replay(CONN_REFUSED));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'the connection to 192.168.1.3:7001 failed: connect to 192.168.1.3 port 7001 (tcp) failed: Connection refused' });
  });

  test('connected, but the reply lacks the text, or is empty', async () => {
    const other = await tcp({ ...whoami, expect: 'welcome' }, replay(CONN_ANSWERED));
    expect(other.outcome).toMatchObject({ status: 'fail', observed: `the reply was "${TOKEN} hello seen from 192.168.1.2 port 41000"` });
    const empty = await tcp(whoami, replay({ ...CONN_ANSWERED, stdout: '@@syn sent=1 into=1 same=1 back=1 relays=\n' }));
    expect(empty.outcome).toMatchObject({ status: 'fail', observed: 'connected, but the reply was empty' });
  });

  test('a namespace the learner did not make fails in one sentence', async () => {
    const lab = fakeLab({ probe: () => replay(NETNS_MISSING) });
    const outcome = await tcpCheck.run({ ...whoami, netns: 'ns1' }, contextOf(lab, HOLDERS, TOKEN));
    expect(lab.calls[0]?.argv[0]).toBe('red/ns1');
    expect(outcome).toMatchObject({ status: 'fail', observed: 'network namespace ns1 does not exist in the node (see ip netns list)' });
  });

  test('connect: false passes on a refusal and fails on an accepted connection', async () => {
    const blocked = { ...whoami, connect: false };
    expect((await tcp(blocked, replay(CONN_REFUSED))).outcome).toMatchObject({ status: 'pass', observed: 'no connection' });
    expect((await tcp(blocked, replay(CONN_ANSWERED))).outcome).toMatchObject({ status: 'fail', observed: 'the connection was accepted' });
    expect(tcpCheck.confirmFailure?.(blocked)).toBe(false);
    expect(tcpCheck.confirmFailure?.(whoami)).toBe(true);
  });
});

describe('tcp: answers that prove nothing (hostile)', () => {
  test("a SYN-ACK whose ISN is not the server's: the client's SYN was mirrored to the server, something nearer answered", async () => {
    const { outcome } = await tcp(whoami, saw('sent=1 into=1 same=1 back=0 relays='));
    expect(outcome).toMatchObject({ status: 'fail', observed: expect.stringContaining("lan-server's own answer (its SYN-ACK) never came back to red") });
  });

  test('a listener on the client itself answered: no SYN ever reached the server', async () => {
    const { outcome } = await tcp({ ...whoami, expect: 'fake-answer' }, replay(CONN_LOCAL_ANSWER));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'an answer came, but no connection ever reached lan-server: something else answered (a listener on red itself?)' });
  });

  test('a proxy in between opened a connection of its own (another ISN)', async () => {
    const { outcome } = await tcp(whoami, saw('sent=1 into=1 same=0 back=0 relays='));
    expect(outcome.observed).toMatch(/^a connection reached lan-server, but not the one red opened/);
  });

  test('a learner packet socket on the way earns nothing', async () => {
    const { outcome } = await tcp(whoami, replay(CONN_PAST_A_PACKET_SOCKET));
    expect(outcome).toMatchObject({ status: 'fail', observed: expect.stringMatching(/^host held a packet socket during the check/) });
  });

  test('sourceOnWire: no SYN from that source reached the server: NAT on the way', async () => {
    const lab = fakeLab({ probe: () => saw('sent=0 into=1 same=0 back=0 relays=') });
    const outcome = await tcpCheck.run({ ...whoami, sourceOnWire: '192.168.15.2' }, contextOf(lab, HOLDERS, TOKEN));
    expect(lab.calls[0]?.options.env).toEqual({ GRADE_SEND: 'hello', GRADE_WIRE_SRC: '192.168.15.2' });
    expect(outcome).toMatchObject({ status: 'fail', observed: expect.stringContaining('its source was rewritten on the way (NAT)') });
  });
});

describe("tcp: grade's own faults", () => {
  test('a handshake capture that did not start is an error, even with an answer', async () => {
    const { outcome } = await tcp(whoami, saw('sent=-1 into=-1 same=-1 back=-1 relays= tcpdump: no such device'));
    expect(outcome).toMatchObject({ status: 'error', observed: "could not watch the lab's links for the connection's handshake" });
  });

  test('a resolver probe that failed is an error; an infrastructure fault is thrown', async () => {
    const lab = fakeLab({ probe: (name) => (name === 'resolve' ? { exitCode: 2, stderr: 'probe-resolve: unknown option\n' } : undefined) });
    expect(await tcpCheck.run({ node: 'red', to: 'web.lab', port: 7000 }, contextOf(lab, HOLDERS))).toMatchObject({ status: 'error' });
    await expect(tcp(whoami, new Error('exec failed: container gone'))).rejects.toThrow('container gone');
  });

  test('a connection cut off at the time limit fails as no answer in time (it is tried again first)', async () => {
    const { outcome } = await tcp(whoami, timedOut({ stdout: '@@syn sent=1 into=0 same=0 back=0 relays=\n' }));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'the connection to 192.168.1.3:7000 failed: no answer in time' });
  });
});

describe('tcp with a listener grade starts (probe-tcp)', () => {
  const listened = { node: 'red', to: '192.168.15.3', port: 8000, send: 'ping', expect: '{{token}}', listener: 'blue' };
  /** probe-tcp as recorded, answering with the secret the check gave it (GRADE_TOKEN), or with `secret`. */
  const listener = (secret?: string) => (_args: readonly string[], options: ExecOptions) =>
    replay({ ...TCP_LISTENER_ANSWERED, stdout: TCP_LISTENER_ANSWERED.stdout.replace('feedc0de', secret ?? options.env?.GRADE_TOKEN ?? '') });
  const run = async (reply: Reply | ((args: readonly string[], options: ExecOptions) => Reply), params: Params = listened) => {
    const lab = fakeLab({ probe: (name, args, options) => (name === 'tcp' ? (typeof reply === 'function' ? reply(args, options) : reply) : undefined) });
    return { outcome: await tcpCheck.run(params, contextOf(lab, HOLDERS, TOKEN)), calls: lab.calls };
  };

  test('passes with a secret fresh for the check; evidence drops the probe\'s own lines', async () => {
    const { outcome, calls } = await run(listener());
    expect(outcome.status).toBe('pass');
    expect(calls[0]?.argv).toEqual(['blue', '8000', 'red', '192.168.15.3', '']);
    const secret = calls[0]?.options.env?.GRADE_TOKEN;
    expect(secret).toMatch(/^[0-9a-f]{16}$/);
    expect(secret).not.toBe(TOKEN);
    expect(outcome.evidence[0]?.command).toBe('nc 192.168.15.3 8000   (grade listens on blue port 8000 for this check)');
    expect(outcome.evidence[0]?.output).not.toMatch(/@@listen|@@syn/);
  });

  test("the run's token, or an answer recorded earlier, is not the check's secret", async () => {
    expect((await run(listener(TOKEN))).outcome.status).toBe('fail');
    expect((await run(listener('feedc0de'))).outcome.status).toBe('fail');
  });

  test("the port taken by the learner's own listener fails, saying so; another start failure is grade's", async () => {
    const taken = await run(replay(TCP_LISTENER_PORT_TAKEN));
    expect(taken.outcome).toMatchObject({ status: 'fail', observed: expect.stringMatching(/^port 8000 on blue is taken by another program/) });
    const broken = await run({ stdout: '@@listen failed socat: E exec: No such file\n', exitCode: 1 });
    expect(broken.outcome).toMatchObject({ status: 'error', observed: 'grade could not start its listener on blue: socat: E exec: No such file' });
  });
});
