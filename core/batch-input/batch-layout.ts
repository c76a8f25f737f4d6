import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { archiveBaseName, archiveFormat } from './archive-limits.js';
import { classroomLearnerIds } from './classroom-names.js';
import { folderEntries, type FolderEntry } from './folder-entries.js';
import { parseLmsName, withoutCanvasCopySuffix } from './lms-names.js';

/** Something that holds (part of) one learner's submission. `name` is what the file is called in the submission. */
export type Part =
  | { readonly kind: 'folder'; readonly path: string; readonly shown: string }
  | { readonly kind: 'file' | 'archive'; readonly path: string; readonly name: string; readonly shown: string };

export interface LearnerSource {
  readonly learner: string;
  readonly displayName: string | null;
  readonly parts: readonly Part[];
  /** A cloned repository: its README and LICENSE files are not part of the submission. */
  readonly repo: boolean;
}

/** An entry of the batch folder that belongs to no learner; it becomes an invalid item named after itself. */
export interface Stray {
  readonly name: string;
  readonly shown: string;
  readonly invalid: string;
}

export interface BatchLayout {
  readonly learners: readonly LearnerSource[];
  readonly strays: readonly Stray[];
}

/**
 * Sorts the entries of a batch folder into learners. Each entry is judged by its own name, so layouts may mix:
 * an LMS name (Moodle first, then Canvas) gives its learner id and groups with that learner's other entries;
 * otherwise a folder with `.git` is a GitHub Classroom repository, another folder a learner's folder, an archive
 * a learner's archive (its name without the extension is the id); anything else is a stray.
 */
export function batchLayout(dir: string, shownPrefix: string, nodeFileNames: ReadonlySet<string>): BatchLayout {
  const learners = new Map<string, { displayName: string | null; parts: Part[]; repo: boolean }>();
  const add = (name: string, display: string | null, part: Part, repo = false) => {
    // One person, one id: a name macOS wrote decomposed (NFD) is the same learner as the composed one, and matches the roster.
    const learner = name.normalize('NFC');
    const displayName = display === null ? null : display.normalize('NFC');
    const found = learners.get(learner) ?? { displayName, parts: [], repo };
    found.parts.push(part);
    learners.set(learner, found);
  };
  const strays: Stray[] = [];
  const repos: FolderEntry[] = [];
  for (const entry of folderEntries(dir)) {
    const shown = shownPrefix + entry.name;
    const lms = entry.type === 'file' || entry.type === 'folder' ? parseLmsName(entry.name, entry.type === 'folder') : null;
    if (lms) add(lms.learner, lms.displayName, partOf(entry, shown, lms.lms === 'canvas' ? withoutCanvasCopySuffix(lms.fileName, nodeFileNames) : lms.fileName));
    else if (entry.type === 'folder' && existsSync(join(entry.path, '.git'))) repos.push(entry);
    else if (entry.type === 'folder') add(entry.name, null, { kind: 'folder', path: entry.path, shown });
    else if (entry.type === 'file' && archiveFormat(entry.name)) add(archiveBaseName(entry.name), null, partOf(entry, shown, entry.name));
    else strays.push({ name: entry.name, shown, invalid: strayProblem(entry, shown) });
  }
  const ids = classroomLearnerIds(repos.map((r) => r.name), basename(dir));
  for (const repo of repos) add(ids.get(repo.name) ?? repo.name, null, { kind: 'folder', path: repo.path, shown: shownPrefix + repo.name }, true);
  return { learners: [...learners].map(([learner, l]) => ({ learner, ...l })), strays };
}

function partOf(entry: FolderEntry, shown: string, name: string): Part {
  if (entry.type === 'folder') return { kind: 'folder', path: entry.path, shown };
  return { kind: archiveFormat(name) ? 'archive' : 'file', path: entry.path, name, shown };
}

function strayProblem(entry: FolderEntry, shown: string): string {
  if (entry.type !== 'file') return `${shown} is a ${entry.type}; put each learner's folder or archive itself in the batch folder.`;
  return `${shown} is neither a learner's folder nor an archive (.zip, .tar.gz, .tgz); a batch folder holds one of those per learner, or an LMS's download of all submissions.`;
}
