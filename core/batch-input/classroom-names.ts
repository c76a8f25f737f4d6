/**
 * GitHub Classroom names each learner's repository `<assignment prefix>-<GitHub user name>`, and
 * `gh classroom clone student-repos` clones them all into `<assignment slug>-submissions/`.
 * The learner id is the repository name without the prefix all of them share: the batch folder's
 * name without `-submissions` when it is that, else the longest common prefix ending in "-" (with
 * a single repository and no such folder name, there is no telling, so the whole name is the id).
 */
export function classroomLearnerIds(repoNames: readonly string[], batchFolderName: string): Map<string, string> {
  const prefix = assignmentPrefix(repoNames, batchFolderName);
  return new Map(repoNames.map((name) => [name, name.length > prefix.length ? name.slice(prefix.length) : name]));
}

function assignmentPrefix(repoNames: readonly string[], batchFolderName: string): string {
  const slug = /^(.+)-submissions$/.exec(batchFolderName)?.[1];
  if (slug && repoNames.every((n) => n.startsWith(`${slug}-`))) return `${slug}-`;
  if (repoNames.length < 2) return '';
  let common = repoNames[0] ?? '';
  for (const name of repoNames) while (!name.startsWith(common)) common = common.slice(0, -1);
  return common.slice(0, common.lastIndexOf('-') + 1);
}
