// The sentences of the file and command checks.

import type { Texts } from '../../core/lang.js';

export const FILE_WORDS = {
  'file.expected': { en: 'a line of {path} on {node} matches /{pattern}/', ko: '{node}의 {path}에 /{pattern}/과 맞는 줄이 있습니다' },
  'file.unreadable': { en: 'could not read {path}', ko: '{path}을(를) 읽지 못했습니다' },
  'file.missing': { en: '{node} has no file {path}', ko: '{node}에는 {path} 파일이 없습니다' },
  'file.too-large': { en: '{path} is larger than 64 KiB, so grade cannot judge it', ko: '{path}이(가) 64 KiB보다 커서 grade가 판단할 수 없습니다' },
  'file.not-readable': { en: "{path} is not readable by the node's root, so grade cannot judge it", ko: '노드의 root가 {path}을(를) 읽을 수 없어서 grade가 판단할 수 없습니다' },
  'file.match': { en: 'line {line}: {text}', ko: '{line}행: {text}' },
  'file.empty': { en: '{path} on {node} is empty', ko: '{node}의 {path}이(가) 비어 있습니다' },
  'file.no-match': { en: 'no line of {path} on {node} matches', ko: '{node}의 {path}에는 맞는 줄이 없습니다' },
  'command.expected-exit': { en: '`{run}` on {node} exits with {code}', ko: '{node}에서 `{run}`이(가) 종료 코드 {code}(으)로 끝납니다' },
  'command.expected-output': { en: '`{run}` on {node} prints output matching /{pattern}/', ko: '{node}에서 `{run}`이(가) /{pattern}/과 맞는 출력을 냅니다' },
  'command.expected-both': {
    en: '`{run}` on {node} exits with {code} and prints output matching /{pattern}/',
    ko: '{node}에서 `{run}`이(가) 종료 코드 {code}(으)로 끝나고 /{pattern}/과 맞는 출력을 냅니다',
  },
  'command.timeout': { en: 'the command did not finish in time', ko: '명령이 제시간에 끝나지 않았습니다' },
  'command.printed': { en: 'it exited with {code} and printed "{output}"', ko: '종료 코드 {code}(으)로 끝났고 "{output}"을(를) 출력했습니다' },
  'command.printed-nothing': { en: 'it exited with {code} and printed nothing', ko: '종료 코드 {code}(으)로 끝났고 아무것도 출력하지 않았습니다' },
} as const satisfies Record<string, Texts>;
