import { readFileSync } from 'node:fs';

/** The fields of /etc/os-release, e.g. { ID: 'debian', VERSION_CODENAME: 'bookworm' }. */
export type OsRelease = Readonly<Record<string, string>>;

/** Parse os-release(5) text: KEY=value lines, values optionally quoted. */
export function parseOsRelease(text: string): OsRelease {
  const fields: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!m || !m[1]) continue;
    let value = m[2] ?? '';
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\(["\\`$])/g, '$1');
    }
    fields[m[1]] = value;
  }
  return fields;
}

/** This machine's os-release, or undefined when there is none. */
export function readOsRelease(paths: readonly string[] = ['/etc/os-release', '/usr/lib/os-release']): OsRelease | undefined {
  for (const path of paths) {
    try {
      return parseOsRelease(readFileSync(path, 'utf8'));
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** Debian, Ubuntu and their derivatives: systems where apt-get installs docker.io. */
export function isDebianLike(os: OsRelease | undefined): boolean {
  if (!os) return false;
  const ids = [os['ID'] ?? '', ...(os['ID_LIKE'] ?? '').split(/\s+/)];
  return ids.some((id) => id === 'debian' || id === 'ubuntu');
}

/** A short name for messages, e.g. "Debian GNU/Linux 12 (bookworm)". */
export function osDisplayName(os: OsRelease | undefined): string {
  return os?.['PRETTY_NAME'] ?? os?.['NAME'] ?? 'an unknown system';
}
