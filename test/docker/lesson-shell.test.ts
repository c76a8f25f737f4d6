import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { allExercises } from '../../core/find-exercise.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { kinds, root } from './lab-fixture.js';

// A new user types the lesson's commands (each exercise's reference is the lesson's own, slips fixed as
// its README says) into `grade shell` on a running lab, then checks it with `grade exNN`: full marks.
// The shell's input is the commands as typed, `sudo` and the lesson's background `socat ... &` included.
const bin = join(root, 'bin', 'grade.js');
const LESSON_EXERCISES = ['ex00', 'ex05', 'ex06', 'ex07', 'ex08', 'ex09'];

function grade(args: string[], input?: string) {
  return execa('node', [bin, ...args], { cwd: tempDir('grade-lesson-'), env: { NO_COLOR: '1' }, reject: false, timeout: 120_000, ...(input === undefined ? {} : { input }) });
}

describe('the lessons typed through grade shell get full marks', () => {
  afterAll(removeTempDirs);

  for (const exercise of allExercises(kinds).filter((e) => LESSON_EXERCISES.includes(e.id))) {
    test(`${exercise.id}: ${exercise.title}`, async () => {
      const start = await grade(['start', exercise.id]);
      expect(start.exitCode, start.stderr).toBe(0);
      try {
        for (const file of readdirSync(exercise.solutionDir).filter((f) => f.endsWith('.sh')).sort()) {
          const shell = await grade(['shell', exercise.id, file.replace(/\.sh$/, '')], readFileSync(join(exercise.solutionDir, file), 'utf8') + 'exit\n');
          expect(shell.exitCode, `${file}: ${shell.stderr}`).toBe(0);
        }
        const check = await grade([exercise.id]);
        const possible = exercise.checks.reduce((n, c) => n + c.points, 0);
        expect(check.stdout, check.stdout).toMatch(new RegExp(`PASS +${possible}/${possible} points +live`));
        expect(check.exitCode).toBe(0);
      } finally {
        const stop = await grade(['stop', exercise.id]);
        expect(stop.stdout).toMatch(/^Removed the ex\d+ lab/);
      }
    });
  }
});
