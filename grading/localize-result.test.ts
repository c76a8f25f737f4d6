import { describe, expect, test } from 'vitest';
import { loadFixture } from '../reports/fixtures/load-fixture.js';
import { exerciseOf } from '../test/support/exercises.js';
import { localizeResult } from './localize-result.js';

const result = loadFixture('ex01-fail');
const ko = {
  title: '기본 게이트웨이',
  summary: '두 호스트가 라우터를 거쳐 다른 네트워크에 닿게 합니다.',
  checks: Object.fromEntries(result.checks.map((c) => [c.id, { title: `한국어 ${c.id}`, hint: `힌트 ${c.id}` }])),
};

describe('localizeResult', () => {
  test('ko: the exercise and check texts from the translation; ids, evidence and observations as they were', () => {
    const out = localizeResult(result, exerciseOf({ texts: { ko } }), 'ko');
    expect(out.lang).toBe('ko');
    expect(out.exercise).toEqual({ ...result.exercise, title: ko.title, summary: ko.summary });
    out.checks.forEach((c, i) => {
      const before = result.checks[i]!;
      expect(c.title).toBe(`한국어 ${c.id}`);
      // A hint is shown only where the English result had one (a check that did not pass).
      expect(c.hint).toBe(before.hint === undefined ? undefined : `힌트 ${c.id}`);
      expect({ ...c, title: before.title, hint: before.hint }).toEqual({ ...before, hint: before.hint });
    });
    expect(out.checks.some((c) => c.hint !== undefined)).toBe(true);
    expect(out.nodes).toBe(result.nodes);
  });

  test('en, or an exercise without a translation: the texts stay, only the language is recorded', () => {
    expect(localizeResult(result, exerciseOf({ texts: { ko } }), 'en')).toEqual({ ...result, lang: 'en' });
    expect(localizeResult(result, exerciseOf(), 'ko')).toEqual({ ...result, lang: 'ko' });
  });
});
