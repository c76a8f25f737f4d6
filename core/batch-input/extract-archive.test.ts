import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listTree, patchBytes, sandbox, tarOf, zipOf, type Sandbox } from '../../test/support/batch-fixtures.js';
import { UserError } from '../errors.js';
import { LEARNER_ARCHIVE_LIMITS, LMS_DOWNLOAD_LIMITS } from './archive-limits.js';
import { extractArchive } from './extract-archive.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.remove());

/** Writes the archive into the batch folder and unpacks it into work/x; returns the refusal, or null when it was unpacked. */
async function unpack(name: string, bytes: Buffer, limits = LEARNER_ARCHIVE_LIMITS): Promise<string | null> {
  const file = join(box.batch, name);
  writeFileSync(file, bytes);
  try {
    await extractArchive(file, join(box.work, 'x'), limits, name);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n|undefined|\[object/);
    return message;
  }
}

/** A refused archive wrote nothing outside the work folder and left nothing in it. */
function expectNothingLeft(outsideBefore: readonly string[]): void {
  expect(listTree(box.work)).toEqual([]);
  expect(listTree(join(box.root, 'outside'))).toEqual(outsideBefore);
  expect(readFileSync(join(box.outside, 'sentinel.txt'), 'utf8')).toBe('untouched\n');
  expect(listTree(box.root).filter((p) => /evil/.test(p))).toEqual([]);
}

describe('extractArchive: honest archives', () => {
  test('a zip with node files and an exercise folder unpacks as it is, dot-files and __MACOSX left out', async () => {
    const zip = await zipOf([
      { name: 'host-a.sh', data: 'ip route add default via 10.0.0.1\n' },
      { name: 'ex03/', folder: true },
      { name: 'ex03/red.sh', data: 'ip link set red up\n' },
      { name: '.DS_Store', data: 'x' },
      { name: '__MACOSX/._host-a.sh', data: 'x' },
    ]);
    expect(await unpack('alice.zip', zip)).toBeNull();
    expect(listTree(join(box.work, 'x'))).toEqual(['ex03/', 'ex03/red.sh', 'host-a.sh']);
    expect(readFileSync(join(box.work, 'x', 'host-a.sh'), 'utf8')).toBe('ip route add default via 10.0.0.1\n');
  });

  test('a .tar.gz and a .tgz with ./ prefixes unpack the same way', async () => {
    const tgz = await tarOf([{ name: './', type: 'directory' }, { name: './host-a.sh', data: 'true\n' }, { name: './ex01/host-b.sh', data: 'false\n' }]);
    expect(await unpack('bob.tar.gz', tgz)).toBeNull();
    expect(listTree(join(box.work, 'x'))).toEqual(['ex01/', 'ex01/host-b.sh', 'host-a.sh']);
  });

  test('a plain .tar unpacks too', async () => {
    expect(await unpack('carol.tar', await tarOf([{ name: 'host-a.sh', data: 'true\n' }], false))).toBeNull();
    expect(listTree(join(box.work, 'x'))).toEqual(['host-a.sh']);
  });
});

