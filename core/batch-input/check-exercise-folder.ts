import { readdirSync, readFileSync } from 'node:fs';
import { learnerFileNames, nodeFileContentProblem, nodeFileNameProblem, nodeFileSizeProblem, noNodeFilesProblem, type SubmissionNode } from '../submission.js';
import { folderEntries, isHidden, notPlainProblem } from './folder-entries.js';

export interface FolderCheck {
  readonly dir: string;
  readonly nodes: readonly SubmissionNode[];
  /** The folder as the teacher finds it, and each name inside it. */
  readonly shownDir: string;
  readonly shown: (name: string) => string;
  /** Names left alone: other exercises' folders, a repository's README and LICENSE. */
  readonly skip: (name: string) => boolean;
  /** Set when the folder is the top of the learner's submission, where a folder should be named after an exercise. */
  readonly exerciseIds: readonly string[] | null;
}

/**
 * Why a folder cannot be graded as one exercise's submission, or null when it can. Stricter than readSubmission, which
 * skips what is not a <node>.sh file: in a batch nothing is skipped silently, so any other file or folder is a problem.
 */
export function exerciseFolderProblem(check: FolderCheck): string | null {
  // readSubmission takes any *.sh, dot-files too, so a hidden one is judged here as it will be there.
  const hiddenScript = readdirSync(check.dir).sort().find((name) => isHidden(name) && name.endsWith('.sh'));
  if (hiddenScript) return nodeFileNameProblem(check.shown(hiddenScript), hiddenScript, check.nodes);
  const all = folderEntries(check.dir);
  const entries = all.filter((e) => !check.skip(e.name));
  if (!all.length) return `${check.shownDir} is empty; expected the <node>.sh files of the nodes you configure (${learnerFileNames(check.nodes)}).`;
  if (!entries.length) return noNodeFilesProblem(check.shownDir, check.nodes);
  for (const entry of entries) {
    const shown = check.shown(entry.name);
    if (entry.type === 'folder') return folderProblem(shown, check);
    if (entry.type !== 'file') return notPlainProblem(shown, entry.type);
    if (ONLINE_TEXT.test(entry.name)) return onlineTextProblem(shown, check.nodes);
    if (!entry.name.endsWith('.sh')) return `${shown} is not a <node>.sh file; a submission holds only files named after the nodes you configure (${learnerFileNames(check.nodes)}).`;
    const problem = nodeFileNameProblem(shown, entry.name, check.nodes) ?? nodeFileSizeProblem(shown, entry.size) ?? nodeFileContentProblem(shown, readFileSync(entry.path));
    if (problem) return problem;
  }
  return null;
}

// What Moodle (assignsubmission_onlinetext) and Canvas (text entry) write for a submission typed into the LMS.
const ONLINE_TEXT = /^(onlinetext|text)\.html$/i;

function onlineTextProblem(shown: string, nodes: readonly SubmissionNode[]): string {
  return (
    `${shown} is an online-text submission, typed into the LMS, and grade grades only uploaded files: ask the learner to upload ` +
    `one file per node (${learnerFileNames(nodes)}), and turn on file submissions for the assignment.`
  );
}

function folderProblem(shown: string, check: FolderCheck): string {
  if (check.exerciseIds) return `${shown} is a folder but not an exercise's; expected <node>.sh files, or folders named after exercises (${check.exerciseIds.join(', ')}).`;
  return `${shown} is a folder inside an exercise's submission; expected only <node>.sh files (${learnerFileNames(check.nodes)}).`;
}
