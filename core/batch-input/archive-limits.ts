/** How much an archive may hold before it is refused: counted while extracting, never taken from its headers. */
export interface ArchiveLimits {
  /** File bytes written, all entries together. */
  readonly maxBytes: number;
  readonly maxEntries: number;
  /** Path segments in one entry name: `ex01/host-a.sh` is 2. */
  readonly maxDepth: number;
  /** Whether the archive may hold archives (an LMS download holding the archives learners uploaded); never deeper than that. */
  readonly allowArchives: boolean;
}

const MiB = 1024 * 1024;

/** One learner's archive: node files are 96 KiB at most, so 1 MiB and 200 entries leave room for any honest submission. */
export const LEARNER_ARCHIVE_LIMITS: ArchiveLimits = { maxBytes: 1 * MiB, maxEntries: 200, maxDepth: 4, allowArchives: false };

/** A whole class's Canvas or Moodle "download all submissions" zip; the archives inside get LEARNER_ARCHIVE_LIMITS. */
export const LMS_DOWNLOAD_LIMITS: ArchiveLimits = { maxBytes: 64 * MiB, maxEntries: 10_000, maxDepth: 5, allowArchives: true };

/** File names taken for archives, longest suffix first so `.tar.gz` wins over `.gz`. */
const ARCHIVE_SUFFIXES = ['.tar.gz', '.tgz', '.zip', '.tar'] as const;
export type ArchiveFormat = 'zip' | 'tar' | 'tar.gz';

/** The format an archive's file name says it has, or null when the name is not an archive's. */
export function archiveFormat(name: string): ArchiveFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip')) return 'zip';
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return 'tar.gz';
  if (lower.endsWith('.tar')) return 'tar';
  return null;
}

/** `alice.tar.gz` -> `alice`: the learner id an archive's name gives. */
export function archiveBaseName(name: string): string {
  const lower = name.toLowerCase();
  const suffix = ARCHIVE_SUFFIXES.find((s) => lower.endsWith(s));
  return suffix ? name.slice(0, -suffix.length) : name;
}

/** Names of other archive and compression formats, refused inside an archive with the same sentence as zips. */
export function looksLikeArchive(name: string): boolean {
  return archiveFormat(name) !== null || /\.(gz|bz2|xz|zst|7z|rar|tbz2?|txz)$/i.test(name);
}
