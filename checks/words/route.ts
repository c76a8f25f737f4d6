// The sentences of the route check.

import type { Texts } from '../../core/lang.js';

export const ROUTE_WORDS = {
  'route.expected': { en: '{node} sends packets for {to} {wanted}', ko: '{node}이(가) {to}(으)로 가는 패킷을 {wanted} 보냅니다' },
  'route.via': { en: 'via {gateway}', ko: '{gateway}을(를) 거쳐' },
  'route.out-of': { en: 'out of {dev}', ko: '{dev}(으)로' },
  'route.out-of-kind': { en: 'out of a {kinds} interface', ko: '{kinds} 인터페이스로' },
  'route.via-out-of': { en: 'via {gateway} out of {dev}', ko: '{gateway}을(를) 거쳐 {dev}(으)로' },
  'route.directly': { en: 'directly out of {dev} (no gateway)', ko: '게이트웨이 없이 {dev}(으)로 바로' },
  'route.dev-kind': { en: '{dev} (a {kind} interface)', ko: '{dev}({kind} 인터페이스)' },
  'route.dev-plain': { en: '{dev} (a plain interface)', ko: '{dev}(일반 인터페이스)' },
  'route.wanted-two': { en: '{first} {second}', ko: '{first} {second}' },
  'route.wanted-three': { en: '{first} {second} {third}', ko: '{first} {second} {third}' },
  'route.timeout': { en: 'ip route get did not answer in time', ko: 'ip route get이 제시간에 답하지 않았습니다' },
  'route.observed': { en: '{node} sends packets for {to} {actual}', ko: '{node}은(는) {to}(으)로 가는 패킷을 {actual} 보냅니다' },
} as const satisfies Record<string, Texts>;
