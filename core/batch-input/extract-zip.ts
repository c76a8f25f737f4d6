import yauzl from 'yauzl';
import { UserError } from '../errors.js';
import { zipEntryName } from './zip-entry-name.js';
import { reasonOf, type EntryKind, type ExtractionTarget } from './extraction-target.js';

const S_IFMT = 0o170000;
const KIND_OF_MODE: ReadonlyMap<number, EntryKind> = new Map([
  [0, 'file'],
  [0o100000, 'file'],
  [0o040000, 'folder'],
  [0o120000, 'symbolic link'],
  [0o020000, 'device file'],
  [0o060000, 'device file'],
]);

/** Unpacks a zip into the target. yauzl refuses `..`, absolute and backslash names and checks each entry's real size against its header. */
export async function extractZip(file: string, target: ExtractionTarget): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { strictFileNames: true, validateEntrySizes: true });
  } catch (error) {
    throw unreadable(target, error);
  }
  try {
    if (zip.entryCount > target.limits.maxEntries) throw target.tooManyEntries();
    for await (const entry of zip.eachEntry()) await extractEntry(zip, entry, target);
  } catch (error) {
    throw error instanceof UserError ? error : unreadable(target, error);
  } finally {
    zip.close();
  }
}

async function extractEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, target: ExtractionTarget): Promise<void> {
  const name = zipEntryName(entry);
  const isFolder = name.endsWith('/');
  const segments = target.admit(name, zipEntryKind(entry, isFolder));
  if (!segments) return;
  if (isFolder) return target.makeFolder(segments);
  if (entry.isEncrypted()) throw new UserError(`${target.shown} has an encrypted entry, ${segments.join('/')}; zip the files without a password.`);
  await target.writeFile(segments, await zip.openReadStreamPromise(entry));
}

/** Unix zips keep the file type in the high bits of the external attributes; links and devices must not pass as files. */
function zipEntryKind(entry: yauzl.Entry, isFolder: boolean): EntryKind {
  const kind = KIND_OF_MODE.get(((entry.externalFileAttributes >>> 16) & S_IFMT) >>> 0) ?? 'special file';
  if (kind === 'file' && isFolder) return 'folder';
  return kind;
}

function unreadable(target: ExtractionTarget, error: unknown): UserError {
  return new UserError(`${target.shown} cannot be read as a zip archive (${reasonOf(error)}); upload it again, whole.`);
}
