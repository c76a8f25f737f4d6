import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { allExercises } from '../../core/find-exercise.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { expectNoLabsOfThisProcess, kinds, root } from './lab-fixture.js';

describe('grade verify', () => {
  afterAll(expectNoLabsOfThisProcess);
  afterAll(removeTempDirs);

  test('every exercise: references and alternatives pass, each wrong case fails exactly its declared checks', async () => {
    const exercises = allExercises(kinds).map((e) => e.id);
    const junit = join(tempDir('grade-verify-'), 'verify.xml');
    const run = await execa('node', [join(root, 'bin', 'grade.js'), 'verify', ...exercises.filter((id) => id !== 'ex01'), '--junit', junit], {
      reject: false,
      env: { NO_COLOR: '1' },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const cases = allExercises(kinds)
      .filter((e) => e.id !== 'ex01')
      .reduce((n, e) => n + 1 + e.alternatives.length + e.wrongCases.length, 0);
    expect(run.stdout).toContain(`${cases} of ${cases} cases as expected`);
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(cases);
    expect(xml).not.toMatch(/<failure|<error/);
  }, 2_400_000); // every case of every exercise, one lab per case: traffic checks run one at a time now

  test('a wrong case whose declared failures do not match is reported and exits 1', async () => {
    const { cpSync, writeFileSync } = await import('node:fs');
    const exercisesDir = tempDir('grade-verify-mismatch-');
    cpSync(join(root, 'exercises', 'ex01-default-gateway'), join(exercisesDir, 'ex01-default-gateway'), { recursive: true });
    // This case really fails four checks; claim it fails only one.
    writeFileSync(join(exercisesDir, 'ex01-default-gateway', 'wrong', 'wan-only', 'case.yaml'), 'description: claims too little\nfails: [host-a-reaches-web]\n');
    const run = await execa('node', [join(root, 'bin', 'grade.js'), 'verify', 'ex01'], { reject: false, env: { NO_COLOR: '1', GRADE_EXERCISES: exercisesDir } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/✘ ex01 wrong\/wan-only \(6\/12\): failed but should pass: host-b-reaches-web, host-a-route-internet, host-b-route-internet/);
  });
});
