import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { userErrorOf } from '../test/support/user-error.js';
import type { CheckKindSpec } from './check-kind-spec.js';
import { allExercises, exerciseFolders, exercisesRoot, findExercise, resolveExerciseDir } from './find-exercise.js';

const EX01 = fileURLToPath(new URL('../exercises/ex01-default-gateway', import.meta.url));
const SHIPPED = fileURLToPath(new URL('../exercises', import.meta.url));

// A stand-in exercises folder: ex01 twice under other numbers, plus things that are not exercises.
const root = mkdtempSync(join(tmpdir(), 'grade-find-'));
cpSync(EX01, join(root, 'ex01-default-gateway'), { recursive: true });
cpSync(EX01, join(root, 'ex10-second'), { recursive: true });
writeFileSync(join(root, 'ex10-second', 'exercise.yaml'), readFileSync(join(EX01, 'exercise.yaml'), 'utf8').replace(/^id: ex01$/m, 'id: ex10'));
mkdirSync(join(root, 'ex03'));
mkdirSync(join(root, 'notes'));
mkdirSync(join(root, 'ex1-too-short'));
mkdirSync(join(root, 'ex02draft'));
writeFileSync(join(root, 'ex04-a-file'), 'not a folder');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const errorOf = userErrorOf;
// Core may not import the registry; ex01's kinds with any parameters will do for finding folders.
const anyParams = (name: string): CheckKindSpec => ({ name, schema: {}, nodesOf: (p) => [String(p.node)] });
const kinds: ReadonlyMap<string, CheckKindSpec> = new Map(['reach', 'route'].map((n) => [n, anyParams(n)]));

describe('exerciseFolders', () => {
  test('lists exNN and exNN-name folders, sorted, and nothing else', () => {
    expect(exerciseFolders(root)).toEqual(['ex01-default-gateway', 'ex03', 'ex10-second']);
  });

  test('a root that does not exist says how to point at one', () => {
    expect(errorOf(() => exerciseFolders(join(root, 'nope')))).toBe(`${join(root, 'nope')} does not exist; set GRADE_EXERCISES to a folder of exercises.`);
  });
});

describe('resolveExerciseDir', () => {
  test('the short id and the full folder name both resolve', () => {
    expect(resolveExerciseDir('ex01', root)).toBe(join(root, 'ex01-default-gateway'));
    expect(resolveExerciseDir('ex01-default-gateway', root)).toBe(join(root, 'ex01-default-gateway'));
    expect(resolveExerciseDir('ex03', root)).toBe(join(root, 'ex03'));
  });

  test('a name matches a whole folder name or its part before a dash: ex1 does not find ex10', () => {
    expect(errorOf(() => resolveExerciseDir('ex1', root))).toMatch(/^There is no exercise "ex1"/);
    expect(errorOf(() => resolveExerciseDir('ex01-default-gate', root))).toMatch(/^There is no exercise "ex01-default-gate"/);
    expect(resolveExerciseDir('ex01-default', root)).toBe(join(root, 'ex01-default-gateway'));
  });

  test('an unknown name lists the known ids', () => {
    expect(errorOf(() => resolveExerciseDir('ex99', root))).toBe('There is no exercise "ex99"; known exercises: ex01, ex03, ex10 (see `grade list`).');
  });

  test('an empty root says there are none', () => {
    const empty = mkdtempSync(join(tmpdir(), 'grade-find-empty-'));
    try {
      expect(errorOf(() => resolveExerciseDir('ex01', empty))).toBe('There is no exercise "ex01"; known exercises: none (see `grade list`).');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('GRADE_EXERCISES', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.GRADE_EXERCISES;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.GRADE_EXERCISES;
    else process.env.GRADE_EXERCISES = saved;
  });

  test('without it, the exercises that ship with grade', () => {
    delete process.env.GRADE_EXERCISES;
    expect(exercisesRoot()).toBe(SHIPPED);
    expect(resolveExerciseDir('ex01')).toBe(EX01);
  });

  test('with it, that folder', () => {
    process.env.GRADE_EXERCISES = root;
    expect(exercisesRoot()).toBe(root);
    expect(resolveExerciseDir('ex10')).toBe(join(root, 'ex10-second'));
    const ex = findExercise('ex10-second', kinds);
    expect(ex.slug).toBe('ex10-second');
    expect(ex.id).toBe('ex10');
    expect(errorOf(() => findExercise('ex42', kinds))).toMatch(/known exercises: ex01, ex03, ex10/);
  });

  test('an id that does not match its folder name is an error naming both', () => {
    process.env.GRADE_EXERCISES = root;
    cpSync(EX01, join(root, 'ex11-mislabelled'), { recursive: true });
    try {
      expect(errorOf(() => findExercise('ex11', kinds))).toMatch(/ex11-mislabelled\/exercise\.yaml:\d+: id: is "ex01" but the folder is ex11-mislabelled/);
    } finally {
      rmSync(join(root, 'ex11-mislabelled'), { recursive: true });
    }
  });

  test('allExercises loads every folder, and the first broken one stops it with its own error', () => {
    process.env.GRADE_EXERCISES = root;
    // ex03 is an empty folder: no exercise.yaml.
    expect(errorOf(() => allExercises(kinds))).toMatch(/ex03\/exercise\.yaml: missing; every exercise folder needs an exercise\.yaml\.$/);
    rmSync(join(root, 'ex03'), { recursive: true });
    expect(allExercises(kinds).map((e) => e.slug)).toEqual(['ex01-default-gateway', 'ex10-second']);
  });
});
