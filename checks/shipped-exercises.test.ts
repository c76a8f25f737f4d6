import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { allExercises } from '../core/find-exercise.js';
import { checkKinds } from './registry.js';

// What every exercise the course ships must have (the list): a learner README, a reference,
// at least two alternatives and three known-wrong cases, the lesson and its concepts, and a hint for
// every check. (That each solution passes and each wrong case fails exactly as declared is proved on
// the real engine by test/docker/verify-all.test.ts.)
describe('every shipped exercise is complete', () => {
  for (const e of allExercises(checkKinds())) {
    test(`${e.id}: README, reference, 2+ alternatives, 3+ wrong cases, lesson, concepts, a hint per check`, () => {
      const readme = join(e.dir, 'README.md');
      expect(existsSync(readme), `${e.slug}/README.md`).toBe(true);
      expect(readFileSync(readme, 'utf8')).toMatch(new RegExp(`^# ${e.id} `));
      expect(e.alternatives.length).toBeGreaterThanOrEqual(2);
      expect(e.wrongCases.length).toBeGreaterThanOrEqual(3);
      expect(e.lesson, 'lesson:').toBeTruthy();
      expect(e.concepts.length, 'concepts:').toBeGreaterThan(0);
      expect(e.checks.filter((c) => !c.hint?.trim()).map((c) => c.id)).toEqual([]);
    });
  }
});
