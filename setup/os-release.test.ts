import { describe, expect, it } from 'vitest';
import { isDebianLike, parseOsRelease } from './os-release.js';

describe('os-release', () => {
  it('parses quoted and unquoted values', () => {
    const os = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_CODENAME=bookworm\n# c\n');
    expect(os).toEqual({ PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)', ID: 'debian', VERSION_CODENAME: 'bookworm' });
  });

  it('knows Debian, Ubuntu and derivatives', () => {
    expect(isDebianLike(parseOsRelease('ID=debian'))).toBe(true);
    expect(isDebianLike(parseOsRelease('ID=ubuntu\nID_LIKE=debian'))).toBe(true);
    expect(isDebianLike(parseOsRelease('ID=linuxmint\nID_LIKE="ubuntu debian"'))).toBe(true);
    expect(isDebianLike(parseOsRelease('ID=fedora'))).toBe(false);
    expect(isDebianLike(undefined)).toBe(false);
  });
});
