import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../core/result.js';
import { fixtureNames, loadFixture } from './fixtures/load-fixture.js';
import { renderJson } from './json-reporter.js';

describe('renderJson', () => {
  it.each(fixtureNames)('round-trips the %s fixture as pretty JSON', (name) => {
    const result = loadFixture(name);
    const text = renderJson(result);
    expect(JSON.parse(text)).toEqual(result);
    expect(text).toMatch(/^\{\n {2}"schemaVersion": 1,/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('throws on a result that does not match the schema', () => {
    const bad = { ...loadFixture('ex01-pass'), status: 'maybe' } as unknown as GradeResult;
    expect(() => renderJson(bad)).toThrow(/does not match results-schema\.json[\s\S]*\/status/);
  });
});
