import { describe, expect, test } from 'vitest';
import { loadFixture } from './fixtures/load-fixture.js';
import { renderGradesCsv } from './grades-csv.js';

describe('grades.csv', () => {
  test('one row per learner with each check\'s points; invalid folders say why; cells are quoted and formula-safe', () => {
    const pass = loadFixture('ex01-pass');
    const ids = pass.checks.map((c) => c.id);
    const csv = renderGradesCsv(
      [
        { name: 'alice', dir: '/s/alice', result: pass },
        { name: '=cmd', dir: '/s/x', invalid: 'x.sh is for a node "x", which does not exist' },
      ],
      ids,
    );
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(['submission', 'status', 'earned', 'possible', ...ids, 'note'].join(','));
    expect(lines[1]).toBe(['alice', 'pass', pass.score.earned, pass.score.possible, ...pass.checks.map((c) => c.earned), ''].join(','));
    expect(lines[2]).toBe(`'=cmd,invalid,,,${ids.map(() => '').join(',')},"x.sh is for a node ""x"", which does not exist"`);
  });
});
