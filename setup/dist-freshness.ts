import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DistFreshness {
  readonly ok: boolean;
  readonly detail: string;
}

/** Whether dist/ holds a compiled .js, no older than its source, for every .ts file tsconfig.json compiles. */
export function distFreshness(root: string): DistFreshness {
  const config = join(root, 'tsconfig.json');
  let include = ['cli', 'core', 'runner', 'checks', 'grading', 'reports', 'setup', 'scripts'];
  let exclude: RegExp[] = [];
  try {
    const parsed = JSON.parse(readFileSync(config, 'utf8')) as { include?: unknown; exclude?: unknown };
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((d): d is string => typeof d === 'string') : undefined);
    include = strings(parsed.include) ?? include;
    exclude = (strings(parsed.exclude) ?? []).map(excludePattern);
  } catch {
    // tsconfig.json with comments: keep the default list
  }
  const configTime = mtime(config) ?? 0;
  const sources = include.flatMap((dir) => tsFiles(join(root, dir))).filter((f) => !exclude.some((x) => x.test(relative(root, f))));
  if (sources.length === 0) return { ok: false, detail: 'no TypeScript sources found' };
  const stale: string[] = [];
  let missing = 0;
  for (const source of sources) {
    const rel = relative(root, source);
    const built = mtime(join(root, 'dist', rel.replace(/\.ts$/, '.js')));
    if (built === undefined) missing++;
    if (built === undefined || built < (mtime(source) ?? 0) || built < configTime) stale.push(rel);
  }
  if (stale.length === 0) return { ok: true, detail: `dist/ up to date (${sources.length} files)` };
  const first = stale.slice(0, 3).join(', ');
  const what = missing === sources.length ? 'dist/ has not been built' : `${stale.length} of ${sources.length} files out of date (${first}${stale.length > 3 ? ', ...' : ''})`;
  return { ok: false, detail: what };
}

/** A tsconfig `exclude` entry as a test of a root-relative path: `**` any folders, `*` part of a name, a plain path and what is under it. */
export function excludePattern(pattern: string): RegExp {
  const body = pattern
    .replace(/\/+$/, '')
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}(?:/.*)?$`);
}

function tsFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
