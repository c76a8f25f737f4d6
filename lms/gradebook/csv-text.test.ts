import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../../reports/fixtures/hostile-text.js';
import { csvCell } from './csv-text.js';

describe('csvCell (OWASP CSV injection)', () => {
  it('defuses a formula trigger after any leading whitespace, and the full-width forms', () => {
    // A leading tab or CR is spelled out (\t, \r), so the cell no longer starts with a trigger at all.
    expect(csvCell('\t=1+1')).toBe('\\t=1+1');
    expect(csvCell('\r=1')).toBe('\\r=1');
    for (const raw of ['=1+1', ' =1+1', '+1', ' -1', '@SUM(A1)', '\u3000=1', '＝1+1', '＋1', '－1', '＠x', '  @x']) {
      const cell = csvCell(raw);
      expect(cell.startsWith(`"'`), `${JSON.stringify(raw)} -> ${cell}`).toBe(true);
    }
  });

  it('leaves ordinary text alone and shows controls visibly', () => {
    expect(csvCell('김민수')).toBe('김민수');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(HOSTILE.fakePass)).toBe('ls\\x1b[2K\\r\\x1b[32m✔ PASS 10/10\\x1b[0m');
    expect(csvCell('a\nb')).toBe('a\\nb');
  });
});