describe('extractArchive: hostile archives are refused, writing nothing outside and leaving nothing behind', () => {
  test('a zip entry that climbs out with ../', async () => {
    const before = listTree(box.outside);
    const zip = patchBytes(await zipOf([{ name: 'xx/xx/xx/xx/outside/evil.sh', data: 'pwned\n' }]), 'xx/xx/xx/xx/outside/evil.sh', '../../../../outside/evil.sh');
    expect(await unpack('mallory.zip', zip)).toMatch(/^mallory\.zip cannot be read as a zip archive \(invalid relative path: \.\.\/\.\.\/\.\.\/\.\.\/outside\/evil\.sh\); upload it again, whole\.$/);
    expectNothingLeft(before);
  });

  test('a tar entry that climbs out with ../', async () => {
    const before = listTree(box.outside);
    const tgz = await tarOf([{ name: 'host-a.sh', data: 'true\n' }, { name: '../../../../outside/evil.sh', data: 'pwned\n' }]);
    expect(await unpack('mallory.tgz', tgz)).toBe(
      'mallory.tgz has an entry "../../../../outside/evil.sh" that climbs out of the archive with ".."; an archive may hold only plain relative paths such as ex01/host-a.sh.',
    );
    expectNothingLeft(before);
  });

  test('absolute paths, in a zip and in a tar', async () => {
    const before = listTree(box.outside);
    const target = join(box.outside, 'evil.sh');
    const placeholder = 'x'.repeat(target.length);
    const zip = patchBytes(await zipOf([{ name: placeholder, data: 'pwned\n' }]), placeholder, target);
    expect(await unpack('abs.zip', zip)).toMatch(/^abs\.zip cannot be read as a zip archive \(absolute path: .*evil\.sh\); upload it again, whole\.$/);
    expectNothingLeft(before);
    const tgz = await tarOf([{ name: target, data: 'pwned\n' }]);
    expect(await unpack('abs.tgz', tgz)).toMatch(/^abs\.tgz has an entry ".*evil\.sh" with an absolute path; an archive may hold only plain relative paths/);
    expectNothingLeft(before);
    expect(existsSync(target)).toBe(false);
  });

  test('backslash tricks: ..\\ in a zip and in a tar', async () => {
    const before = listTree(box.outside);
    const zip = patchBytes(await zipOf([{ name: 'xx/evil.sh', data: 'pwned\n' }]), 'xx/evil.sh', '..\\evil.sh');
    expect(await unpack('win.zip', zip)).toMatch(/^win\.zip cannot be read as a zip archive \(invalid characters in fileName: \.\.\\evil\.sh\)/);
    const tgz = await tarOf([{ name: '..\\..\\evil.sh', data: 'pwned\n' }]);
    expect(await unpack('win.tgz', tgz)).toMatch(/^win\.tgz has an entry "\.\.\\\.\.\\evil\.sh" with a backslash in its name;/);
    expectNothingLeft(before);
  });

  test('a zip symlink entry pointing to /etc/passwd, even when named like a node file', async () => {
    const before = listTree(box.outside);
    const zip = await zipOf([{ name: 'host-a.sh', data: 'true\n' }, { name: 'host-b.sh', data: '/etc/passwd', mode: 0o120777 }]);
    expect(await unpack('link.zip', zip)).toBe('link.zip contains a symbolic link, host-b.sh; an archive may hold only files and folders, so it is refused.');
    expectNothingLeft(before);
  });

  test('a tar symlink, a hard link, a device file and a fifo', async () => {
    const before = listTree(box.outside);
    const cases = [
      [{ name: 'host-a.sh', type: 'symlink', linkname: '/etc/passwd' }, 'a symbolic link, host-a.sh'],
      [{ name: 'host-a.sh', type: 'link', linkname: '/etc/passwd' }, 'a hard link, host-a.sh'],
      [{ name: 'null.sh', type: 'character-device' }, 'a device file, null.sh'],
      [{ name: 'pipe.sh', type: 'fifo' }, 'a special file, pipe.sh'],
    ] as const;
    for (const [entry, what] of cases) {
      const tgz = await tarOf([{ name: 'host-b.sh', data: 'true\n' }, entry]);
      expect(await unpack('links.tar.gz', tgz)).toBe(`links.tar.gz contains ${what}; an archive may hold only files and folders, so it is refused.`);
      expectNothingLeft(before);
    }
  });

  test('a zip bomb: 4 MiB of zeros compressing to a few KiB stops at the 1 MiB cap', async () => {
    const before = listTree(box.outside);
    const zip = await zipOf([{ name: 'host-a.sh', data: Buffer.alloc(4 * 1024 * 1024) }]);
    expect(zip.length).toBeLessThan(16 * 1024);
    expect(await unpack('bomb.zip', zip)).toBe('bomb.zip unpacks to more than 1 MiB; a submission is a few small <node>.sh files, so the archive is refused.');
    expectNothingLeft(before);
  });

  test('a zip bomb whose headers claim a few bytes: the real size is what counts', async () => {
    const before = listTree(box.outside);
    const zip = await zipOf([{ name: 'host-a.sh', data: Buffer.alloc(4 * 1024 * 1024) }]);
    const lying = lieAboutSizes(zip, 10);
    expect(await unpack('liar.zip', lying)).toMatch(/^liar\.zip cannot be read as a zip archive \(too many bytes in the stream; expected 10; got at least \d+\); upload it again, whole\.$/);
    expectNothingLeft(before);
  });

  test('a gzip bomb hidden after the end of the tar is cut off by the cap on the unpacked stream', async () => {
    const before = listTree(box.outside);
    const raw = await tarOf([{ name: 'host-a.sh', data: 'true\n' }], false);
    const bomb = gzipSync(Buffer.concat([raw, Buffer.alloc(16 * 1024 * 1024)]));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await unpack('trail.tgz', bomb)).toBe('trail.tgz unpacks to far more than its files; it is refused.');
    expectNothingLeft(before);
  });

  test('many small files that add up past the cap, in a tar.gz', async () => {
    const before = listTree(box.outside);
    const entries = Array.from({ length: 12 }, (_, i) => ({ name: `ex01/f${i}.sh`, data: Buffer.alloc(96 * 1024, 0x61) }));
    expect(await unpack('heavy.tgz', await tarOf(entries))).toBe('heavy.tgz unpacks to more than 1 MiB; a submission is a few small <node>.sh files, so the archive is refused.');
    expectNothingLeft(before);
  });

  test('too many entries, in a zip and in a tar', async () => {
    const before = listTree(box.outside);
    const many = Array.from({ length: 201 }, (_, i) => ({ name: `f${i}.sh`, data: 'true\n' }));
    expect(await unpack('many.zip', await zipOf(many))).toBe('many.zip has more than 200 entries; a submission is a few <node>.sh files, so the archive is refused.');
    expect(await unpack('many.tgz', await tarOf(many))).toBe('many.tgz has more than 200 entries; a submission is a few <node>.sh files, so the archive is refused.');
    expectNothingLeft(before);
  });

  test('an archive inside a learner archive is refused; an LMS download may hold one level of them', async () => {
    const inner = await zipOf([{ name: 'host-a.sh', data: 'true\n' }]);
    expect(await unpack('nested.zip', await zipOf([{ name: 'ex01.zip', data: inner }]))).toBe(
      'nested.zip contains another archive, ex01.zip; archives inside archives are not unpacked, so put the files in directly.',
    );
    expect(listTree(box.work)).toEqual([]);
    expect(await unpack('submissions.zip', await zipOf([{ name: 'smith_1_2_ex01.zip', data: inner }]), LMS_DOWNLOAD_LIMITS)).toBeNull();
    expect(listTree(join(box.work, 'x'))).toEqual(['smith_1_2_ex01.zip']);
  });

  test('entries nested deeper than the cap', async () => {
    expect(await unpack('deep.zip', await zipOf([{ name: 'a/b/c/d/host-a.sh', data: 'true\n' }]))).toBe(
      'deep.zip has an entry 5 levels deep, a/b/c/d/host-a.sh; expected <node>.sh files at the top or in exercise folders such as ex01/host-a.sh.',
    );
    expect(listTree(box.work)).toEqual([]);
  });

  test('the same name twice is refused rather than overwritten', async () => {
    const tgz = await tarOf([{ name: 'host-a.sh', data: 'first\n' }, { name: 'host-a.sh', data: 'second\n' }]);
    expect(await unpack('twice.tgz', tgz)).toBe('twice.tgz has two entries for host-a.sh; keep one.');
    expect(listTree(box.work)).toEqual([]);
  });

  test('files that are not archives at all, or are cut short', async () => {
    expect(await unpack('junk.zip', Buffer.from('this is not a zip file'))).toMatch(/^junk\.zip cannot be read as a zip archive \(end of central directory record signature not found; Either not a zip file, or file is truncated\); upload it again, whole\.$/);
    const tgz = await tarOf([{ name: 'host-a.sh', data: 'x'.repeat(5000) }]);
    expect(await unpack('cut.tgz', tgz.subarray(0, tgz.length / 2))).toMatch(/^cut\.tgz cannot be read as a \.tar\.gz archive \(.+\); upload it again, whole\.$/);
    expect(await unpack('junk.tgz', Buffer.from('not gzip either'))).toMatch(/^junk\.tgz cannot be read as a \.tar\.gz archive \(incorrect header check\); upload it again, whole\.$/);
    expect(listTree(box.work)).toEqual([]);
  });
});

/** Sets the uncompressed size in every local and central header of a one-entry zip to `size`. */
function lieAboutSizes(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at < out.length - 4; at++) {
    const sig = out.readUInt32LE(at);
    if (sig === 0x04034b50) out.writeUInt32LE(size, at + 22);
    if (sig === 0x02014b50) out.writeUInt32LE(size, at + 24);
  }
  return out;
}
