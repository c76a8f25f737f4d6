import { describe, expect, test } from 'vitest';
import { historyCommandRecords, parseSessionFile, sessionFileText, sortHistory, type HistoryRecord } from './history.js';

const T = Date.parse('2025-01-02T03:04:05.000Z');
const line = (data: object) => JSON.stringify(data) + '\n';

describe('a session file', () => {
  test('pairs each start with its end; a start with no end has not finished', () => {
    const text =
      line({ start: T, command: 'ip a' }) +
      line({ end: T + 12, exitCode: 0 }) +
      line({ start: T + 1000, command: 'ip route add default via 10.0.0.1' }) +
      line({ end: T + 1003, exitCode: 2 }) +
      line({ start: T + 2000, command: 'socat TUN:10.1.0.1/24 UDP:1.2.3.4:9000' });
    expect(parseSessionFile('red', 's1', text)).toEqual([
      { node: 'red', session: 's1', time: '2025-01-02T03:04:05.000Z', exitCode: 0, durationMs: 12, command: 'ip a' },
      { node: 'red', session: 's1', time: '2025-01-02T03:04:06.000Z', exitCode: 2, durationMs: 3, command: 'ip route add default via 10.0.0.1' },
      { node: 'red', session: 's1', time: '2025-01-02T03:04:07.000Z', exitCode: null, durationMs: null, command: 'socat TUN:10.1.0.1/24 UDP:1.2.3.4:9000' },
    ]);
  });

  test('skips junk, a stray end, a blank command and a last line still being written', () => {
    const text =
      'garbage\n' +
      line({ end: T, exitCode: 0 }) +
      line({ start: T, command: '  ' }) +
      line({ start: T, command: 'ls' }) +
      line({ end: T + 1, exitCode: 300 }) +
      line({ start: T + 5, command: 'pwd' }) +
      line({ end: T + 6, exitCode: 0 }) +
      '{"start":' + (T + 9) + ',"comm';
    expect(parseSessionFile('red', 's1', text).map((r) => [r.command, r.exitCode])).toEqual([
      ['ls', null],
      ['pwd', 0],
    ]);
  });

  test('sessionFileText writes what parseSessionFile reads, multi-line commands and unfinished ones included', () => {
    const records: HistoryRecord[] = [
      { node: 'host', session: 's2', time: '2025-01-02T03:04:05.000Z', exitCode: 0, durationMs: 4, command: "cat > /etc/x <<'EOF'\na \"b\" \\ c\nEOF" },
      { node: 'host', session: 's2', time: '2025-01-02T03:04:06.000Z', exitCode: null, durationMs: null, command: 'sleep 100' },
      { node: 'host', session: 's2', time: '2025-01-02T03:04:07.000Z', exitCode: 130, durationMs: 900, command: 'ping 1.2.3.4' },
    ];
    expect(parseSessionFile('host', 's2', sessionFileText(records))).toEqual(records);
  });
});

test('sortHistory orders by when commands were entered and keeps a session\'s own order', () => {
  const r = (session: string, time: number, command: string): HistoryRecord => ({ node: 'n', session, time: new Date(time).toISOString(), exitCode: 0, durationMs: 0, command });
  expect(sortHistory([r('b', T + 5, 'b1'), r('a', T, 'a1'), r('a', T + 5, 'a2'), r('a', T + 5, 'a3'), r('b', T + 1, 'b0')]).map((x) => x.command)).toEqual(['a1', 'b0', 'a2', 'a3', 'b1']);
});

test('the live report shows the history as commands: ok or failed, numbered, no output', () => {
  const records: HistoryRecord[] = [
    { node: 'red', session: 's', time: '2025-01-02T03:04:05.000Z', exitCode: 0, durationMs: 4, command: 'ip a' },
    { node: 'red', session: 's', time: '2025-01-02T03:04:06.000Z', exitCode: 1, durationMs: 9, command: 'false' },
    { node: 'red', session: 's', time: '2025-01-02T03:04:07.000Z', exitCode: null, durationMs: null, command: 'socat ...' },
  ];
  expect(historyCommandRecords(records)).toEqual([
    { index: 0, line: 1, endLine: 1, text: 'ip a', status: 'ok', exitCode: 0, output: '', truncated: false, durationMs: 4 },
    { index: 1, line: 2, endLine: 2, text: 'false', status: 'failed', exitCode: 1, output: '', truncated: false, durationMs: 9 },
    { index: 2, line: 3, endLine: 3, text: 'socat ...', status: 'ok', exitCode: null, output: '', truncated: false, durationMs: null, note: 'had not finished: still running, or its shell was closed' },
  ]);
});
