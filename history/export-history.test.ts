import { describe, expect, test } from 'vitest';
import { exportHistory } from './export-history.js';
import type { HistoryRecord } from './history.js';

const nodes = [
  { name: 'host', owner: 'learner' as const },
  { name: 'red', owner: 'learner' as const },
  { name: 'lan-server', owner: 'lab' as const },
];
let clock = Date.parse('2025-01-02T03:00:00.000Z');
function typed(node: string, command: string, exitCode: number | null = 0, session = 's1'): HistoryRecord {
  clock += 1000;
  return { node, session, time: new Date(clock).toISOString(), exitCode, durationMs: exitCode === null ? null : 5, command };
}
const body = (text: string) => text.split('\n').filter((l) => !l.startsWith('# host:') && !l.startsWith('# red:')).join('\n');

describe('exportHistory', () => {
  test("writes every command of the learner's nodes in order, failed ones marked, the lab's own nodes left out", () => {
    const files = exportHistory(nodes, [typed('red', 'ip a'), typed('red', 'ip route add default via 192.168.15.5', 2), typed('lan-server', 'ip r'), typed('red', 'ip addr add 192.168.15.2/24 dev eth0')], { changesOnly: false, exerciseId: 'ex03' });
    expect(files.map((f) => [f.node, f.commands])).toEqual([['red', 3]]);
    expect(files[0]!.text).toBe(
      '# red: the commands typed in `grade shell ex03 red`, exported by `grade export`.\n' +
        'ip a\n# exit status 2 in the shell\nip route add default via 192.168.15.5\nip addr add 192.168.15.2/24 dev eth0\n',
    );
  });

  test('--changes-only leaves out what only looks and keeps what failed', () => {
    const files = exportHistory(nodes, [typed('host', 'ip a'), typed('host', 'ping -c1 10.0.0.1', 1), typed('host', 'echo 1 > /proc/sys/net/ipv4/ip_forward'), typed('host', 'iptables -t nat -L -n'), typed('host', 'ip link set nope up', 1)], { changesOnly: true, exerciseId: 'ex03' });
    expect(body(files[0]!.text)).toBe('# Commands that only look were left out.\necho 1 > /proc/sys/net/ipv4/ip_forward\n# exit status 1 in the shell\nip link set nope up\n');
    expect(exportHistory(nodes, [typed('red', 'ip a'), typed('red', 'ping -c1 x')], { changesOnly: true, exerciseId: 'ex03' })).toEqual([]);
  });

  test('comments out what cannot run again, with the reason; an unfinished change starts in the background', () => {
    const files = exportHistory(
      nodes,
      [typed('host', 'ping 10.0.0.1', 0), typed('host', 'nano /etc/sysctl.conf'), typed('host', 'sleep 100', 130), typed('host', 'socat TUN:10.1.0.1/24,up UDP:1.2.3.4:9000', null), typed('host', 'tcpdump -c1 -ni eth0', null)],
      { changesOnly: false, exerciseId: 'ex08' },
    );
    expect(body(files[0]!.text)).toBe(
      [
        "# not run: runs until it is stopped, so it would hold the node's file up until its time limit:",
        '#   ping 10.0.0.1',
        '# not run: an editor: what was changed in it is not in the history; write the change as a command (a here-document) instead:',
        '#   nano /etc/sysctl.conf',
        '# not run: it was stopped in the shell (exit status 130):',
        '#   sleep 100',
        '# had not finished in the shell (still running, or its shell was closed): started in the background',
        'socat TUN:10.1.0.1/24,up UDP:1.2.3.4:9000 &',
        '# not run: it had not finished in the shell:',
        '#   tcpdump -c1 -ni eth0',
        '',
      ].join('\n'),
    );
    expect(files[0]!.commands).toBe(1);
  });

  test('commands of several shells are merged in time order, each shell starting from its own directory', () => {
    const files = exportHistory(
      nodes,
      [typed('red', 'cd /etc', 0, 'a'), typed('red', 'ip link set eth0 up', 0, 'b'), typed('red', 'echo x > hosts.local', 0, 'a'), typed('red', 'cd /tmp', 0, 'b')],
      { changesOnly: false, exerciseId: 'ex03' },
    );
    expect(body(files[0]!.text)).toBe(['# shell 1', 'cd /etc', '# shell 2', 'cd', 'ip link set eth0 up', '# shell 1', 'cd', 'cd /etc', 'echo x > hosts.local', '# shell 2', 'cd', 'cd /tmp', ''].join('\n'));
  });
});
