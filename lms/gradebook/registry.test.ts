import { describe, expect, it } from 'vitest';
import { parseCanvasRoster } from '../canvas-roster.js';
import { gradebookReporterFor, gradebookReporters, isGradebookFormat, knownGradebookFormats } from './index.js';
import { EX01_BASE_LINES, sampleBook } from './test-book.js';

const ROSTER = parseCanvasRoster('Student,ID,SIS User ID,SIS Login ID,Section,ex01 Gateway (77)\n"Martin, Alice",1001,,alice,A,\n');

describe('gradebook reporters', () => {
  it('registers every known format', () => {
    expect(Object.keys(gradebookReporters)).toEqual([...knownGradebookFormats]);
    expect(knownGradebookFormats).toEqual(['grades-csv', 'canvas', 'moodle', 'classroom', 'feedback', 'summary']);
    expect(isGradebookFormat('canvas')).toBe(true);
    expect(isGradebookFormat('toString')).toBe(false);
    expect(() => gradebookReporterFor('excel')).toThrow('unknown gradebook format "excel": use one of grades-csv, canvas, moodle, classroom, feedback, summary');
  });

  it.each(knownGradebookFormats)('%s: relative, /-separated, safe paths; the same book gives the same files', (format) => {
    const options = { roster: ROSTER, baseLines: { ex01: EX01_BASE_LINES }, generatedAt: '2025-03-03 10:00' };
    const out = gradebookReporters[format](sampleBook(), options);
    expect(out.files.length).toBeGreaterThan(0);
    for (const file of out.files) {
      expect(file.path).toMatch(/^[^/\\<>:"|?*\x00-\x1f.][^/\\<>:"|?*\x00-\x1f]*(\/[^/\\<>:"|?*\x00-\x1f.][^/\\<>:"|?*\x00-\x1f]*)*$/);
      expect(file.path.split('/')).not.toContain('..');
      expect(file.content.endsWith('\n')).toBe(true);
    }
    expect(new Set(out.files.map((f) => f.path)).size).toBe(out.files.length);
    expect(gradebookReporters[format](sampleBook(), options)).toEqual(out);
  });
});
