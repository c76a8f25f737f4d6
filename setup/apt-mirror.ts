import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One repository entry of apt's configuration, from either source format. */
export interface AptSource {
  readonly types: readonly string[];
  readonly uris: readonly string[];
  readonly suites: readonly string[];
  readonly components: readonly string[];
  readonly enabled: boolean;
  /** The file it came from, for messages. */
  readonly file: string;
}

/** Parse the one-line format of sources.list and *.list: `deb [opts] uri suite [component...]`. */
export function parseOneLineSources(text: string, file = 'sources.list'): AptSource[] {
  const sources: AptSource[] = [];
  for (const raw of text.split('\n')) {
    const tokens = raw.replace(/#.*$/, '').trim().split(/\s+/).filter(Boolean);
    const type = tokens.shift();
    if (type !== 'deb' && type !== 'deb-src') continue;
    if (tokens[0]?.startsWith('[')) {
      // Options run up to the token that closes the bracket: `[arch=amd64]` or `[ arch=amd64 signed-by=x ]`.
      while (tokens.length > 0 && !tokens.shift()!.endsWith(']'));
    }
    const [uri, suite, ...components] = tokens;
    if (!uri || !suite) continue;
    sources.push({ types: [type], uris: [uri], suites: [suite], components, enabled: true, file });
  }
  return sources;
}

/** Parse the deb822 format of *.sources: stanzas of `Field: value` separated by blank lines. */
export function parseDeb822Sources(text: string, file = 'debian.sources'): AptSource[] {
  const sources: AptSource[] = [];
  for (const stanza of splitStanzas(text)) {
    const list = (name: string) => (stanza.get(name) ?? '').split(/\s+/).filter(Boolean);
    const types = list('types');
    const uris = list('uris');
    if (types.length === 0 || uris.length === 0) continue;
    const enabled = !/^(no|false|0)$/i.test((stanza.get('enabled') ?? 'yes').trim());
    sources.push({ types, uris, suites: list('suites'), components: list('components'), enabled, file });
  }
  return sources;
}

function splitStanzas(text: string): Map<string, string>[] {
  const stanzas: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let lastKey: string | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      if (current.size > 0) stanzas.push(current);
      current = new Map();
      lastKey = undefined;
    } else if (/^\s/.test(line) && lastKey) {
      current.set(lastKey, `${current.get(lastKey)} ${line.trim()}`);
    } else {
      const m = /^([^:\s]+):(.*)$/.exec(line);
      if (!m || !m[1]) continue;
      lastKey = m[1].toLowerCase();
      current.set(lastKey, (m[2] ?? '').trim());
    }
  }
  if (current.size > 0) stanzas.push(current);
  return stanzas;
}

/** Every entry apt reads: sources.list, then sources.list.d/*.list and *.sources (apt ignores other names). */
export function readAptSources(etcApt = '/etc/apt'): AptSource[] {
  const sources: AptSource[] = [];
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  const main = read(join(etcApt, 'sources.list'));
  if (main !== undefined) sources.push(...parseOneLineSources(main, join(etcApt, 'sources.list')));
  let parts: string[] = [];
  try {
    parts = readdirSync(join(etcApt, 'sources.list.d')).sort();
  } catch {
    // no sources.list.d
  }
  for (const name of parts) {
    const path = join(etcApt, 'sources.list.d', name);
    const text = name.endsWith('.list') || name.endsWith('.sources') ? read(path) : undefined;
    if (text === undefined) continue;
    sources.push(...(name.endsWith('.list') ? parseOneLineSources(text, path) : parseDeb822Sources(text, path)));
  }
  return sources;
}

/** The first enabled binary repository that serves `suite` with `main`: the Debian mirror debootstrap should use. */
export function pickDebianMirror(sources: readonly AptSource[], suite: string): string | undefined {
  for (const s of sources) {
    if (!s.enabled || !s.types.includes('deb') || !s.suites.includes(suite) || !s.components.includes('main')) continue;
    const uri = s.uris.find((u) => /^(https?|ftp|file):/.test(u));
    if (uri) return uri;
  }
  return undefined;
}

/** The Debian mirror this machine's apt uses for `suite`, read from its configuration. */
export function debianMirror(suite: string, etcApt = '/etc/apt'): string | undefined {
  return pickDebianMirror(readAptSources(etcApt), suite);
}
