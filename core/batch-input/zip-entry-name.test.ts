import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { zipOf } from '../../test/support/batch-fixtures.js';
import { zipEntryName } from './zip-entry-name.js';

const dir = mkdtempSync(join(tmpdir(), 'zip-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Clears the UTF-8 flag (bit 11) in every local and central header, as Info-ZIP's zip on Linux writes them. */
function withoutUtf8Flag(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 10 < out.length; i++) {
    const signature = out.readUInt32LE(i);
    const flagAt = signature === 0x04034b50 ? i + 6 : signature === 0x02014b50 ? i + 8 : -1;
    if (flagAt >= 0) out.writeUInt16LE(out.readUInt16LE(flagAt) & ~0x800, flagAt);
  }
  return out;
}

/** Replaces one name's bytes (same length) everywhere in the zip. */
function renameBytes(zip: Buffer, from: Buffer, to: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = out.indexOf(from); i >= 0; i = out.indexOf(from, i + 1)) to.copy(out, i);
  return out;
}

async function namesOf(bytes: Buffer): Promise<string[]> {
  const file = join(dir, `${Math.random()}.zip`);
  writeFileSync(file, bytes);
  const zip = await yauzl.openPromise(file, { strictFileNames: true });
  try {
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) names.push(zipEntryName(entry));
    return names;
  } finally {
    zip.close();
  }
}

describe('zipEntryName', () => {
  it('reads UTF-8 names without the UTF-8 flag as UTF-8', async () => {
    const zip = withoutUtf8Flag(await zipOf([{ name: '김민수/host-a.sh', data: 'x\n' }, { name: 'Zoë_12_assignsubmission_file_/r.sh', data: 'y\n' }]));
    expect(await namesOf(zip)).toEqual(['김민수/host-a.sh', 'Zoë_12_assignsubmission_file_/r.sh']);
  });

  it('keeps flagged names, and falls back to CP437 only for bytes that are not UTF-8', async () => {
    expect(await namesOf(await zipOf([{ name: '이서연.sh', data: 'x\n' }]))).toEqual(['이서연.sh']);
    // "\x82\xa0" is not UTF-8 (a lone continuation byte); CP437 reads it as "éá".
    const cp437 = renameBytes(withoutUtf8Flag(await zipOf([{ name: 'ab.sh', data: 'x\n' }])), Buffer.from('ab.sh'), Buffer.from([0x82, 0xa0, 0x2e, 0x73, 0x68]));
    expect(await namesOf(cp437)).toEqual(['éá.sh']);
  });

  it('refuses a UTF-8 reading that climbs out, as yauzl refuses the CP437 one', async () => {
    // "é/../x" in UTF-8 bytes, same length as the placeholder.
    const evil = Buffer.from('é/../../x', 'utf8');
    const zip = renameBytes(withoutUtf8Flag(await zipOf([{ name: 'a'.repeat(evil.length), data: 'x\n' }])), Buffer.from('a'.repeat(evil.length)), evil);
    await expect(namesOf(zip)).rejects.toThrow(/invalid relative path/);
  });
});
