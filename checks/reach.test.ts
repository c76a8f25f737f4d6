import { describe, expect, test } from 'vitest';
import { contextOf, fakeLab, timedOut, type Reply } from '../test/support/fake-lab.js';
import {
  NEGATIVE_PING_NO_ROUTE, NEGATIVE_PING_REPLIES, NETNS_MISSING, PING_ANSWERED, PING_LOCAL_ANSWER, PING_LOOPBACK,
  PING_PAST_A_PACKET_SOCKET, PING_SILENT, replay, withLine,
} from '../test/support/fake-lab-recordings.js';
import { reachCheck } from './reach.js';

// The reach check against recorded probe-ping output: the far end must get the requests and its own
// reply must come back, watched on the lab's switch (see runner/image/probe-ping.sh).

const HOLDERS = { '192.168.15.3': 'blue', '192.168.1.3': 'lan-server', '192.168.1.99': 'lan-server' };

function pinging(reply: Reply) {
  return fakeLab({ probe: (name) => (name === 'ping' ? reply : undefined) });
}

async function reach(params: Parameters<typeof reachCheck.run>[0], reply: Reply) {
  const lab = pinging(reply);
  const outcome = await reachCheck.run(params, contextOf(lab, HOLDERS));
  return { outcome, calls: lab.calls };
}

/** The recorded answered ping, with its @@probe line saying what the switch saw instead. */
const saw = (line: string) => replay(withLine(PING_ANSWERED, `@@probe ${line}`));

const redToBlue = { node: 'red', to: '192.168.15.3' };
const redToServer = { node: 'red', to: '192.168.1.3' };

describe('reach: the far end answered, and its own reply came back', () => {
  test('passes, naming what the switch saw; the probe is asked for the far node the exercise gives the address', async () => {
    const { outcome, calls } = await reach(redToBlue, replay(PING_ANSWERED));
    expect(outcome.status).toBe('pass');
    expect(outcome.expected).toBe('red gets replies from 192.168.15.3, and its echo requests reach blue');
    expect(outcome.observed).toBe('1 of the echo requests were answered: blue received 1 of them, and its own reply came back to red');
    expect(calls).toEqual([{ via: 'probe', at: 'ping', argv: ['red', 'blue', '192.168.15.3'], options: { timeoutMs: 8000 } }]);
  });

  test('its evidence is the one probe run, as a person could retype it, with all it printed', async () => {
    const { outcome } = await reach(redToBlue, replay(PING_ANSWERED));
    expect(outcome.evidence).toEqual([
      { node: 'red', command: "ping -c 1 -w 3 192.168.15.3   (and, on the lab's switch, a capture of these echo requests)", exitCode: 0, output: PING_ANSWERED.stdout, truncated: false, timedOut: false },
    ]);
  });

  test('far: overrides the holder; an address no node holds, without far:, is the exercise\'s error', async () => {
    const { calls } = await reach({ ...redToBlue, far: 'host' }, replay(PING_ANSWERED));
    expect(calls[0]?.argv).toEqual(['red', 'host', '192.168.15.3']);
    const { outcome, calls: none } = await reach({ node: 'red', to: '10.1.1.1' }, replay(PING_ANSWERED));
    expect(outcome).toMatchObject({ status: 'error', evidence: [], observed: 'the exercise does not say which node holds 10.1.1.1: give this check a far: node' });
    expect(none).toEqual([]);
  });

  test('a failure is tried again before it counts; a must-not-reach check never is', () => {
    expect(reachCheck.confirmFailure?.(redToBlue)).toBe(true);
    expect(reachCheck.confirmFailure?.({ ...redToBlue, expect: false })).toBe(false);
  });
});

describe('reach: no reply', () => {
  test('the far end silent: fails, saying the request or the reply got lost', async () => {
    const { outcome } = await reach({ node: 'red', to: '192.168.1.99' }, replay(PING_SILENT));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'no reply from 192.168.1.99: the request or the reply got lost on the way' });
  });

  test('ping\'s own reasons are explained: no route, no ARP answer, a router without a route', async () => {
    const lines = (text: string) => replay({ ...PING_SILENT, stdout: `PING 192.168.1.3 (192.168.1.3) 56(84) bytes of data.\n${text}\n\n--- 192.168.1.3 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n@@probe sent=1 into=0 answered=0 back=0 relays=\n` });
    expect((await reach(redToServer, lines('From 192.168.15.5 icmp_seq=1 Destination Host Unreachable'))).outcome.observed).toBe('nobody answered ARP for the next hop towards 192.168.1.3 (Destination Host Unreachable)');
    expect((await reach(redToServer, lines('From 192.168.15.5 icmp_seq=1 Destination Net Unreachable'))).outcome.observed).toBe('a router on the way has no route to 192.168.1.3 (Destination Net Unreachable)');
    expect((await reach(redToServer, lines('ping: connect: Network is unreachable'))).outcome.observed).toBe('red has no route to 192.168.1.3 (Network is unreachable)');
  });

  test('a namespace the learner did not make is the learner\'s failure, in one sentence', async () => {
    const { outcome } = await reach({ ...redToServer, netns: 'ns1' }, replay(NETNS_MISSING));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'network namespace ns1 does not exist in the node (see ip netns list)' });
  });
});

