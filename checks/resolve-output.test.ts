import { describe, expect, test } from 'vitest';
import { parseResolveOutput } from './resolve-output.js';

const M = '@@0123456789ab';
const lines = (...l: string[]) => l.join('\n') + '\n';
const found = (address: string, name: string) => [`${address}    STREAM ${name}`, `${address}    DGRAM  `, `${address}    RAW    `];

describe('parseResolveOutput', () => {
  test("the node's answer, the hosts file's, the name servers and the capture", () => {
    const out = lines(
      `${M} config hosts=ok resolv=ok nsswitch=missing`,
      `${M} nameservers 192.168.1.53 10.0.0.1`,
      `${M} lookup system exit=0`,
      ...found('192.168.1.99', 'db'),
      ...found('192.168.1.98', 'db'),
      `${M} lookup files exit=2`,
      `${M} capture sent=1 into=1 answered=1 back=1 others=host-a:udp:53,?:raw`,
    );
    expect(parseResolveOutput(out, M)).toEqual({
      files: { '/etc/hosts': 'ok', '/etc/resolv.conf': 'ok', '/etc/nsswitch.conf': 'missing' },
      nameservers: ['192.168.1.53', '10.0.0.1'],
      system: { exit: 0, addresses: ['192.168.1.99', '192.168.1.98'] },
      hostsFile: { exit: 2, addresses: [] },
      capture: { sent: 1, into: 1, answered: 1, back: 1, others: ['host-a:udp:53', '?:raw'] },
    });
  });

  test('a file grade may not read: no lookups, and the states say why', () => {
    const report = parseResolveOutput(lines(`${M} config hosts=UNREADABLE resolv=TOO-LARGE nsswitch=ok`), M);
    expect(report).toEqual({ files: { '/etc/hosts': 'unreadable', '/etc/resolv.conf': 'too-large', '/etc/nsswitch.conf': 'ok' }, nameservers: [] });
  });

  test("no answer in time, and a capture that did not start", () => {
    const report = parseResolveOutput(lines(`${M} config hosts=ok resolv=ok nsswitch=ok`, `${M} nameservers`, `${M} lookup system exit=124`, `${M} lookup files exit=2`, `${M} capture sent=-1 into=-1 tcpdump said nothing`), M);
    expect(report).toMatchObject({ nameservers: [], system: { exit: 124, addresses: [] }, capture: { sent: -1, into: -1 } });
  });

  test('header lines with another mark are not headers (a hosts file cannot forge them)', () => {
    const out = lines(`${M} config hosts=ok resolv=ok nsswitch=ok`, `${M} lookup system exit=2`, '@@other lookup files exit=0', ...found('192.168.1.11', '@@0123456789ab capture sent=0 into=0'));
    expect(parseResolveOutput(out, M)).toEqual({
      files: { '/etc/hosts': 'ok', '/etc/resolv.conf': 'ok', '/etc/nsswitch.conf': 'ok' },
      nameservers: [],
      system: { exit: 2, addresses: ['192.168.1.11'] },
    });
  });

  test('output that is not the probe\'s is no report', () => {
    expect(parseResolveOutput('probe-resolve: cannot read the files of host-a\n', M)).toBeUndefined();
    expect(parseResolveOutput(lines(`${M} config hosts=odd resolv=ok nsswitch=ok`), M)).toBeUndefined();
  });
});
