// The fixed words of the map's path marks and legend, in every language grade speaks. The reasons
// beside the marks are the tracer's own sentences, like the checks' observations, and stay English.

import { say, type Lang, type Texts } from '../core/lang.js';
import type { BreakKind } from '../core/result.js';

const BREAK_LABEL: Readonly<Record<BreakKind, Texts>> = {
  'no-route': { en: 'no route', ko: '경로 없음' },
  'forwarding-off': { en: 'forwarding off', ko: '포워딩 꺼짐' },
  'no-way-back': { en: 'no route back', ko: '돌아올 경로 없음' },
  dropped: { en: 'dropped', ko: '차단됨' },
  unknown: { en: 'unclear', ko: '불분명' },
};

const WORDS = {
  legendWorks: { en: 'path of a passing check', ko: '통과한 검사의 경로' },
  legendGotThere: { en: 'how far a failing check gets', ko: '실패한 검사가 도달한 곳까지' },
  legendStops: { en: 'where its packets stop', ko: '패킷이 멈추는 곳' },
  legendUnclear: { en: 'grade cannot tell', ko: 'grade가 판단할 수 없음' },
  listTitle: { en: 'Where the packets stop', ko: '패킷이 멈추는 곳' },
  mapLabel: { en: 'Lab topology with the paths of the checks', ko: '검사 경로를 그린 실습 토폴로지' },
} satisfies Record<string, Texts>;

export type PathWords = { readonly [K in keyof typeof WORDS]: string } & { readonly breakLabel: Readonly<Record<BreakKind, string>> };

/** Every word the map needs, in `lang`. */
export function pathWords(lang: Lang = 'en'): PathWords {
  const words = Object.fromEntries(Object.entries(WORDS).map(([k, t]) => [k, say(t, lang)])) as { [K in keyof typeof WORDS]: string };
  const breakLabel = Object.fromEntries(Object.entries(BREAK_LABEL).map(([k, t]) => [k, say(t, lang)])) as Record<BreakKind, string>;
  return { ...words, breakLabel };
}