describe('reach: replies that prove nothing (hostile)', () => {
  test('an address on the sender itself answered: none of the requests left it', async () => {
    const { outcome } = await reach(redToServer, replay(PING_LOCAL_ANSWER));
    expect(outcome.status).toBe('fail');
    expect(outcome.observed).toBe('red got 1 replies, but none of its echo requests left red: something answered for 192.168.1.3 that is not lan-server (an address on red itself, or a relay?)');
  });

  test('a relay answered for the far end: requests left, none reached it', async () => {
    const { outcome } = await reach(redToServer, saw('sent=1 into=0 answered=0 back=0 relays='));
    expect(outcome.observed).toContain('none of its echo requests reached lan-server');
  });

  test('a copy reached the far end, but the reply red got came from the wrong node', async () => {
    const silentFar = await reach(redToServer, saw('sent=1 into=1 answered=0 back=0 relays='));
    expect(silentFar.outcome).toMatchObject({ status: 'fail', observed: expect.stringContaining('lan-server sent no reply of its own to the 1 requests it got') });
    const notBack = await reach(redToServer, saw('sent=1 into=1 answered=1 back=0 relays='));
    expect(notBack.outcome).toMatchObject({ status: 'fail', observed: expect.stringContaining("none of the 1 replies lan-server sent reached red through the switch") });
  });

  test('a learner raw or packet socket between the ends earns nothing, even when every count is right', async () => {
    const { outcome } = await reach(redToServer, replay(PING_PAST_A_PACKET_SOCKET));
    expect(outcome.status).toBe('fail');
    expect(outcome.observed).toMatch(/^red got 1 replies, but host held a packet socket during the check/);
    const inNamespace = await reach(redToServer, saw('sent=1 into=1 answered=1 back=1 relays=?:raw'));
    expect(inNamespace.outcome.observed).toContain('a network namespace of yours held a raw socket');
  });

  test('sourceOnWire: requests that reached the far end only from another source were NATed on the way', async () => {
    const lab = pinging(saw('sent=0 into=0 answered=0 back=0 relays='));
    const outcome = await reachCheck.run({ ...redToServer, sourceOnWire: '192.168.15.2' }, contextOf(lab, HOLDERS));
    expect(lab.calls[0]?.options).toEqual({ timeoutMs: 8000, env: { GRADE_WIRE_SRC: '192.168.15.2' } });
    expect(outcome).toMatchObject({ status: 'fail', expected: expect.stringMatching(/from 192\.168\.15\.2$/), observed: expect.stringContaining('its source was rewritten on the way (NAT)') });
  });
});

describe('reach: hiddenFrom (a tunnel)', () => {
  const tunnelled = { ...redToServer, hiddenFrom: 'host' };
  test('passes only when the node in between saw none of the requests in clear', async () => {
    const clear = await reach(tunnelled, saw('sent=1 into=1 answered=1 back=1 relays= watch=0'));
    expect(clear.calls[0]?.argv).toEqual(['red', 'lan-server', '192.168.1.3', 'host']);
    expect(clear.outcome).toMatchObject({ status: 'pass', observed: expect.stringMatching(/; host saw none of them in clear$/) });
    const routed = await reach(tunnelled, saw('sent=1 into=1 answered=1 back=1 relays= watch=2'));
    expect(routed.outcome).toMatchObject({ status: 'fail', observed: expect.stringMatching(/but 2 crossed host as plain echo requests: routed, not tunnelled$/) });
  });

  test('a watch that gave no count is an error', async () => {
    const { outcome } = await reach(tunnelled, replay(PING_ANSWERED));
    expect(outcome).toMatchObject({ status: 'error', observed: "could not watch host's links" });
  });
});

