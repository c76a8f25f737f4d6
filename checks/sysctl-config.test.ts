import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { SYSCTL_FILES, dottedKey, effectiveSetting, parseSysctlLine, readSysctlDump, sameSysctlValue } from './sysctl-config.js';

const parseSysctlFiles = (dump: string) => readSysctlDump(dump).settings;

const dump = (files: Record<string, string>) =>
  Object.entries(files)
    .map(([path, text]) => `### ${path}\n${text}\n`)
    .join('');

describe('parseSysctlFiles', () => {
  test('key=value and key = value, with the value trimmed', () => {
    const settings = parseSysctlFiles(dump({ '/etc/sysctl.conf': 'net.ipv4.ip_forward=1\nnet.ipv4.conf.all.rp_filter = 2\n  net.core.somaxconn   =   1024  ' }));
    expect(settings).toEqual([
      { file: '/etc/sysctl.conf', line: 1, key: 'net.ipv4.ip_forward', value: '1' },
      { file: '/etc/sysctl.conf', line: 2, key: 'net.ipv4.conf.all.rp_filter', value: '2' },
      { file: '/etc/sysctl.conf', line: 3, key: 'net.core.somaxconn', value: '1024' },
    ]);
  });

  test('keys written with slashes are read with dots', () => {
    expect(parseSysctlFiles(dump({ '/etc/sysctl.conf': 'net/ipv4/ip_forward = 1' }))[0]).toMatchObject({ key: 'net.ipv4.ip_forward', value: '1' });
  });

  test('comments with # and ;, indented or not, and blank lines are skipped but counted', () => {
    const text = '# forwarding\n; also a comment\n   # indented\n\n#net.ipv4.ip_forward = 1\n;net.ipv4.ip_forward = 1\nnet.ipv4.ip_forward = 0';
    expect(parseSysctlFiles(dump({ '/etc/sysctl.conf': text }))).toEqual([{ file: '/etc/sysctl.conf', line: 7, key: 'net.ipv4.ip_forward', value: '0' }]);
  });

  test('a leading - (ignore errors for this key) is not part of the key', () => {
    const settings = parseSysctlFiles(dump({ '/etc/sysctl.d/10-x.conf': '-net.ipv4.ip_forward = 1\n- net.ipv4.conf.all.forwarding=1' }));
    expect(settings.map((s) => [s.key, s.value])).toEqual([
      ['net.ipv4.ip_forward', '1'],
      ['net.ipv4.conf.all.forwarding', '1'],
    ]);
  });

  test('a value with spaces is kept whole; lines without = are ignored', () => {
    const settings = parseSysctlFiles(dump({ '/etc/sysctl.conf': 'net.ipv4.tcp_rmem = 4096 87380 6291456\nnot a setting\nnet.ipv4.ip_forward' }));
    expect(settings).toEqual([{ file: '/etc/sysctl.conf', line: 1, key: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }]);
  });

  test('line numbers restart in each file', () => {
    const settings = parseSysctlFiles(dump({ '/etc/sysctl.d/10-a.conf': '\nnet.ipv4.ip_forward=1', '/etc/sysctl.conf': '# x\n\n\nnet.ipv4.ip_forward=0' }));
    expect(settings.map((s) => `${s.file}:${s.line}`)).toEqual(['/etc/sysctl.d/10-a.conf:2', '/etc/sysctl.conf:4']);
  });

  test('a learner\'s "### ..." comment inside a file is a comment, not a new file', () => {
    const settings = parseSysctlFiles(dump({ '/etc/sysctl.conf': '### enable forwarding\nnet.ipv4.ip_forward = 1' }));
    expect(settings).toEqual([{ file: '/etc/sysctl.conf', line: 2, key: 'net.ipv4.ip_forward', value: '1' }]);
  });

  test('nothing to read: no settings', () => {
    expect(parseSysctlFiles('')).toEqual([]);
  });
});

