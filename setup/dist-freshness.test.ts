import { describe, expect, test } from 'vitest';
import { excludePattern } from './dist-freshness.js';

describe('tsconfig exclude patterns, as dist freshness reads them', () => {
  const matches = (pattern: string, paths: string[]) => paths.filter((p) => excludePattern(pattern).test(p));

  test('**/name, **/*.test.ts, a folder and what is under it', () => {
    expect(matches('**/fixtures.ts', ['checks/iptables/fixtures.ts', 'grading/trace/fixtures.ts', 'fixtures.ts', 'checks/myfixtures.ts', 'checks/fixtures.ts.bak'])).toEqual([
      'checks/iptables/fixtures.ts',
      'grading/trace/fixtures.ts',
      'fixtures.ts',
    ]);
    expect(matches('**/*.test.ts', ['core/a.test.ts', 'a.test.ts', 'core/test.ts', 'core/a.test.tsx'])).toEqual(['core/a.test.ts', 'a.test.ts']);
    expect(matches('reports/fixtures', ['reports/fixtures/load-fixture.ts', 'reports/fixtures.ts', 'reports/fixturesX/a.ts'])).toEqual(['reports/fixtures/load-fixture.ts']);
    expect(matches('test', ['test/support/a.ts', 'tests/a.ts', 'core/test/a.ts'])).toEqual(['test/support/a.ts']);
  });
});