describe("reach: grade's own faults are errors", () => {
  test('a probe cut off at its time limit', async () => {
    const { outcome } = await reach(redToServer, timedOut({ stdout: 'PING 192.168.1.3 (192.168.1.3) 56(84) bytes of data.\n' }));
    expect(outcome).toMatchObject({ status: 'error', observed: 'ping did not finish in time' });
    expect(outcome.evidence[0]).toMatchObject({ exitCode: null, timedOut: true });
  });

  test('a capture that did not start, or no @@probe line at all', async () => {
    const noCapture = await reach(redToServer, saw('sent=-1 into=-1 answered=-1 back=-1 relays= tcpdump: permission denied'));
    expect(noCapture.outcome).toMatchObject({ status: 'error', observed: "could not watch the lab's links for the echo requests" });
    const noLine = await reach(redToServer, replay({ ...PING_ANSWERED, stdout: PING_ANSWERED.stdout.replace(/^@@probe.*\n/m, '') }));
    expect(noLine.outcome.status).toBe('error');
  });

  test('an infrastructure fault of the lab is thrown, not turned into a verdict', async () => {
    await expect(reach(redToServer, new Error('the engine went away'))).rejects.toThrow('the engine went away');
  });
});

describe('reach, expect: false (must not reach)', () => {
  const mustNot = { node: 'red', to: '192.168.1.3', expect: false };
  const run = async (reply: Reply, params: Parameters<typeof reachCheck.run>[0] = mustNot) => {
    const lab = fakeLab({ exec: (node, argv) => (argv[0] === 'ping' ? reply : undefined) });
    return { outcome: await reachCheck.run(params, contextOf(lab, HOLDERS)), calls: lab.calls };
  };

  test('passes with no route at all; runs a short plain ping inside the node', async () => {
    const { outcome, calls } = await run(replay(NEGATIVE_PING_NO_ROUTE));
    expect(outcome).toMatchObject({ status: 'pass', expected: 'red gets no reply from 192.168.1.3', observed: 'red has no route to 192.168.1.3 (Network is unreachable)' });
    expect(calls).toEqual([{ via: 'exec', at: 'red', argv: ['ping', '-n', '-c', '2', '-i', '0.2', '-W', '0.4', '-w', '1', '192.168.1.3'], options: { timeoutMs: 4000 } }]);
    expect(outcome.evidence).toEqual([{ node: 'red', command: 'ping -n -c 2 -i 0.2 -W 0.4 -w 1 192.168.1.3', exitCode: 2, output: NEGATIVE_PING_NO_ROUTE.stderr, truncated: false, timedOut: false }]);
  });

  test('passes when every request went unanswered', async () => {
    const lost = { stdout: 'PING 192.168.1.3 (192.168.1.3) 56(84) bytes of data.\n\n--- 192.168.1.3 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 203ms\n\n', exitCode: 1 };
    expect((await run(lost)).outcome.status).toBe('pass');
  });

  test('fails when replies came', async () => {
    const { outcome } = await run(replay(NEGATIVE_PING_REPLIES));
    expect(outcome).toMatchObject({ status: 'fail', observed: '2 of the echo requests were answered' });
  });

  test("a ping that did not run or did not finish proves nothing: grade's error", async () => {
    expect((await run({ stderr: 'ping: socket: Operation not permitted\n', exitCode: 2 })).outcome).toMatchObject({ status: 'error', observed: 'ping did not run: ping: socket: Operation not permitted' });
    expect((await run(timedOut())).outcome).toMatchObject({ status: 'error', observed: 'ping did not finish in time' });
  });

  test('a missing namespace fails (no leak can pass for "unreachable" there)', async () => {
    const { outcome } = await run(replay(NETNS_MISSING), { ...mustNot, netns: 'ns1' });
    expect(outcome.status).toBe('fail');
  });
});

describe('reach to a loopback address', () => {
  const lo = { node: 'red', to: '127.0.0.1' };
  test('a plain ping in the node: passes when lo answers, fails naming a down lo', async () => {
    const lab = fakeLab({ exec: () => replay(PING_LOOPBACK) });
    expect(await reachCheck.run(lo, contextOf(lab))).toMatchObject({ status: 'pass', observed: '1 of the echo requests were answered' });
    expect(lab.calls[0]?.argv).toEqual(['ping', '-n', '-c', '1', '-i', '0.2', '-w', '2', '127.0.0.1']);
    const down = fakeLab({ exec: () => replay(NEGATIVE_PING_NO_ROUTE) });
    expect(await reachCheck.run(lo, contextOf(down))).toMatchObject({ status: 'fail', observed: 'the loopback interface lo of red is down (Network is unreachable)' });
  });
});
