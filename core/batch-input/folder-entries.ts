import { constants, copyFileSync, lstatSync, mkdirSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { LEARNER_ARCHIVE_LIMITS } from './archive-limits.js';

export type EntryType = 'file' | 'folder' | 'symbolic link' | 'special file';

export interface FolderEntry {
  readonly name: string;
  readonly path: string;
  readonly type: EntryType;
  readonly size: number;
}

/** Dot-files and dot-folders (.git, .github, .DS_Store) are never part of a submission. */
export function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** A folder's entries, dot-files left out, sorted by name, typed without following links. */
export function folderEntries(dir: string): FolderEntry[] {
  return readdirSync(dir)
    .filter((name) => !isHidden(name))
    .sort()
    .map((name) => entryAt(join(dir, name), name));
}

/** One entry, typed without following a link. */
export function entryAt(path: string, name: string): FolderEntry {
  const stats = lstatSync(path);
  return { name, path, type: entryType(stats), size: stats.size };
}

function entryType(stats: Stats): EntryType {
  if (stats.isSymbolicLink()) return 'symbolic link';
  if (stats.isDirectory()) return 'folder';
  return stats.isFile() ? 'file' : 'special file';
}

/** Why an entry that is neither file nor folder cannot be taken, in one sentence. */
export function notPlainProblem(shown: string, type: EntryType): string {
  return `${shown} is a ${type}; a submission may hold only plain files and folders, so put the file itself there.`;
}

/** Copies a learner's file or folder into a staging folder: never a link, never over an existing name, nothing large. */
export function copyEntry(entry: FolderEntry, to: string, shown: string): void {
  if (entry.type === 'symbolic link' || entry.type === 'special file') throw new UserError(notPlainProblem(shown, entry.type));
  if (entry.type === 'file') {
    const limit = LEARNER_ARCHIVE_LIMITS.maxBytes;
    if (entry.size > limit) throw new UserError(`${shown} is ${entry.size} bytes; a submission is a few small <node>.sh files, so it is refused.`);
    copyFileSync(entry.path, to, constants.COPYFILE_EXCL);
    return;
  }
  mkdirSync(to);
  for (const child of folderEntries(entry.path)) copyEntry(child, join(to, child.name), `${shown}/${child.name}`);
}
