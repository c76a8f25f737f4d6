import { describe, expect, it } from 'vitest';
import { fixtureNames, loadFixture } from './fixtures/load-fixture.js';
import { formatExtensions, isReportFormat, knownFormats, reporterFor, reporters } from './reporters.js';

describe('reporters', () => {
  it('knows the four formats', () => {
    expect(knownFormats).toEqual(['terminal', 'json', 'html', 'junit', 'classroom']);
    expect(Object.keys(formatExtensions).sort()).toEqual([...knownFormats].sort());
    expect(isReportFormat('html')).toBe(true);
    expect(isReportFormat('toString')).toBe(false);
  });

  it('names the known formats when asked for an unknown one', () => {
    expect(() => reporterFor('pdf')).toThrow('unknown report format "pdf": use one of terminal, json, html, junit');
  });

  it.each(fixtureNames)('renders %s in every format', (name) => {
    const result = loadFixture(name);
    for (const format of knownFormats) {
      const text = reporterFor(format)(result, { color: false });
      expect(text.length, format).toBeGreaterThan(100);
    }
    expect(reporters.json(result, { color: false })).toContain('"schemaVersion": 1');
    expect(reporters.junit(result, { color: false })).toContain('<testsuites');
  });
});
