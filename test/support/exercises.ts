import { join } from 'node:path';
import { checkKinds } from '../../checks/registry.js';
import { DEFAULT_LIMITS, type Exercise, type NodeSpec } from '../../core/exercise.js';
import type { CheckKindSpec } from '../../core/check-kind-spec.js';
import { UserError } from '../../core/errors.js';
import { loadExercise } from '../../core/load-exercise.js';
import { packageRoot } from '../../core/package-root.js';

/** A shipped exercise (exercises/<slug>), loaded with the registered check kinds; `variant` for one with params. */
export function shippedExercise(slug: string, variant: string | null = null): Exercise {
  return loadExercise(join(packageRoot(), 'exercises', slug), checkKinds(), process.cwd(), variant);
}

/** A learner's node with no interfaces, routes, sysctls or services unless given. */
export function nodeSpec(name: string, parts: Partial<NodeSpec> = {}): NodeSpec {
  return { name, role: 'host', owner: 'learner', interfaces: [], routes: [], sysctls: {}, services: [], ...parts };
}

/** An exercise made in a test, for logic that needs one but not a folder on disk. */
export function exerciseOf(parts: Partial<Exercise> = {}): Exercise {
  return {
    id: 'ex99',
    slug: 'ex99-test',
    dir: '/nowhere/ex99-test',
    title: 'A test exercise',
    summary: 'Made by a test.',
    concepts: [],
    needs: [],
    networks: [],
    nodes: [],
    checks: [],
    limits: DEFAULT_LIMITS,
    solutionDir: '/nowhere/ex99-test/solution',
    alternatives: [],
    wrongCases: [],
    params: [],
    variant: null,
    paramValues: {},
    ...parts,
  };
}

/** The message of the UserError that loading an exercise folder throws (a test of a malformed exercise). */
export function loadErrorOf(dir: string, root: string, kinds: ReadonlyMap<string, CheckKindSpec> = checkKinds()): string {
  try {
    loadExercise(dir, kinds, root);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('loaded without an error');
}
