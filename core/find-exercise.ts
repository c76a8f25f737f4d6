import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckKindSpec } from './check-kind-spec.js';
import { UserError } from './errors.js';
import { buildExerciseCache, type ExerciseCache } from './exercise-cache.js';
import type { Exercise } from './exercise.js';
import { loadExercise } from './load-exercise.js';
import { packageRoot } from './package-root.js';

/** Where exercises live: GRADE_EXERCISES, or the exercises/ folder that ships with grade. */
export function exercisesRoot(): string {
  return process.env.GRADE_EXERCISES ?? join(packageRoot(), 'exercises');
}

/** Exercise folder names, e.g. ex01-default-gateway, in order. */
export function exerciseFolders(root = exercisesRoot()): string[] {
  if (!existsSync(root)) throw new UserError(`${root} does not exist; set GRADE_EXERCISES to a folder of exercises.`);
  return readdirSync(root)
    .filter((name) => /^ex\d{2,3}(-|$)/.test(name) && statSync(join(root, name)).isDirectory())
    .sort();
}

/** `ex01` or `ex01-default-gateway` to its folder; an unknown name lists the known ones. */
export function resolveExerciseDir(name: string, root = exercisesRoot()): string {
  const folders = exerciseFolders(root);
  const found = folders.find((f) => f === name || f.startsWith(`${name}-`));
  if (!found) {
    const known = folders.map((f) => f.split('-')[0]).join(', ');
    throw new UserError(`There is no exercise "${name}"; known exercises: ${known || 'none'} (see \`grade list\`).`);
  }
  return join(root, found);
}

/** An exercise by name; `variant` renders an exercise with params for one learner (null: the lesson's values). */
export function findExercise(name: string, kinds: ReadonlyMap<string, CheckKindSpec>, variant: string | null = null, cache = buildExerciseCache()): Exercise {
  return cachedLoad(resolveExerciseDir(name), kinds, variant, cache);
}

export function allExercises(kinds: ReadonlyMap<string, CheckKindSpec>, cache = buildExerciseCache()): Exercise[] {
  const root = exercisesRoot();
  return exerciseFolders(root).map((f) => cachedLoad(join(root, f), kinds, null, cache));
}

function cachedLoad(dir: string, kinds: ReadonlyMap<string, CheckKindSpec>, variant: string | null, cache: ExerciseCache | null): Exercise {
  const shownFrom = process.cwd();
  const load = () => loadExercise(dir, kinds, shownFrom, variant);
  return cache ? cache.get({ dir, kinds: [...kinds.keys()], shownFrom, variant }, load) : load();
}
