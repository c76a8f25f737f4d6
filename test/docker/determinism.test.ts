import { afterAll, describe, expect, test } from 'vitest';
import { allExercises } from '../../core/find-exercise.js';
import { verifyExercises } from '../../grading/verify.js';
import { engine, expectNoLabsOfThisProcess, image, kinds } from './lab-fixture.js';

// Five in CI, to keep the run inside its time; `npm run bench -- repeat 100` is the flakiness measure.
const RUNS = 5;

// No flaky checks: the same submission always gets the same verdict.
describe('every reference solution gets full marks every time', () => {
  afterAll(expectNoLabsOfThisProcess);

  for (const exercise of allExercises(kinds)) {
    test(`${exercise.id}: ${RUNS} gradings of the reference, ${RUNS} full passes`, async () => {
      const onlyReference = { ...exercise, alternatives: [], wrongCases: [] };
      const cases = await verifyExercises({ exercises: Array(RUNS).fill(onlyReference), kinds, engine, image, concurrency: 3 });
      // A failing run names its failing checks and what they saw, so a rare flake can be diagnosed from CI's log.
      const verdicts = cases.map((c) => [
        `${c.result.status} ${c.result.score.earned}/${c.result.score.possible}`,
        ...c.result.checks.filter((k) => k.status !== 'pass').map((k) => `${k.id} (${k.status}): ${k.observed}`),
      ].join('\n'));
      const full = `pass ${cases[0]!.result.score.possible}/${cases[0]!.result.score.possible}`;
      expect(verdicts).toEqual(Array(RUNS).fill(full));
    }, 900_000);
  }
});
