import { describe, expect, it } from 'vitest';
import { renderDoctor } from './doctor.js';

describe('renderDoctor', () => {
  const items = [
    { name: 'node', ok: true, detail: 'v20.20.2 (needs >=20.5)' },
    { name: 'lab image', ok: false, detail: 'grade-lab:abc missing', fix: 'npm run setup' },
  ];

  it('gives one line per item, with the fix for what failed', () => {
    expect(renderDoctor(items, { color: false }).split('\n')).toEqual([
      '✔ node       v20.20.2 (needs >=20.5)',
      '✘ lab image  grade-lab:abc missing  → npm run setup',
    ]);
  });

  it('colours only when asked', () => {
    expect(renderDoctor(items, { color: true })).toContain('\x1b[');
    expect(renderDoctor(items, { color: false })).not.toContain('\x1b[');
  });
});
