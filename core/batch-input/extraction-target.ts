import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../errors.js';
import { looksLikeArchive, type ArchiveLimits } from './archive-limits.js';
import { byteCap, type ByteBudget } from './byte-cap.js';
import { entrySegments, printable } from './entry-path.js';

/** A library's error message as a clause inside our sentence: no capital, no inner full stops. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const clause = text.trim().replace(/\.$/, '').replace(/\.\s+/g, '; ');
  return clause.charAt(0).toLowerCase() + clause.slice(1);
}

/** What an archive entry is, in the words a teacher reads. */
export type EntryKind = 'file' | 'folder' | 'symbolic link' | 'hard link' | 'device file' | 'special file';

/**
 * Where one archive is unpacked, and the rules every entry must pass first: the same for zip and tar.
 * Everything it writes is under `dest`, which the caller removes when extraction fails.
 */
export class ExtractionTarget {
  private entries = 0;
  private readonly budget: ByteBudget;

  constructor(
    readonly dest: string,
    readonly limits: ArchiveLimits,
    /** The archive as the teacher knows it: `alice.zip`, `submissions.zip:smith_12_34_ex01.zip`. */
    readonly shown: string,
  ) {
    const mib = limits.maxBytes / (1024 * 1024);
    this.budget = { used: 0, max: limits.maxBytes, refusal: () => `${shown} unpacks to more than ${mib} MiB; a submission is a few small <node>.sh files, so the archive is refused.` };
    mkdirSync(dest, { recursive: true });
  }

  /** The refusal for an archive whose header already admits to too many entries. */
  tooManyEntries(): UserError {
    return new UserError(`${this.shown} has more than ${this.limits.maxEntries} entries; a submission is a few <node>.sh files, so the archive is refused.`);
  }

  /** Counts the entry and checks it; returns where it goes, or null for metadata that is not unpacked (dot-files, __MACOSX). */
  admit(name: string, kind: EntryKind): string[] | null {
    this.entries += 1;
    if (this.entries > this.limits.maxEntries) throw this.tooManyEntries();
    if (kind !== 'file' && kind !== 'folder') {
      throw new UserError(`${this.shown} contains a ${kind}, ${printable(name)}; an archive may hold only files and folders, so it is refused.`);
    }
    const segments = entrySegments(name, this.shown);
    if (segments.length > this.limits.maxDepth) {
      throw new UserError(`${this.shown} has an entry ${segments.length} levels deep, ${printable(name)}; expected <node>.sh files at the top or in exercise folders such as ex01/host-a.sh.`);
    }
    if (segments.some((s) => s.startsWith('.')) || segments[0] === '__MACOSX') return null;
    if (kind === 'file' && !this.limits.allowArchives && looksLikeArchive(segments.at(-1) ?? '')) {
      throw new UserError(`${this.shown} contains another archive, ${printable(name)}; archives inside archives are not unpacked, so put the files in directly.`);
    }
    return segments;
  }

  makeFolder(segments: readonly string[]): void {
    if (segments.length) this.guard(segments, () => mkdirSync(this.pathOf(segments), { recursive: true }));
  }

  /** Streams an entry's bytes to its file, counting them against the archive's budget; never overwrites. */
  async writeFile(segments: readonly string[], data: AsyncIterable<unknown>): Promise<void> {
    const target = this.pathOf(segments);
    this.guard(segments, () => mkdirSync(dirname(target), { recursive: true }));
    try {
      await pipeline(data, byteCap(this.budget), createWriteStream(target, { flags: 'wx', mode: 0o644 }));
    } catch (error) {
      throw this.conflict(segments, error) ?? error;
    }
  }

  /** Drains an entry that is not unpacked, still counting its bytes so a huge one cannot run forever. */
  async skip(data: AsyncIterable<unknown>): Promise<void> {
    await pipeline(data, byteCap(this.budget), async (source: AsyncIterable<unknown>) => {
      for await (const _chunk of source);
    });
  }

  private pathOf(segments: readonly string[]): string {
    const target = resolve(this.dest, ...segments);
    // entrySegments already refuses "..", this is the belt to its braces.
    if (!target.startsWith(resolve(this.dest) + sep)) throw new UserError(`${this.shown} has an entry that leads outside the archive, ${printable(join(...segments))}; it is refused.`);
    return target;
  }

  private guard(segments: readonly string[], write: () => void): void {
    try {
      write();
    } catch (error) {
      throw this.conflict(segments, error) ?? error;
    }
  }

  private conflict(segments: readonly string[], error: unknown): UserError | null {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EISDIR') return null;
    return new UserError(`${this.shown} has two entries for ${printable(segments.join('/'))}; keep one.`);
  }
}
