import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { archiveBaseName, archiveFormat, LEARNER_ARCHIVE_LIMITS } from './archive-limits.js';
import type { LearnerSource, Part } from './batch-layout.js';
import { extractArchive } from './extract-archive.js';
import { copyEntry, entryAt, folderEntries } from './folder-entries.js';

/** One learner's submission as a folder on disk, and how to name what is in it the way the teacher sees it. */
export interface LearnerRoot {
  readonly dir: string;
  readonly source: string;
  /** `ex01/host-a.sh` inside the root, as the teacher finds it: `alice/ex01/host-a.sh`, `alice.zip:ex01/host-a.sh`, ... */
  readonly shown: (rel: string) => string;
}

/** Makes a folder under the batch's work folder, unique to one learner. */
export type Allocate = (label: string) => string;

/**
 * The folder a learner's parts make. A lone folder (with no archive at its top) is used where it is; a lone archive is
 * unpacked; several parts (an LMS's files, a folder with an uploaded archive) are copied into one staging folder,
 * where an archive must either be the only thing or be named after its exercise. An archive named after an exercise
 * (ex01.zip, alone or not) becomes the folder ex01, so its name says the exercise even with --all.
 */
export async function learnerRoot(source: LearnerSource, allocate: Allocate, exerciseOf: (folderName: string) => string | null): Promise<LearnerRoot> {
  const [only, ...rest] = source.parts;
  if (only && !rest.length && only.kind === 'folder' && !folderEntries(only.path).some((e) => e.type === 'file' && archiveFormat(e.name))) {
    return { dir: only.path, source: only.shown, shown: (rel) => `${only.shown}/${rel}` };
  }
  const parts = source.parts.flatMap(expandFolder);
  const archives = parts.filter((p) => p.kind === 'archive');
  const lone = parts.length === 1 && archives[0] && !exerciseOf(archiveBaseName(archives[0].name)) ? archives[0] : undefined;
  const dir = allocate(source.learner);
  if (lone) {
    await extractArchive(lone.path, dir, LEARNER_ARCHIVE_LIMITS, lone.shown);
    return { dir, source: lone.shown, shown: (rel) => `${lone.shown}:${rel}` };
  }
  mkdirSync(dir, { recursive: true });
  try {
    const origins = await stageAll(parts, dir, exerciseOf);
    return { dir, source: sourceOf(source.parts), shown: (rel) => shownInStage(origins, rel) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

type Staged = { readonly kind: 'file' | 'archive' | 'folder'; readonly path: string; readonly name: string; readonly shown: string };

/** A folder among several parts (or holding an archive) contributes its entries one by one. */
function expandFolder(part: Part): Staged[] {
  if (part.kind !== 'folder') return [part];
  return folderEntries(part.path).map((e) => ({
    kind: e.type === 'folder' ? 'folder' : e.type === 'file' && archiveFormat(e.name) ? 'archive' : 'file',
    path: e.path,
    name: e.name,
    shown: `${part.shown}/${e.name}`,
  }));
}

/**
 * Copies or unpacks each part into the stage. Returns, per top-level name there, the prefix its contents are shown
 * with: `Name_1_assignsubmission_file_/ex01/` for a copied folder, `smith_1_3_ex01.zip:` for an unpacked archive.
 */
async function stageAll(parts: readonly Staged[], dir: string, exerciseOf: (folderName: string) => string | null): Promise<Map<string, string>> {
  const origins = new Map<string, string>();
  for (const part of parts) {
    const name = part.kind === 'archive' ? archiveBaseName(part.name) : part.name;
    const earlier = origins.get(name);
    if (earlier !== undefined) throw new UserError(`${earlier.replace(/[:/]$/, '')} and ${part.shown} both give the submission its ${name}; keep one.`);
    if (part.kind !== 'archive') {
      copyEntry(entryAt(part.path, part.name), join(dir, name), part.shown);
      origins.set(name, part.kind === 'folder' ? `${part.shown}/` : part.shown);
    } else if (exerciseOf(name)) {
      origins.set(name, await extractExerciseArchive(part, dir, name, exerciseOf));
    } else {
      throw new UserError(`${part.shown} is an archive beside other files; submit it alone, or name it after its exercise (ex01.zip) so its files go to that exercise.`);
    }
  }
  return origins;
}

/** Unpacks ex01.zip into the stage's ex01; when all it holds is a folder of the same exercise (a zipped folder), that folder. */
async function extractExerciseArchive(part: Staged, dir: string, name: string, exerciseOf: (folderName: string) => string | null): Promise<string> {
  const scratch = join(dir, `.unpacking-${name}`);
  await extractArchive(part.path, scratch, LEARNER_ARCHIVE_LIMITS, part.shown);
  const [first, ...others] = folderEntries(scratch);
  const wrapped = first && !others.length && first.type === 'folder' && exerciseOf(first.name) === exerciseOf(name) ? first : null;
  renameSync(wrapped?.path ?? scratch, join(dir, name));
  rmSync(scratch, { recursive: true, force: true });
  return wrapped ? `${part.shown}:${wrapped.name}/` : `${part.shown}:`;
}

/** Where `rel` in the stage came from: `smith_1_2_a.sh`, `smith_1_3_ex01.zip:b.sh`, `Name_1_assignsubmission_file_/ex01/b.sh`. */
function shownInStage(origins: ReadonlyMap<string, string>, rel: string): string {
  const [top = '', ...rest] = rel.split('/');
  const origin = origins.get(top) ?? top;
  return rest.length ? `${origin}${/[:/]$/.test(origin) ? '' : '/'}${rest.join('/')}` : origin.replace(/[:/]$/, '');
}

/** Several LMS files share a prefix, shown as a shell pattern: `smithjane_12345_*`. */
export function sourceOf(parts: readonly Part[]): string {
  const names = parts.map((p) => p.shown);
  if (names.length === 1) return names[0] ?? '';
  let common = names[0] ?? '';
  for (const name of names) while (!name.startsWith(common)) common = common.slice(0, -1);
  const cut = common.lastIndexOf('_');
  return cut > 0 ? `${common.slice(0, cut + 1)}*` : names.join(', ');
}
