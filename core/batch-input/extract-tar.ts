import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { UserError } from '../errors.js';
import { byteCap } from './byte-cap.js';
import { reasonOf, type EntryKind, type ExtractionTarget } from './extraction-target.js';

const KIND_OF_TYPE: Readonly<Record<string, EntryKind>> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'folder',
  symlink: 'symbolic link',
  link: 'hard link',
  'character-device': 'device file',
  'block-device': 'device file',
};

/** Unpacks a .tar or .tar.gz into the target; tar-stream parses headers (pax, GNU long names), the target checks every entry. */
export async function extractTar(file: string, target: ExtractionTarget, gzipped: boolean): Promise<void> {
  const extract = tar.extract();
  // The unpacked tar stream is capped too: headers and padding of the allowed entries fit in twice the byte budget.
  const streamBudget = { used: 0, max: target.limits.maxBytes * 2 + target.limits.maxEntries * 4096, refusal: () => `${target.shown} unpacks to far more than its files; it is refused.` };
  const feeding = pipeline([createReadStream(file), ...(gzipped ? [createGunzip()] : []), byteCap(streamBudget), extract]).then(
    () => null,
    (error: unknown) => error,
  );
  try {
    for await (const entry of extract) {
      const segments = target.admit(entry.header.name, KIND_OF_TYPE[entry.header.type] ?? 'special file');
      if (segments && entry.header.type !== 'directory') {
        await target.writeFile(segments, entry);
        continue;
      }
      if (segments) target.makeFolder(segments);
      // Skipped entries and folders are drained too (a folder header may claim data): counted, never stalled on.
      await target.skip(entry);
    }
  } catch (error) {
    extract.destroy();
    await feeding;
    throw error instanceof UserError ? error : unreadable(target, gzipped, error);
  }
  const failed = await feeding;
  if (failed) throw failed instanceof UserError ? failed : unreadable(target, gzipped, failed);
}

function unreadable(target: ExtractionTarget, gzipped: boolean, error: unknown): UserError {
  return new UserError(`${target.shown} cannot be read as a ${gzipped ? '.tar.gz' : '.tar'} archive (${reasonOf(error)}); upload it again, whole.`);
}
