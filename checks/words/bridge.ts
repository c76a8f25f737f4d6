// The sentences of the bridge check.

import type { Texts } from '../../core/lang.js';

export const BRIDGE_WORDS = {
  'bridge.expected': { en: '{node} has a bridge {name}, up', ko: '{node}에 켜져(up) 있는 브릿지 {name}이(가) 있습니다' },
  'bridge.expected-ports': { en: '{node} has a bridge {name}, up, with ports {ports}', ko: '{node}에 켜져(up) 있는 브릿지 {name}이(가) 있고, 포트 {ports}이(가) 붙어 있습니다' },
  'bridge.expected-address': { en: '{node} has a bridge {name}, up, holding {address}', ko: '{node}에 켜져(up) 있는 브릿지 {name}이(가) 있고, 주소 {address}을(를) 가집니다' },
  'bridge.expected-ports-address': {
    en: '{node} has a bridge {name}, up, with ports {ports}, holding {address}',
    ko: '{node}에 켜져(up) 있는 브릿지 {name}이(가) 있고, 포트 {ports}이(가) 붙어 있으며, 주소 {address}을(를) 가집니다',
  },
  'bridge.ip-timeout': { en: 'ip did not finish in time', ko: 'ip가 제시간에 끝나지 않았습니다' },
  'bridge.ip-stopped': { en: 'ip was stopped before it finished', ko: 'ip가 끝나기 전에 멈췄습니다' },
  'bridge.no-interface': { en: '{node} has no interface named {name}', ko: '{node}에는 {name}이라는 인터페이스가 없습니다' },
  'bridge.not-bridge': { en: '{name} is a {kind} interface, not a bridge', ko: '{name}은(는) 브릿지가 아니라 {kind} 인터페이스입니다' },
  'bridge.not-bridge-plain': { en: '{name} is a plain interface, not a bridge', ko: '{name}은(는) 브릿지가 아니라 일반 인터페이스입니다' },
  'bridge.down': { en: '{name} is down', ko: '{name}이(가) 꺼져(down) 있습니다' },
  'bridge.port-missing': { en: '{missing} is not attached (attached: {attached})', ko: '{missing}이(가) 브릿지에 붙어 있지 않습니다(붙어 있는 포트: {attached})' },
  'bridge.ports-missing': { en: '{missing} are not attached (attached: {attached})', ko: '{missing}이(가) 브릿지에 붙어 있지 않습니다(붙어 있는 포트: {attached})' },
  'bridge.none': { en: 'none', ko: '없음' },
  'bridge.wrong-address': { en: '{name} holds {addresses}, not {address}', ko: '{name}의 주소는 {address}이(가) 아니라 {addresses}입니다' },
  'bridge.no-address': { en: '{name} holds no address, not {address}', ko: '{name}에는 {address}은(는)커녕 주소가 하나도 없습니다' },
  'bridge.problems': { en: '{problems}', ko: '{problems}' },
  'bridge.observed': { en: '{name} is a bridge, up, with ports {ports}', ko: '{name}은(는) 켜져(up) 있는 브릿지이고, 포트 {ports}이(가) 붙어 있습니다' },
  'bridge.observed-address': {
    en: '{name} is a bridge, up, with ports {ports}, holding {addresses}',
    ko: '{name}은(는) 켜져(up) 있는 브릿지이고, 포트 {ports}이(가) 붙어 있으며, 주소 {addresses}을(를) 가집니다',
  },
} as const satisfies Record<string, Texts>;
