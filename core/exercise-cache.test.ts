import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkKinds } from '../checks/registry.js';
import { removeTempDirs, tempDir } from '../test/support/temp-dir.js';
import { folderExerciseCache } from './exercise-cache.js';
import { allExercises, exerciseFolders, exercisesRoot, findExercise } from './find-exercise.js';
import { loadExercise } from './load-exercise.js';

afterAll(removeTempDirs);

describe('the exercise cache', () => {
  test('every shipped exercise comes back from the cache equal to a fresh load', () => {
    const cache = folderExerciseCache(tempDir('grade-cache-'), 'build-1');
    const first = allExercises(checkKinds(), cache);
    const again = allExercises(checkKinds(), cache);
    expect(again).toEqual(first);
    expect(again).toEqual(allExercises(checkKinds(), null));
    expect(again.length).toBe(exerciseFolders().length);
  });

  test('a changed file, another build or another variant is a miss; the same is a hit', () => {
    const folder = tempDir('grade-cache-');
    const root = tempDir('grade-exercises-');
    const slug = exerciseFolders().find((f) => f.startsWith('ex01'))!;
    cpSync(join(exercisesRoot(), slug), join(root, slug), { recursive: true });
    const dir = join(root, slug);
    let loads = 0;
    const get = (build: string, variant: string | null = null) =>
      folderExerciseCache(folder, build).get({ dir, kinds: [...checkKinds().keys()], shownFrom: root, variant }, () => {
        loads++;
        return loadExercise(dir, checkKinds(), root, variant);
      });
    const a = get('b1');
    expect([get('b1'), loads]).toEqual([a, 1]);
    get('b2');
    expect(loads).toBe(2);
    const solution = join(dir, 'solution', readdirSync(join(dir, 'solution'))[0]!);
    writeFileSync(solution, '# changed\n', { flag: 'a' });
    get('b1');
    expect(loads).toBe(3);
    const varied = get('b1', 'alice');
    expect(loads).toBe(4);
    expect(varied.variant).toBe('alice');
  });

  test('a cache folder that cannot be written is skipped, and the exercise still loads', () => {
    const blocker = join(tempDir('grade-cache-'), 'file');
    writeFileSync(blocker, '');
    const lines: string[] = [];
    const cache = folderExerciseCache(join(blocker, 'sub'), 'b', (l) => lines.push(l));
    expect(findExercise('ex03', checkKinds(), null, cache).id).toBe('ex03');
    expect(lines.some((l) => l.startsWith('exercise cache: not kept'))).toBe(true);
  });
});
