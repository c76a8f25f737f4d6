import { describe, expect, test } from 'vitest';
import { exerciseOfFolder, NO_EXERCISE, pickExercises, type TopEntry } from './split-exercises.js';

const IDS = ['ex01', 'ex03'];
const file = (name: string): TopEntry => ({ name, isFolder: false });
const folder = (name: string): TopEntry => ({ name, isFolder: true });
const shown = (rel: string) => `alice/${rel}`;
const pick = (top: TopEntry[], only: string | null, ids = IDS) => pickExercises(top, ids, only, shown, 'alice');

describe('exerciseOfFolder', () => {
  test('the id, or the id and a dash and anything', () => {
    expect(exerciseOfFolder('ex01', IDS)).toBe('ex01');
    expect(exerciseOfFolder('ex01-default-gateway', IDS)).toBe('ex01');
    expect(exerciseOfFolder('ex011', IDS)).toBeNull();
    expect(exerciseOfFolder('ex02', IDS)).toBeNull();
  });
});

describe('pickExercises with one exercise asked for', () => {
  test('node files at the top are that exercise', () => {
    expect(pick([file('host-a.sh')], 'ex01')).toEqual([{ exercise: 'ex01', sub: null, skip: [] }]);
  });

  test('its folder is taken, by id or by id prefix; the folders of other exercises are left alone', () => {
    expect(pick([folder('ex01-default-gateway'), folder('ex03')], 'ex01')).toEqual([{ exercise: 'ex01', sub: 'ex01-default-gateway', skip: [] }]);
    expect(pick([folder('ex01'), folder('ex03')], 'ex03')).toEqual([{ exercise: 'ex03', sub: 'ex03', skip: [] }]);
  });

  test('node files at the top beside folders of other exercises (even ones this batch does not load): the top, without them', () => {
    expect(pick([file('host-a.sh'), folder('ex03'), folder('ex07')], 'ex01', ['ex01'])).toEqual([{ exercise: 'ex01', sub: null, skip: ['ex03', 'ex07'] }]);
    expect(pick([file('host-a.sh'), folder('ex03')], 'ex01')).toEqual([{ exercise: 'ex01', sub: null, skip: ['ex03'] }]);
  });

  test('only other exercises: says which it has', () => {
    expect(pick([folder('ex03')], 'ex01')).toEqual([{ exercise: 'ex01', invalid: "alice has no folder for ex01 (it has ex03); put ex01's files in a folder named ex01." }]);
  });

  test('two folders for it, or files beside its folder', () => {
    expect(pick([folder('ex01'), folder('ex01-default-gateway')], 'ex01')).toEqual([{ exercise: 'ex01', invalid: 'alice has 2 folders for ex01 (ex01, ex01-default-gateway); keep one.' }]);
    expect(pick([folder('ex01'), file('host-a.sh')], 'ex01')).toEqual([{ exercise: 'ex01', invalid: 'alice/host-a.sh is beside the exercise folders; put it inside the folder of its exercise.' }]);
  });
});

describe('pickExercises with --all', () => {
  test('every exercise folder is an item, in id order', () => {
    expect(pick([folder('ex03-bridge'), folder('ex01')], null)).toEqual([
      { exercise: 'ex01', sub: 'ex01', skip: [] },
      { exercise: 'ex03', sub: 'ex03-bridge', skip: [] },
    ]);
  });

  test('node files at the top name no exercise: one problem under NO_EXERCISE, beside the good items', () => {
    expect(pick([file('host-a.sh')], null)).toEqual([
      { exercise: NO_EXERCISE, invalid: "alice/host-a.sh is not in an exercise's folder; with --all, put each exercise's files in a folder named after it (ex01/host-a.sh)." },
    ]);
    expect(pick([folder('ex01'), folder('notes')], null)).toEqual([
      { exercise: 'ex01', sub: 'ex01', skip: [] },
      { exercise: NO_EXERCISE, invalid: "alice/notes is not an exercise's folder; name each folder after its exercise (ex01, ex03)." },
    ]);
  });

  test('a folder for an exercise this batch does not know, and an empty submission', () => {
    expect(pick([folder('ex42')], null)).toEqual([{ exercise: NO_EXERCISE, invalid: 'alice/ex42 is for an exercise this batch does not know; known exercises: ex01, ex03.' }]);
    expect(pick([], null)).toEqual([{ exercise: NO_EXERCISE, invalid: "alice is empty; with --all, put each exercise's <node>.sh files in a folder named after it (ex01/host-a.sh)." }]);
  });
});
