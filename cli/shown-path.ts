import { isAbsolute, relative } from 'node:path';

/** A path as a person should type it: relative to where they are when it is below it, whole otherwise. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
