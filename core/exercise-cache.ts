// Start-up time: a loaded exercise (parsed, validated, rendered) is kept as JSON per build of grade,
// keyed by a hash of every file of its folder, so `grade list` and `grade ex03` skip YAML, ajv and
// handlebars until an exercise file changes. Only the compiled CLI caches (dist/): tests load afresh.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Exercise } from './exercise.js';
import { packageRoot } from './package-root.js';
import { writeWholeSync } from './write-whole.js';

/** What else an exercise's loading depends on besides its files. */
export interface ExerciseCacheKey {
  readonly dir: string;
  readonly kinds: readonly string[];
  readonly shownFrom: string;
  readonly variant: string | null;
}

export interface ExerciseCache {
  /** The cached exercise, or a fresh `load()` that is then stored; a cache that cannot be read or written is skipped. */
  get(key: ExerciseCacheKey, load: () => Exercise): Exercise;
}

const THIS_FILE = fileURLToPath(import.meta.url);

/** The cache of this build of grade: dist/.cache/exercises; none when running from the TypeScript sources or with GRADE_NO_CACHE. */
export function buildExerciseCache(env: NodeJS.ProcessEnv = process.env): ExerciseCache | null {
  if (!THIS_FILE.endsWith('.js') || env['GRADE_NO_CACHE']) return null;
  // tsc rewrites every output, so this file's time names the build.
  return folderExerciseCache(join(packageRoot(), 'dist', '.cache', 'exercises'), String(statSync(THIS_FILE).mtimeMs));
}

export function folderExerciseCache(folder: string, build: string, debug: (line: string) => void = debugLog): ExerciseCache {
  return {
    get(key, load) {
      let file: string | undefined;
      try {
        file = join(folder, `${cacheKey(key, build)}.json`);
        return JSON.parse(readFileSync(file, 'utf8')) as Exercise;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') debug(`exercise cache: ${(error as Error).message}`);
      }
      const exercise = load();
      if (file === undefined) return exercise;
      try {
        writeWholeSync(file, JSON.stringify(exercise));
      } catch (error) {
        debug(`exercise cache: not kept (${(error as Error).message})`);
      }
      return exercise;
    },
  };
}

/** A hash of the build, the key and the name and content of every file under the exercise's folder. */
export function cacheKey(key: ExerciseCacheKey, build: string): string {
  const hash = createHash('sha256').update(JSON.stringify([build, key.dir, [...key.kinds].sort(), key.shownFrom, key.variant]));
  for (const file of filesUnder(key.dir)) hash.update(`\0${file}\0`).update(readFileSync(join(key.dir, file)));
  return hash.digest('hex').slice(0, 32);
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : e.isFile() ? [join(prefix, e.name)] : []));
}

function debugLog(line: string): void {
  if (process.env['GRADE_DEBUG']) process.stderr.write(`grade: ${line}\n`);
}
