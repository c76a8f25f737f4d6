import { describe, expect, test } from 'vitest';
import type { ExecResult } from '../runner/lab-exec.js';
import { forgedHandshake, withoutSynLine, type SynSeen } from './tcp-connect.js';

const result = (stdout: string): ExecResult => ({ exitCode: 0, output: stdout, stdout, stderr: '', truncated: false, timedOut: false, durationMs: 1 });
const seen = (sent: number, into: number, same: number, back: number, relays: string[] = []): SynSeen => ({ sent, into, same, back, relays });

describe("the handshake probe-conn saw on the lab's switch", () => {
  test('its line is taken out of what the report shows', () => {
    const { result: shown, syn } = withoutSynLine(result('tok n1 seen from 192.168.1.2 port 40000\n@@syn sent=1 into=1 same=1 back=1 relays=host:packet,?:raw\n'));
    expect(syn).toEqual(seen(1, 1, 1, 1, ['host:packet', '?:raw']));
    expect([shown.stdout, shown.output]).toEqual(['tok n1 seen from 192.168.1.2 port 40000\n', 'tok n1 seen from 192.168.1.2 port 40000\n']);
    expect(withoutSynLine(result('@@syn sent=1 into=1 same=1 back=0 relays=\n')).syn).toEqual(seen(1, 1, 1, 0));
    expect(withoutSynLine(result('no line\n')).syn).toBeUndefined();
  });

  test("routing or NAT: the SYN that reached the far node is one the client sent, and the far node's SYN-ACK came back", () => {
    expect(forgedHandshake(seen(1, 1, 1, 1), 'red', 'lan-server')).toBeUndefined();
    expect(forgedHandshake(undefined, 'red', 'lan-server')).toBeUndefined();
  });

  test('a relay, a local answer, or no capture at all', () => {
    expect(forgedHandshake(seen(1, 1, 0, 0), 'red', 'lan-server')?.observed).toMatch(/^a connection reached lan-server, but not the one red opened/);
    expect(forgedHandshake(seen(0, 0, 0, 0), 'red', 'lan-server')?.observed).toMatch(/no connection ever reached lan-server/);
    expect(forgedHandshake(seen(-1, -1, -1, -1), 'red', 'lan-server')?.status).toBe('error');
  });

  test("the client's SYN mirrored to the far node while something nearer answers: the far node's SYN-ACK never came back", () => {
    const forged = forgedHandshake(seen(1, 1, 1, 0), 'red', 'lan-server');
    expect(forged?.status).toBe('fail');
    expect(forged?.observed).toMatch(/lan-server's own answer \(its SYN-ACK\) never came back to red/);
  });

  test('a node on the way holding a raw or packet socket earns nothing, whatever it copied', () => {
    const forged = forgedHandshake(seen(1, 1, 1, 1, ['host:raw']), 'red', 'lan-server');
    expect(forged?.status).toBe('fail');
    expect(forged?.observed).toMatch(/^host held a raw socket during the check/);
    expect(forgedHandshake(seen(1, 1, 1, 1, ['?:packet']), 'red', 'lan-server')?.observed).toMatch(/^a network namespace of yours held a packet socket/);
  });
});
