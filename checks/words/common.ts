// Sentences more than one check kind says.

import type { Texts } from '../../core/lang.js';

export const COMMON_WORDS = {
  'common.netns-refused': { en: 'network namespace {netns} {why}', ko: '네트워크 네임스페이스 {netns}: {why}' },
  'common.no-route': { en: '{node} has no route to {to}', ko: '{node}에는 {to}(으)로 가는 경로가 없습니다' },
  'common.unreadable-output': { en: 'could not read the output of {tool}', ko: '{tool}의 출력을 읽지 못했습니다' },
  'common.file-too-large': { en: '{file} is larger than 64 KiB', ko: '{file}이(가) 64 KiB보다 큽니다' },
  'common.file-unreadable': { en: "{file} is not readable by the node's root", ko: '{file}을(를) 노드의 root가 읽을 수 없습니다' },
  'common.and': { en: '{first} and {rest}', ko: '{first}, {rest}' },
  'common.or': { en: '{first} or {rest}', ko: '{first} 또는 {rest}' },
  'common.semicolon': { en: '{first}; {rest}', ko: '{first}; {rest}' },
  'common.text': { en: '{text}', ko: '{text}' },
  'common.quoted': { en: '"{text}"', ko: '"{text}"' },
  'common.token': { en: 'the run token', ko: '이번 실행의 토큰' },
  'common.with-values': { en: '"{text}" (with this run\'s values)', ko: '"{text}"(이번 실행의 값으로 채운 것)' },
} as const satisfies Record<string, Texts>;
