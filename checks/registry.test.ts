import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { exerciseFolders } from '../core/find-exercise.js';
import { loadExercise } from '../core/load-exercise.js';
import { checkKinds } from './registry.js';

const SHIPPED = fileURLToPath(new URL('../exercises', import.meta.url));

describe('checkKinds', () => {
  test('each kind is filed under its own name', () => {
    for (const [name, kind] of checkKinds()) expect(kind.name).toBe(name);
  });

  // The loader's own tests use stand-in kinds; this is where the real schemas meet the shipped exercises.
  test.each(exerciseFolders(SHIPPED))('%s loads with the registered kinds', (folder) => {
    expect(loadExercise(join(SHIPPED, folder), checkKinds(), SHIPPED).checks.length).toBeGreaterThan(0);
  });
});