describe('parseSysctlLine: a line as procps sysctl -p reads it', () => {
  const nbsp = '\u00a0';
  test('a non-breaking space around = stays in the key or value: nothing sets ip_forward', () => {
    expect(parseSysctlLine(`net.ipv4.ip_forward${nbsp}=${nbsp}1`)).toEqual({ key: `net.ipv4.ip_forward${nbsp}`, value: `${nbsp}1` });
    expect(effectiveSetting(parseSysctlFiles(dump({ '/etc/sysctl.conf': `net.ipv4.ip_forward${nbsp}= 1` })), 'net.ipv4.ip_forward')).toBeUndefined();
  });
  test('zero-width characters and a byte-order mark are part of the key, not spaces', () => {
    expect(parseSysctlLine('\u200bnet.ipv4.ip_forward = 1')?.key).toBe('\u200bnet.ipv4.ip_forward');
    expect(parseSysctlLine('\ufeffnet.ipv4.ip_forward = 1')?.key).toBe('\ufeffnet.ipv4.ip_forward');
    expect(parseSysctlLine('net.ipv4.ip_forward = 1\u200b')?.value).toBe('1\u200b');
  });
  test('a CR at the end of a line (a file saved with CRLF) is stripped, as procps and systemd-sysctl do', () => {
    expect(parseSysctlLine('net.ipv4.ip_forward = 1\r')).toEqual({ key: 'net.ipv4.ip_forward', value: '1' });
  });
  test('the value ends at a CR inside the line; more = signs belong to the value', () => {
    expect(parseSysctlLine('kernel.x = 1\r0')?.value).toBe('1');
    expect(parseSysctlLine('kernel.core_pattern = a=b')?.value).toBe('a=b');
  });
  test('no value, or no key: nothing set', () => {
    expect(parseSysctlLine('net.ipv4.ip_forward =')).toBeUndefined();
    expect(parseSysctlLine('net.ipv4.ip_forward = \t')).toBeUndefined();
    expect(parseSysctlLine(' = 1')).toBeUndefined();
  });
  test('a comment after the value is part of the value (sysctl has no trailing comments)', () => {
    expect(parseSysctlLine('net.ipv4.ip_forward = 1 # on')?.value).toBe('1 # on');
  });
  test('keys with slashes turn round the way procps slashdot() does', () => {
    expect(dottedKey('net/ipv4/conf/eth0.1/forwarding')).toBe('net.ipv4.conf.eth0/1.forwarding');
    expect(dottedKey('net.ipv4.conf.eth0/1.forwarding')).toBe('net.ipv4.conf.eth0/1.forwarding');
  });
  test('numbers compare as the kernel reads them: 01, 0x1 and "1 # on" are 1; "1<U+00A0>" and "08" set nothing', () => {
    for (const v of ['1', '01', '0x1', '1 # on', '1\t2']) expect(sameSysctlValue(v, '1'), v).toBe(true);
    for (const v of ['1\u00a0', '\u00a01', '08', '10', 'one', '1\u200b']) expect(sameSysctlValue(v, '1'), v).toBe(false);
    expect(sameSysctlValue('4096  87380 6291456', '4096 87380 6291456')).toBe(true);
  });
});

describe('readSysctlDump with a random mark', () => {
  test("a learner's line that looks like a header of another mark is just a comment of the file it is in", () => {
    const dump = '@@a1 /etc/sysctl.d/10-x.conf\nnet.ipv4.ip_forward = 0\n### /etc/sysctl.conf\n@@zz /etc/sysctl.conf\nnet.ipv4.ip_forward = 1\n';
    const { settings } = readSysctlDump(dump, '@@a1');
    expect(settings.map((s) => `${s.file}:${s.line} ${s.value}`)).toEqual(['/etc/sysctl.d/10-x.conf:1 0', '/etc/sysctl.d/10-x.conf:4 1']);
  });
  test('files too large to judge or unreadable are reported, and their lines are not read', () => {
    const dump = '@@m /etc/sysctl.conf TOO-LARGE 70000\n@@m /etc/sysctl.d/5.conf UNREADABLE\nnet.ipv4.ip_forward = 1\n';
    expect(readSysctlDump(dump, '@@m')).toEqual({
      settings: [],
      skipped: [
        { file: '/etc/sysctl.conf', why: 'too large' },
        { file: '/etc/sysctl.d/5.conf', why: 'unreadable' },
      ],
    });
  });
});

