// A zip entry's name as current unzip tools read it. Info-ZIP's `zip` on Linux (and many other tools)
// store UTF-8 names without setting the UTF-8 flag (general purpose bit 11); yauzl then reads them as
// CP437 and "김민수" becomes mojibake. A name whose bytes are valid UTF-8 is UTF-8; only an invalid
// one stays CP437. A name with the flag, or with Info-ZIP's Unicode Path extra field, is as yauzl read it.

import yauzl from 'yauzl';

const UTF8_FLAG = 0x800;
const UNICODE_PATH_FIELD = 0x7075;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The entry's name; throws an Error with yauzl's own sentence when the UTF-8 reading is an unsafe path. */
export function zipEntryName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  if ((entry.generalPurposeBitFlag & UTF8_FLAG) !== 0) return entry.fileName;
  if (entry.extraFields.some((f) => f.id === UNICODE_PATH_FIELD)) return entry.fileName;
  if (!raw.some((byte) => byte >= 0x80)) return entry.fileName;
  let name: string;
  try {
    name = strictUtf8.decode(raw);
  } catch {
    return entry.fileName;
  }
  // The same rules yauzl applied to its CP437 reading (strictFileNames): no backslash, absolute path or `..`.
  const problem = yauzl.validateFileName(name);
  if (problem !== null) throw new Error(problem);
  return name;
}
