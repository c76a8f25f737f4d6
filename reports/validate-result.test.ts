import { describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture, readFixtureJson } from './fixtures/load-fixture.js';
import { validateResult } from './validate-result.js';

/** A deep copy of a fixture, changed by `edit`. */
function broken(edit: (r: any) => void): unknown {
  const copy = structuredClone(readFixtureJson('ex01-fail')) as any;
  edit(copy);
  return copy;
}

describe('validateResult', () => {
  it.each(fixtureNames)('accepts the %s fixture', (name) => {
    expect(validateResult(readFixtureJson(name))).toEqual({ ok: true });
  });

  it('rejects a wrong schema version', () => {
    const outcome = validateResult(broken((r) => (r.schemaVersion = 2)));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.join('\n')).toContain('/schemaVersion');
  });

  it('rejects unknown fields, deep down too', () => {
    const outcome = validateResult(broken((r) => (r.nodes[2].commands[0].stdout = 'x')));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.join('\n')).toMatch(/\/nodes\/2\/commands\/0 .*stdout/);
  });

  it('rejects a missing field, a bad enum and a wrong type', () => {
    expect(validateResult(broken((r) => delete r.checks[0].observed)).ok).toBe(false);
    expect(validateResult(broken((r) => (r.nodes[2].commands[3].status = 'killed'))).ok).toBe(false);
    expect(validateResult(broken((r) => (r.score.earned = '7'))).ok).toBe(false);
    expect(validateResult(broken((r) => (r.checks[0].evidence[0].exitCode = 1.5))).ok).toBe(false);
    expect(validateResult(broken((r) => (r.nodes[0].state = { addresses: '', routes: '' }))).ok).toBe(false);
  });

  it('accepts the optional fields absent and null where the model allows null', () => {
    const outcome = validateResult(
      broken((r) => {
        delete r.checks[2].hint;
        delete r.nodes[2].commands[3].note;
        r.labId = null;
        r.submission = { mode: 'live', path: null, label: null };
        r.topology.networks[0].subnet = null;
        r.nodes[1].state = null;
      }),
    );
    expect(outcome).toEqual({ ok: true });
  });

  it('rejects things that are not objects at all', () => {
    for (const value of [null, 42, 'result', []]) expect(validateResult(value).ok).toBe(false);
  });

  it('loadFixture returns typed results', () => {
    expect(loadFixture('ex01-pass').score).toEqual({ earned: 10, possible: 10 });
  });
});
