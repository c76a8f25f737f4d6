import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { debianMirror, parseDeb822Sources, parseOneLineSources, pickDebianMirror } from './apt-mirror.js';

// Host names here are placeholders (.invalid): the real mirror is always read from the machine.
const DEB822 = `Types: deb
# a comment
URIs: http://mirror.example.invalid/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://mirror.example.invalid/debian-security
Suites: bookworm-security
Components: main
`;

describe('parseDeb822Sources', () => {
  it('reads each stanza', () => {
    const [main, security] = parseDeb822Sources(DEB822);
    expect(main).toMatchObject({ types: ['deb'], uris: ['http://mirror.example.invalid/debian'], suites: ['bookworm', 'bookworm-updates'], components: ['main'], enabled: true });
    expect(security?.suites).toEqual(['bookworm-security']);
  });

  it('handles case-insensitive fields, continuation lines and Enabled: no', () => {
    const text = 'types: deb deb-src\nuris: http://a.invalid/debian\n http://b.invalid/debian\nsuites: bookworm\ncomponents: main contrib\nEnabled: no\n';
    const [s] = parseDeb822Sources(text);
    expect(s).toMatchObject({ types: ['deb', 'deb-src'], uris: ['http://a.invalid/debian', 'http://b.invalid/debian'], components: ['main', 'contrib'], enabled: false });
  });
});

describe('parseOneLineSources', () => {
  it('reads deb lines with and without options, skipping comments and deb-src', () => {
    const text = [
      '# deb http://commented.invalid/debian bookworm main',
      'deb http://mirror.example.invalid/debian bookworm main contrib',
      'deb [arch=amd64 signed-by=/usr/share/keyrings/x.gpg] http://opts.invalid/debian bookworm main',
      'deb [ arch=amd64 ] http://spaced.invalid/debian bookworm-updates main # trailing comment',
      'deb-src http://src.invalid/debian bookworm main',
      '',
    ].join('\n');
    const sources = parseOneLineSources(text);
    expect(sources.map((s) => [s.types[0], s.uris[0], s.suites[0], s.components])).toEqual([
      ['deb', 'http://mirror.example.invalid/debian', 'bookworm', ['main', 'contrib']],
      ['deb', 'http://opts.invalid/debian', 'bookworm', ['main']],
      ['deb', 'http://spaced.invalid/debian', 'bookworm-updates', ['main']],
      ['deb-src', 'http://src.invalid/debian', 'bookworm', ['main']],
    ]);
  });
});

describe('pickDebianMirror', () => {
  it('takes the enabled deb entry serving exactly the suite with main', () => {
    const sources = [
      ...parseOneLineSources('deb http://other.invalid/apt cloud-sdk-bookworm main\ndeb-src http://src.invalid/debian bookworm main'),
      ...parseDeb822Sources('Types: deb\nURIs: http://off.invalid/debian\nSuites: bookworm\nComponents: main\nEnabled: no\n'),
      ...parseDeb822Sources(DEB822),
    ];
    expect(pickDebianMirror(sources, 'bookworm')).toBe('http://mirror.example.invalid/debian');
    expect(pickDebianMirror(sources, 'trixie')).toBeUndefined();
  });
});

describe('debianMirror', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('reads sources.list and sources.list.d, ignoring files apt ignores', () => {
    dir = mkdtempSync(join(tmpdir(), 'grade-apt-'));
    mkdirSync(join(dir, 'sources.list.d'));
    writeFileSync(join(dir, 'sources.list.d', 'a.sources.disabled'), 'Types: deb\nURIs: http://ignored.invalid/debian\nSuites: bookworm\nComponents: main\n');
    writeFileSync(join(dir, 'sources.list.d', 'debian.sources'), DEB822);
    expect(debianMirror('bookworm', dir)).toBe('http://mirror.example.invalid/debian');
    writeFileSync(join(dir, 'sources.list'), 'deb http://first.invalid/debian bookworm main\n');
    expect(debianMirror('bookworm', dir)).toBe('http://first.invalid/debian');
  });
});
