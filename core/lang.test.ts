import { describe, expect, test } from 'vitest';
import { UserError } from './errors.js';
import { langFromEnv, parseLang, say } from './lang.js';
import { columns, padColumns, sliceColumns } from './text-width.js';

describe('the learner language', () => {
  test('--lang takes en or ko; anything else is one sentence', () => {
    expect(parseLang('ko')).toBe('ko');
    expect(parseLang('EN')).toBe('en');
    expect(() => parseLang('fr')).toThrow(UserError);
    expect(() => parseLang('fr')).toThrow('--lang takes en or ko, not "fr".');
  });

  test('the locale decides without --lang: LC_ALL, then LC_MESSAGES, then LANG; English by default', () => {
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LANG: 'ko' })).toBe('ko');
    expect(langFromEnv({ LC_MESSAGES: 'ko_KR.utf8', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LC_ALL: 'C.UTF-8', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: '', LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(langFromEnv({ LANG: 'kok_IN' })).toBe('en');
  });

  test('say fills in {names} and leaves unknown ones', () => {
    expect(say({ en: 'lab {id}', ko: '랩 {id}' }, 'ko', { id: 'x1' })).toBe('랩 x1');
    expect(say({ en: '{a} and {b}', ko: '' }, 'en', { a: 1 })).toBe('1 and {b}');
  });

  test('Hangul takes two terminal columns', () => {
    expect(columns('힌트:')).toBe(5);
    expect(padColumns('힌트:', 10)).toBe('힌트:     ');
    expect(sliceColumns('가나다', 5)).toBe('가나');
    expect(columns('hint')).toBe(4);
  });
});
