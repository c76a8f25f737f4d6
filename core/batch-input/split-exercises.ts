/** A name at the top of a learner's submission. */
export interface TopEntry {
  readonly name: string;
  readonly isFolder: boolean;
}

/** The folder to grade for one exercise (`sub` inside the learner's root, or null for the root itself), or why there is none. */
export type ExercisePick =
  | { readonly exercise: string; readonly sub: string | null; readonly invalid?: undefined; readonly skip: readonly string[] }
  | { readonly exercise: string; readonly invalid: string };

/** Problems that belong to no exercise (with --all) are filed under this exercise id. */
export const NO_EXERCISE = '(none)';

/** The exercise id when `ex01` or `ex01-default-gateway` names a known exercise's folder. */
export function exerciseOfFolder(name: string, exerciseIds: readonly string[]): string | null {
  return exerciseIds.find((id) => name === id || name.startsWith(`${id}-`)) ?? null;
}

/** Named like an exercise folder (the rule of exerciseFolders in find-exercise.ts), known to this batch or not. */
export function looksLikeExerciseFolder(name: string): boolean {
  return /^ex\d{2,3}(-|$)/.test(name);
}

/**
 * Which folders of a learner's submission hold which exercise. With `only`, its folder is taken, or, when it has
 * none, the top itself (folders of other exercises are then left alone). With --all (`only` null) every exercise
 * folder is an item and anything else at the top is one problem, filed under NO_EXERCISE, since it names no exercise.
 */
export function pickExercises(top: readonly TopEntry[], exerciseIds: readonly string[], only: string | null, shown: (rel: string) => string, rootShown: string): ExercisePick[] {
  const folders = new Map<string, string[]>();
  const others: TopEntry[] = [];
  for (const entry of top) {
    const id = entry.isFolder ? exerciseOfFolder(entry.name, exerciseIds) : null;
    if (id) folders.set(id, [...(folders.get(id) ?? []), entry.name]);
    else others.push(entry);
  }
  const pickFolder = (id: string): ExercisePick => {
    const names = folders.get(id) ?? [];
    if (names.length > 1) return { exercise: id, invalid: `${rootShown} has ${names.length} folders for ${id} (${names.join(', ')}); keep one.` };
    return { exercise: id, sub: names[0] ?? null, skip: [] };
  };
  if (only !== null) return [pickOnly(only, folders, others, pickFolder, shown, rootShown)];
  const picks = [...folders.keys()].sort().map(pickFolder);
  const stray = others[0];
  if (stray) picks.push({ exercise: NO_EXERCISE, invalid: outsideExerciseFolders(stray, shown, exerciseIds) });
  else if (!picks.length) picks.push({ exercise: NO_EXERCISE, invalid: `${rootShown} is empty; with --all, put each exercise's <node>.sh files in a folder named after it (ex01/host-a.sh).` });
  return picks;
}

function pickOnly(
  only: string,
  folders: ReadonlyMap<string, string[]>,
  others: readonly TopEntry[],
  pickFolder: (id: string) => ExercisePick,
  shown: (rel: string) => string,
  rootShown: string,
): ExercisePick {
  const otherExercises = [...folders.entries()].filter(([id]) => id !== only).flatMap(([, names]) => names);
  otherExercises.push(...others.filter((e) => e.isFolder && looksLikeExerciseFolder(e.name)).map((e) => e.name));
  const loose = others.filter((e) => !otherExercises.includes(e.name));
  if (folders.has(only)) {
    const stray = loose[0];
    if (stray) return { exercise: only, invalid: `${shown(stray.name)} is beside the exercise folders; put it inside the folder of its exercise.` };
    return pickFolder(only);
  }
  if (!loose.length && otherExercises.length) {
    return { exercise: only, invalid: `${rootShown} has no folder for ${only} (it has ${otherExercises.join(', ')}); put ${only}'s files in a folder named ${only}.` };
  }
  return { exercise: only, sub: null, skip: otherExercises };
}

function outsideExerciseFolders(stray: TopEntry, shown: (rel: string) => string, exerciseIds: readonly string[]): string {
  if (stray.isFolder && looksLikeExerciseFolder(stray.name)) return `${shown(stray.name)} is for an exercise this batch does not know; known exercises: ${exerciseIds.join(', ')}.`;
  if (stray.isFolder) return `${shown(stray.name)} is not an exercise's folder; name each folder after its exercise (${exerciseIds.join(', ')}).`;
  return `${shown(stray.name)} is not in an exercise's folder; with --all, put each exercise's files in a folder named after it (ex01/host-a.sh).`;
}
