import yauzl from 'yauzl';
import { LMS_DOWNLOAD_LIMITS } from './archive-limits.js';
import { parseLmsName } from './lms-names.js';
import { zipEntryName } from './zip-entry-name.js';

/**
 * Whether a zip is Canvas's or Moodle's "download all submissions" file: every name at its top is one those LMSs write.
 * Only names are read (the zip's central directory); a zip that cannot be read is not one, and is refused later as a learner's archive.
 */
export async function isLmsDownload(file: string): Promise<boolean> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { strictFileNames: true });
  } catch {
    return false;
  }
  try {
    let seen = 0;
    let named = 0;
    for await (const entry of zip.eachEntry()) {
      if (++seen > LMS_DOWNLOAD_LIMITS.maxEntries) break;
      const name = zipEntryName(entry);
      const [top = ''] = name.split('/');
      if (top === '' || top.startsWith('.') || top === '__MACOSX') continue;
      if (!parseLmsName(top, name.includes('/'))) return false;
      named += 1;
    }
    return named > 0;
  } catch {
    return false;
  } finally {
    zip.close();
  }
}