describe('effectiveSetting', () => {
  const settings = parseSysctlFiles(
    dump({
      '/etc/sysctl.d/10-forward.conf': 'net.ipv4.ip_forward = 1',
      '/etc/sysctl.d/99-late.conf': 'net.ipv4.ip_forward = 0\nnet.ipv4.ip_forward = 1\nnet.ipv4.conf.all.rp_filter = 1',
      '/etc/sysctl.conf': 'net.ipv4.conf.all.rp_filter = 2',
    }),
  );

  test('the last setting of a key wins, within a file and across files', () => {
    expect(effectiveSetting(settings, 'net.ipv4.ip_forward')).toEqual({ file: '/etc/sysctl.d/99-late.conf', line: 2, key: 'net.ipv4.ip_forward', value: '1' });
  });

  test('/etc/sysctl.conf, read last, overrides the sysctl.d files', () => {
    expect(effectiveSetting(settings, 'net.ipv4.conf.all.rp_filter')).toMatchObject({ file: '/etc/sysctl.conf', value: '2' });
  });

  test('a key asked for with slashes finds the dotted setting', () => {
    expect(effectiveSetting(settings, 'net/ipv4/ip_forward')?.value).toBe('1');
  });

  test('a key no file sets: undefined', () => {
    expect(effectiveSetting(settings, 'net.ipv4.tcp_syncookies')).toBeUndefined();
  });
});

describe('runner/image/probe-files.sh over a stand-in node root', () => {
  const root = mkdtempSync(join(tmpdir(), 'grade-sysctl-'));
  const outside = mkdtempSync(join(tmpdir(), 'grade-outside-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const probe = fileURLToPath(new URL('../runner/image/probe-files.sh', import.meta.url));
  // The same program the lab image runs, pointed at a temp folder instead of a node's root.
  const run = () => {
    const result = spawnSync('bash', [probe, 'node', ...SYSCTL_FILES], { encoding: 'utf8', env: { ...process.env, PROBE_FILES_ROOT: root } });
    expect(result.status).toBe(0);
    return parseSysctlFiles(result.stdout);
  };
  test('no files at all: nothing set, and the dump still succeeds', () => {
    expect(run()).toEqual([]);
  });
  test('sysctl.d files in name order, then sysctl.conf; a file without a final newline is read whole', () => {
    mkdirSync(join(root, 'etc', 'sysctl.d'), { recursive: true });
    writeFileSync(join(root, 'etc', 'sysctl.d', '99-z.conf'), 'net.ipv4.ip_forward = 0\n');
    writeFileSync(join(root, 'etc', 'sysctl.d', '10-a.conf'), 'net.ipv4.ip_forward = 1');
    writeFileSync(join(root, 'etc', 'sysctl.d', 'README'), 'net.ipv4.ip_forward = 7\n');
    writeFileSync(join(root, 'etc', 'sysctl.conf'), '# the classic file\nnet.ipv4.ip_forward=1\n');
    const settings = run();
    expect(settings.map((s) => `${s.file}:${s.line} ${s.value}`)).toEqual([
      '/etc/sysctl.d/10-a.conf:1 1',
      '/etc/sysctl.d/99-z.conf:1 0',
      '/etc/sysctl.conf:2 1',
    ]);
    expect(effectiveSetting(settings, 'net.ipv4.ip_forward')).toMatchObject({ file: '/etc/sysctl.conf', line: 2, value: '1' });
  });
  test("Debian's 99-sysctl.conf -> ../sysctl.conf link is followed inside the node", () => {
    symlinkSync('../sysctl.conf', join(root, 'etc', 'sysctl.d', '99-sysctl.conf'));
    expect(run().map((s) => s.file)).toContain('/etc/sysctl.d/99-sysctl.conf');
  });
  test('a link pointing out of the node is followed to the same path inside it, never outside', () => {
    writeFileSync(join(outside, 'secret.conf'), 'net.ipv4.ip_forward = 42\n');
    symlinkSync(join(outside, 'secret.conf'), join(root, 'etc', 'sysctl.d', '50-escape.conf'));
    symlinkSync(`../../../../../../..${outside}/secret.conf`, join(root, 'etc', 'sysctl.d', '51-climb.conf'));
    const values = run().map((s) => s.value);
    expect(values).not.toContain('42');
  });
});
