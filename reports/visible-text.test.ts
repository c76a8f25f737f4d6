import { describe, expect, it } from 'vitest';
import { HOSTILE } from './fixtures/hostile-text.js';
import { visibleDeep, visibleLine, visibleText } from './visible-text.js';

describe('visibleText', () => {
  it('spells out every control, escape, bidi and zero-width character', () => {
    expect(visibleText(HOSTILE.fakePass)).toBe('ls\\x1b[2K\\r\\x1b[32m✔ PASS 10/10\\x1b[0m');
    expect(visibleText(HOSTILE.carriageReturn)).toBe('wrong answer\\rright answer');
    expect(visibleText(HOSTILE.bell)).toBe('ding\\x07');
    expect(visibleText(HOSTILE.c1)).toBe('csi\\x9b31m and nel\\x85');
    expect(visibleText(HOSTILE.bidi)).toBe('user\\u202etxt.sh');
    expect(visibleText(HOSTILE.zeroWidth)).toBe('ali\\u200bce\\ufeff');
    for (const text of Object.values(HOSTILE)) expect(visibleText(text)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
  });

  it('keeps line feeds and tabs in text, and spells them out on one line', () => {
    expect(visibleText('a\n\tb')).toBe('a\n\tb');
    expect(visibleLine('a\n\tb')).toBe('a\\n\\tb');
    expect(visibleText('김민수 → ok')).toBe('김민수 → ok');
  });

  it('reaches every string of a nested value, except the keys it is told to keep', () => {
    const value = { a: ['\x1b'], b: { c: '\x07', href: '\x1b' }, n: 3, z: null };
    expect(visibleDeep(value, new Set(['href']))).toEqual({ a: ['\\x1b'], b: { c: '\\x07', href: '\x1b' }, n: 3, z: null });
  });
});
