// The sentences of the http check.

import type { Texts } from '../../core/lang.js';

export const HTTP_WORDS = {
  'http.expected': { en: '{node} fetches {url} and the page contains {want}', ko: '{node}이(가) {url}을(를) 가져오고, 그 페이지에 {want}이(가) 들어 있습니다' },
  'http.curl-exit': { en: 'curl exited with {code}', ko: 'curl이 종료 코드 {code}(으)로 끝났습니다' },
  'http.contains': { en: 'the page contains {want}', ko: '페이지에 {want}이(가) 들어 있습니다' },
  'http.page-was': { en: 'the page was "{body}"', ko: '페이지 내용은 "{body}"였습니다' },
  'http.page-empty': { en: 'the page was empty', ko: '페이지가 비어 있었습니다' },
} as const satisfies Record<string, Texts>;
