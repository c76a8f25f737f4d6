import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { consumerPattern, firstMatch, readNodeFile, visible } from './file-content.js';

const M = '@@feedface0001';

describe('readNodeFile', () => {
  test("the file's lines, without the newline probe-files adds", () => {
    expect(readNodeFile(`${M} /etc/hosts\n127.0.0.1 localhost\n192.168.1.11 db\n\n`, '/etc/hosts', M)).toEqual({ state: 'ok', lines: ['127.0.0.1 localhost', '192.168.1.11 db'] });
    expect(readNodeFile(`${M} /etc/hosts\nno final newline\n`, '/etc/hosts', M)).toEqual({ state: 'ok', lines: ['no final newline'] });
    expect(readNodeFile(`${M} /etc/resolv.conf\n\n`, '/etc/resolv.conf', M)).toEqual({ state: 'ok', lines: [] });
  });

  test('missing, unreadable and too large', () => {
    expect(readNodeFile('', '/etc/hosts', M)).toEqual({ state: 'missing' });
    expect(readNodeFile(`${M} /etc/hosts UNREADABLE\n`, '/etc/hosts', M)).toEqual({ state: 'unreadable' });
    expect(readNodeFile(`${M} /etc/hosts TOO-LARGE 70000\n`, '/etc/hosts', M)).toEqual({ state: 'too-large' });
  });

  test('a header with another mark is no header', () => {
    expect(readNodeFile(`@@other /etc/hosts\n192.168.1.11 db\n`, '/etc/hosts', M)).toEqual({ state: 'missing' });
  });
});

describe('firstMatch', () => {
  test('the first matching line, numbered from 1', () => {
    expect(firstMatch(['# x', 'nameserver 10.0.0.1', 'nameserver 192.168.1.53'], /^nameserver\s+192\./)).toEqual({ line: 3, text: 'nameserver 192.168.1.53' });
    expect(firstMatch(['hosts: dns files'], /^\s*hosts:((?!\bdns\b).)*\bfiles\b/)).toBeUndefined();
  });
});

describe('readNodeFile over the real probe-files', () => {
  const root = mkdtempSync(join(tmpdir(), 'file-content-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const probe = fileURLToPath(new URL('../runner/image/probe-files.sh', import.meta.url));
  // The program the lab image runs, pointed at a temp folder instead of a node's root.
  const read = (path: string) => {
    const result = spawnSync('bash', [probe, 'node', path], { encoding: 'utf8', env: { ...process.env, PROBE_FILES_ROOT: root, GRADE_MARK: M } });
    expect(result.status).toBe(0);
    return readNodeFile(result.stdout, path, M);
  };

  test('a file byte for byte, and a missing one', () => {
    mkdirSync(join(root, 'etc'));
    writeFileSync(join(root, 'etc', 'hosts'), '127.0.0.1 localhost\n\n192.168.1.11 db');
    expect(read('/etc/hosts')).toEqual({ state: 'ok', lines: ['127.0.0.1 localhost', '', '192.168.1.11 db'] });
    expect(read('/etc/resolv.conf')).toEqual({ state: 'missing' });
  });
});

describe('consumerPattern: \\s as config parsers split fields', () => {
  const hosts = consumerPattern('^\\s*192\\.168\\.1\\.11(\\s+[^\\s#]+)*\\s+[dD][bB](\\s|#|$)');
  test('spaces and tabs still separate', () => {
    for (const line of ['192.168.1.11 db', '\t192.168.1.11\tdb', '192.168.1.11  other db # x']) expect(hosts.test(line), line).toBe(true);
  });
  test('U+00A0, U+2003, U+3000, a zero-width space, a byte-order mark and a CR do not', () => {
    for (const line of ['192.168.1.11\u00a0db', '192.168.1.11\u2003db', '192.168.1.11\u3000db', '192.168.1.11 \u200bdb', '\ufeff192.168.1.11 db', '192.168.1.11 db\u200b', '192.168.1.11\rdb']) {
      expect(hosts.test(line), visible(line)).toBe(false);
    }
  });
  test('\\S outside a class, escaped backslashes and classes are kept apart', () => {
    expect(consumerPattern('^a\\Sb$').test('a\u00a0b')).toBe(true); // not a space or a tab: a character of the field
    expect(consumerPattern('^a\\Sb$').test('a\tb')).toBe(false);
    expect(consumerPattern('^\\\\s$').test('\\s')).toBe(true);
    expect(consumerPattern('^[\\s]$').test('\u00a0')).toBe(false);
  });
  test('visible shows what a person cannot see', () => {
    expect(visible('a\u00a0b\u200b\r')).toBe('a<U+00A0>b<U+200B><U+000D>');
  });
});
