import { rmSync } from 'node:fs';
import { archiveFormat, type ArchiveLimits } from './archive-limits.js';
import { extractTar } from './extract-tar.js';
import { extractZip } from './extract-zip.js';
import { ExtractionTarget } from './extraction-target.js';

/**
 * Unpacks `file` into the new folder `dest` within the limits, or throws a UserError saying why it was refused.
 * On any failure `dest` is removed, so a refused archive leaves nothing behind.
 */
export async function extractArchive(file: string, dest: string, limits: ArchiveLimits, shown: string): Promise<void> {
  const format = archiveFormat(file);
  if (!format) throw new Error(`extractArchive: ${file} is not a .zip, .tar, .tar.gz or .tgz`);
  try {
    const target = new ExtractionTarget(dest, limits, shown);
    if (format === 'zip') await extractZip(file, target);
    else await extractTar(file, target, format === 'tar.gz');
  } catch (error) {
    rmSync(dest, { recursive: true, force: true });
    throw error;
  }
}
