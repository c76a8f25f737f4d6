import { rmSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { BatchItem } from '../batch-entry.js';
import { safeSegment } from '../batch-entry.js';
import { UserError } from '../errors.js';
import type { SubmissionNode } from '../submission.js';
import { archiveFormat, LMS_DOWNLOAD_LIMITS } from './archive-limits.js';
import { batchLayout, type BatchLayout, type LearnerSource } from './batch-layout.js';
import { exerciseFolderProblem } from './check-exercise-folder.js';
import { extractArchive } from './extract-archive.js';
import { folderEntries } from './folder-entries.js';
import { learnerRoot, sourceOf, type LearnerRoot } from './learner-root.js';
import { isLmsDownload } from './lms-download.js';
import { exerciseOfFolder, NO_EXERCISE, pickExercises, type ExercisePick } from './split-exercises.js';

export interface DiscoverRequest {
  /** The batch folder the teacher passed. */
  readonly folder: string;
  /** The exercises this batch knows. */
  readonly exercises: readonly { readonly id: string; readonly nodes: readonly SubmissionNode[] }[];
  /** `grade batch ex03 DIR`: that exercise's id; null for `grade batch DIR --all` (every exercise found). */
  readonly only: string | null;
  /** An empty folder owned by the batch: archives are unpacked only under it. */
  readonly workDir: string;
}

/** What every stage of discovery needs, worked out once from the request. */
interface Discovery {
  readonly only: string | null;
  readonly ids: readonly string[];
  readonly nodesOf: (exercise: string) => readonly SubmissionNode[];
  readonly nodeFileNames: ReadonlySet<string>;
  readonly workDir: string;
  readonly allocate: (label: string) => string;
}

// A cloned repository's own files, not the learner's answer.
const REPO_EXTRAS = /^(README|LICEN[CS]E)(\.(md|txt|rst))?$/i;
const collator = new Intl.Collator('en', { numeric: true });

/**
 * Every learner's submission in a batch folder, one item per learner and exercise, sorted by learner then exercise.
 * Nothing is skipped silently: whatever cannot be graded becomes an item whose `invalid` says why in one sentence.
 */
export async function discoverSubmissions(req: DiscoverRequest): Promise<BatchItem[]> {
  const folder = resolve(req.folder);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`${req.folder} is not a folder; a batch is a folder with one folder or archive per learner, or an LMS's download of all submissions.`);
  }
  const discovery = discoveryOf(req);
  const layout = await readLayout(folder, discovery);
  const items: BatchItem[] = layout.strays.map((s) => ({ learner: s.name, displayName: null, exercise: req.only ?? NO_EXERCISE, source: s.shown, dir: null, invalid: s.invalid }));
  for (const learner of layout.learners) items.push(...(await learnerItems(learner, discovery)));
  if (!items.length) throw new UserError(`${req.folder} has nothing to grade; put one folder or archive per learner in it.`);
  return items.sort((a, b) => collator.compare(a.learner, b.learner) || collator.compare(a.exercise, b.exercise));
}

function discoveryOf(req: DiscoverRequest): Discovery {
  if (req.only !== null && !req.exercises.some((e) => e.id === req.only)) throw new Error(`discoverSubmissions: ${req.only} is not among the exercises given`);
  const workDir = resolve(req.workDir);
  let made = 0;
  return {
    only: req.only,
    ids: req.exercises.map((e) => e.id),
    nodesOf: (id) => req.exercises.find((e) => e.id === id)?.nodes ?? [],
    nodeFileNames: new Set(req.exercises.flatMap((e) => e.nodes.filter((n) => n.owner === 'learner').map((n) => `${n.name}.sh`))),
    workDir,
    allocate: (label) => join(workDir, `${++made}-${safeSegment(label)}`),
  };
}

/** The batch folder's layout; a lone Canvas or Moodle download zip is unpacked first and read in its place. */
async function readLayout(folder: string, discovery: Discovery): Promise<BatchLayout> {
  const entries = folderEntries(folder);
  const lone = entries.length === 1 ? entries[0] : undefined;
  if (!lone || lone.type !== 'file' || archiveFormat(lone.name) !== 'zip' || !(await isLmsDownload(lone.path))) {
    return batchLayout(folder, '', discovery.nodeFileNames);
  }
  const dest = discovery.allocate('download');
  try {
    await extractArchive(lone.path, dest, LMS_DOWNLOAD_LIMITS, lone.name);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { learners: [], strays: [{ name: lone.name, shown: lone.name, invalid: error.message }] };
  }
  return batchLayout(dest, `${lone.name}:`, discovery.nodeFileNames);
}

/** One learner's items; what was unpacked for them is removed again when none of it is graded. */
async function learnerItems(learner: LearnerSource, discovery: Discovery): Promise<BatchItem[]> {
  const who = { learner: learner.learner, displayName: learner.displayName };
  let root: LearnerRoot;
  try {
    root = await learnerRoot(learner, (label) => discovery.allocate(label), (name) => exerciseOfFolder(name, discovery.ids));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return [{ ...who, exercise: discovery.only ?? NO_EXERCISE, source: sourceOf(learner.parts), dir: null, invalid: error.message }];
  }
  const skip = (name: string) => learner.repo && REPO_EXTRAS.test(name);
  const top = folderEntries(root.dir)
    .filter((e) => !skip(e.name))
    .map((e) => ({ name: e.name, isFolder: e.type === 'folder' }));
  const items = pickExercises(top, discovery.ids, discovery.only, root.shown, root.source).map((pick) => ({ ...who, ...checkedPick(pick, root, skip, discovery) }));
  if (items.every((i) => i.dir === null) && root.dir.startsWith(discovery.workDir + sep)) rmSync(root.dir, { recursive: true, force: true });
  return items;
}

/** The folder a pick names, checked file by file against its exercise's nodes. */
function checkedPick(pick: ExercisePick, root: LearnerRoot, skip: (name: string) => boolean, discovery: Discovery): Pick<BatchItem, 'exercise' | 'source' | 'dir' | 'invalid'> {
  if (pick.invalid !== undefined) return { exercise: pick.exercise, source: root.source, dir: null, invalid: pick.invalid };
  const sub = pick.sub;
  const dir = sub === null ? root.dir : join(root.dir, sub);
  const source = sub === null ? root.source : root.shown(sub);
  const invalid = exerciseFolderProblem({
    dir,
    nodes: discovery.nodesOf(pick.exercise),
    shownDir: source,
    shown: (name) => root.shown(sub === null ? name : `${sub}/${name}`),
    skip: (name) => skip(name) || pick.skip.includes(name),
    exerciseIds: sub === null ? discovery.ids : null,
  });
  return { exercise: pick.exercise, source, dir: invalid ? null : dir, invalid };
}
