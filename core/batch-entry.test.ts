import { describe, expect, it } from 'vitest';
import { entryReportDir, safeSegment } from './batch-entry.js';

describe('safeSegment', () => {
  it('keeps Hangul and other scripts readable, in NFC', () => {
    expect(safeSegment('김민수')).toBe('김민수');
    expect(safeSegment('이서연')).toBe('이서연');
    expect(safeSegment('josé-ñ')).toBe('josé-ñ');
    // A decomposed name (as macOS writes file names) is shown composed, and marked as changed.
    expect(safeSegment('김민수'.normalize('NFD'))).toMatch(/^김민수~[0-9a-f]{10}$/);
  });

  it('replaces only what a file system refuses, and tells the changed ids apart', () => {
    for (const id of ['a/b', 'a\\b', 'a:b', 'a\x1bb', 'a\u202eb', '..', '.hidden', 'con', 'NUL.txt', 'a~b', '', ' a ']) {
      const segment = safeSegment(id);
      expect(segment).not.toMatch(/[/\\:*?"<>|\x00-\x1f\u202e]/);
      expect(segment).not.toMatch(/^[.\s-]|[.\s]$/);
      expect(segment).toMatch(/~[0-9a-f]{10}$/);
    }
    expect(safeSegment('con')).toMatch(/^_con~/);
  });

  it('never gives two ids one segment, case-insensitively either', () => {
    const ids = ['김민수', '김민수'.normalize('NFD'), '이서연', 'a/b', 'a-b', 'a:b', 'Kim', 'kim', 'KIM', 'a~b', 'learner', '', '-', '.', 'x'.repeat(200), 'x'.repeat(201)];
    const segments = ids.map((id) => safeSegment(id).toLowerCase());
    expect(new Set(segments).size).toBe(ids.length);
  });

  it('is stable: the same id always gives the same path', () => {
    expect(entryReportDir({ learner: 'Kim Min-su', exercise: 'ex01' })).toBe(entryReportDir({ learner: 'Kim Min-su', exercise: 'ex01' }));
    expect(entryReportDir({ learner: '12345', exercise: 'ex01' })).toBe('12345/ex01');
  });
});
