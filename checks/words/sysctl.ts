// The sentences of the sysctl and sysctl-persisted checks.

import type { Texts } from '../../core/lang.js';

export const SYSCTL_WORDS = {
  'sysctl.expected': { en: '{key} = {value} on {node}', ko: '{node}에서 {key} = {value}' },
  'sysctl.unreadable': { en: 'could not read {key}: {output}', ko: '{key}을(를) 읽지 못했습니다: {output}' },
  'sysctl.observed': { en: '{key} is {actual} on {node}', ko: '{node}에서 {key}의 값은 {actual}입니다' },
  'sysctl-persisted.expected': {
    en: '{key} = {value} in /etc/sysctl.conf or /etc/sysctl.d/*.conf on {node}',
    ko: '{node}의 /etc/sysctl.conf 또는 /etc/sysctl.d/*.conf에 {key} = {value}',
  },
  'sysctl-persisted.unreadable': { en: 'could not read the sysctl files', ko: 'sysctl 설정 파일을 읽지 못했습니다' },
  'sysctl-persisted.skipped': {
    en: '{files}, so grade cannot tell what the node would apply at boot',
    ko: '{files}. 그래서 부팅할 때 노드가 무엇을 적용할지 grade가 판단할 수 없습니다',
  },
  'sysctl-persisted.sets': { en: '{file} line {line} sets {key} = {value}', ko: '{file}의 {line}행이 {key} = {value}(으)로 설정합니다' },
  'sysctl-persisted.not-set': {
    en: 'no sysctl file on {node} sets {key}, so it is lost at reboot',
    ko: '{node}의 어떤 sysctl 파일도 {key}을(를) 설정하지 않으므로, 재부팅하면 이 설정이 사라집니다',
  },
  'sysctl-persisted.lookalike': {
    en: '{file} line {line} sets "{written}", not {key}: sysctl takes only spaces and tabs for spaces, so that key does not exist and {key} is lost at reboot',
    ko: '{file}의 {line}행은 {key}이(가) 아니라 "{written}"을(를) 설정합니다. sysctl은 공백과 탭만 띄어쓰기로 받아들이므로 그런 키는 없고, 재부팅하면 {key} 설정이 사라집니다',
  },
} as const satisfies Record<string, Texts>;
