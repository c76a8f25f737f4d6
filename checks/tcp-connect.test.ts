import { describe, expect, test } from 'vitest';
import type { ExecResult } from '../runner/lab-exec.js';
import { forgedHandshake, withoutSynLine } from './tcp-connect.js';

const result = (stdout: string): ExecResult => ({ exitCode: 0, output: stdout, stdout, stderr: '', truncated: false, timedOut: false, durationMs: 1 });

describe("the handshake probe-conn saw on the lab's switch", () => {
  test('its line is taken out of what the report shows', () => {
    const { result: shown, syn } = withoutSynLine(result('tok n1 seen from 192.168.1.2 port 40000\n@@syn sent=1 into=1 same=1\n'));
    expect(syn).toEqual({ sent: 1, into: 1, same: 1 });
    expect([shown.stdout, shown.output]).toEqual(['tok n1 seen from 192.168.1.2 port 40000\n', 'tok n1 seen from 192.168.1.2 port 40000\n']);
    expect(withoutSynLine(result('no line\n')).syn).toBeUndefined();
  });

  test('routing or NAT: the SYN that reached the far node is one the client sent', () => {
    expect(forgedHandshake({ sent: 1, into: 1, same: 1 }, 'red', 'lan-server')).toBeUndefined();
    expect(forgedHandshake(undefined, 'red', 'lan-server')).toBeUndefined();
  });

  test('a relay, a local answer, or no capture at all', () => {
    expect(forgedHandshake({ sent: 1, into: 1, same: 0 }, 'red', 'lan-server')?.observed).toMatch(/^a connection reached lan-server, but not the one red opened/);
    expect(forgedHandshake({ sent: 0, into: 0, same: 0 }, 'red', 'lan-server')?.observed).toMatch(/no connection ever reached lan-server/);
    expect(forgedHandshake({ sent: -1, into: -1, same: -1 }, 'red', 'lan-server')?.status).toBe('error');
  });
});
