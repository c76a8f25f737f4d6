import { defineConfig } from 'vitest/config';

// The suite's labs live in a scope of their own (runner/lab-scope.ts): `grade clean`, `grade stop` and
// `grade start` in a test never see the labs a student has open on the same engine.
process.env.GRADE_SCOPE ??= `test-${process.pid}`;

// Two projects: pure unit tests run in parallel; docker suites talk to the real engine and run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{core,history,checks,runner,grading,reports,lms,setup,cli,serve,scripts}/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'docker',
          include: ['test/docker/**/*.test.ts'],
          exclude: ['test/docker/**/*.tmp.test.ts'],
          // One file at a time: `fileParallelism` is a root-only option that a project silently ignores.
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
