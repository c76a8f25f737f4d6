import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../core/result.js';
import { loadFixture } from './fixtures/load-fixture.js';
import { buildHtmlView } from './html-reporter.js';
import { renderTerminal } from './terminal-reporter.js';
import { validateResult } from './validate-result.js';

// A result for a learner's variant names it; one for the lesson's own values looks as it always did.
const lesson = loadFixture('ex01-pass');
const alice: GradeResult = { ...lesson, exercise: { ...lesson.exercise, variant: 'alice' } };

describe('the variant in reports', () => {
  it('is valid in the result schema, named or null, and may be left out', () => {
    expect(validateResult(JSON.parse(JSON.stringify(alice)))).toEqual({ ok: true });
    expect(validateResult({ ...lesson, exercise: { ...lesson.exercise, variant: null } })).toEqual({ ok: true });
    expect(lesson.exercise).not.toHaveProperty('variant');
  });

  it('shows in the terminal header and the HTML header, and not at all without one', () => {
    expect(renderTerminal(alice, { color: false }).split('\n')[0]).toBe('ex01 · The default gateway · variant alice');
    expect(renderTerminal(lesson, { color: false }).split('\n')[0]).toBe('ex01 · The default gateway');
    expect(buildHtmlView(alice).meta[0]).toEqual({ label: 'Variant', value: 'alice' });
    expect(buildHtmlView(lesson).meta.map((m) => m.label)).not.toContain('Variant');
  });
});
