import { UserError } from '../errors.js';

/**
 * An archive entry's name as safe path segments under the extraction folder, or a UserError naming the archive.
 * Refuses what could land outside it: absolute paths, drive letters, `..`, backslashes, NUL. `./` and empty segments are dropped.
 */
export function entrySegments(name: string, archive: string): string[] {
  const unsafe = (why: string) => new UserError(`${archive} has an entry "${printable(name)}" ${why}; an archive may hold only plain relative paths such as ex01/host-a.sh.`);
  if (name.includes('\0')) throw unsafe('with a NUL character in its name');
  if (name.includes('\\')) throw unsafe('with a backslash in its name');
  if (name.startsWith('/')) throw unsafe('with an absolute path');
  if (/^[A-Za-z]:/.test(name)) throw unsafe('with a drive letter');
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw unsafe('that climbs out of the archive with ".."');
  return segments;
}

/** A name from an archive, shown without control characters that could garble a terminal. */
export function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, '?');
}
