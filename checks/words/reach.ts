// The sentences of the reach check (ping, proven on the lab's switch).

import type { Texts } from '../../core/lang.js';

export const REACH_WORDS = {
  'reach.expected-none': { en: '{from} gets no reply from {to}', ko: '{from}이(가) {to}에서 응답을 받지 못합니다' },
  'reach.expected-replies': { en: '{from} gets replies from {to}', ko: '{from}이(가) {to}에서 응답을 받습니다' },
  'reach.expected': { en: '{from} gets replies from {to}, and its echo requests reach {far}', ko: '{from}이(가) {to}에서 응답을 받고, 그 에코 요청이 {far}에 닿습니다' },
  'reach.expected-source': { en: '{expected} from {source}', ko: '{expected}(출발지 {source})' },
  'reach.expected-tunnel': { en: '{expected}, crossing {hidden} only inside a tunnel', ko: '{expected}. {hidden}은(는) 터널 안으로만 지나갑니다' },
  'reach.expected-loopback': { en: '{from} gets replies from its own loopback address {to}', ko: '{from}이(가) 자신의 루프백 주소 {to}에서 응답을 받습니다' },
  'reach.ping-timeout': { en: 'ping did not finish in time', ko: 'ping이 제시간에 끝나지 않았습니다' },
  'reach.answered': { en: '{count} of the echo requests were answered', ko: '에코 요청 중 {count}개가 응답을 받았습니다' },
  'reach.ping-did-not-run': { en: 'ping did not run: {why}', ko: 'ping이 실행되지 않았습니다: {why}' },
  'reach.exit-status': { en: 'exit status {code}', ko: '종료 코드 {code}' },
  'reach.no-far': {
    en: 'the exercise does not say which node holds {to}: give this check a far: node',
    ko: '실습 파일에 {to}을(를) 가진 노드가 없습니다. 이 검사에 far: 노드를 지정하세요',
  },
  'reach.unwatched': { en: "could not watch the lab's links for the echo requests", ko: '랩의 링크에서 에코 요청을 관찰하지 못했습니다' },
  'reach.forged': {
    en: '{from} got {count} replies, but {what}: something answered for {to} that is not {far} (an address on {from} itself, or a relay?)',
    ko: '{from}이(가) 응답을 {count}개 받았지만 {what}. {far}이(가) 아닌 무언가가 {to} 대신 응답했습니다({from} 자신의 주소나 중계 프로그램일 수 있습니다)',
  },
  'reach.rewritten': {
    en: '{from} got {count} replies, but no echo request reached {far} from {source}: its source was rewritten on the way (NAT)',
    ko: '{from}이(가) 응답을 {count}개 받았지만, {source}에서 온 에코 요청은 {far}에 하나도 닿지 않았습니다. 가는 길에 출발지 주소가 바뀌었습니다(NAT)',
  },
  'reach.none-left': { en: 'none of its echo requests left {node}', ko: '에코 요청이 하나도 {node}을(를) 떠나지 않았습니다' },
  'reach.none-reached': { en: 'none of its echo requests reached {far}', ko: '에코 요청이 하나도 {far}에 닿지 않았습니다' },
  'reach.wrong': { en: '{from} got {count} replies, but {wrong}', ko: '{from}이(가) 응답을 {count}개 받았지만, {wrong}' },
  'reach.proven': {
    en: '{count} of the echo requests were answered: {far} received {into} of them, and its own reply came back to {from}',
    ko: '에코 요청 중 {count}개가 응답을 받았습니다. {far}이(가) 그중 {into}개를 받았고, {far} 자신의 응답이 {from}(으)로 돌아왔습니다',
  },
  'reach.proven-inside-one': {
    en: '{proven} (watched inside {places}, which is yours: grade saw the packets there, not the way they took in between)',
    ko: '{proven}(관찰은 학습자의 것인 {places} 안에서 했습니다. grade는 그 안의 패킷만 보았고, 그 사이에 지나간 길은 보지 못했습니다)',
  },
  'reach.proven-inside-many': {
    en: '{proven} (watched inside {places}, which are yours: grade saw the packets there, not the way they took in between)',
    ko: '{proven}(관찰은 학습자의 것인 {places} 안에서 했습니다. grade는 그 안의 패킷만 보았고, 그 사이에 지나간 길은 보지 못했습니다)',
  },
  'reach.hidden-unwatched': { en: "could not watch {hidden}'s links", ko: '{hidden}의 링크를 관찰하지 못했습니다' },
  'reach.in-clear': {
    en: '{proven}, but {count} crossed {hidden} as plain echo requests: routed, not tunnelled',
    ko: '{proven}. 그러나 그중 {count}개가 {hidden}을(를) 평범한 에코 요청으로 지나갔습니다. 터널이 아니라 라우팅으로 전달된 것입니다',
  },
  'reach.tunnelled': { en: '{proven}; {hidden} saw none of them in clear', ko: '{proven}. {hidden}은(는) 그중 어느 것도 터널 밖에서 보지 못했습니다' },
  'reach.no-own-reply': {
    en: '{far} sent no reply of its own to the {into} requests it got: something else answered in its place (an address on {from} itself, or a router, while a copy of each request went on to {far})',
    ko: '{far}은(는) 받은 요청 {into}개에 스스로 응답하지 않았습니다. 다른 무언가가 대신 응답했습니다({from} 자신의 주소나 라우터가 응답하고, 요청의 복사본만 {far}(으)로 갔을 수 있습니다)',
  },
  'reach.replies-lost': {
    en: "none of the {answered} replies {far} sent reached {from}: what {from} got was made elsewhere (a router answering in {far}'s place?)",
    ko: '{far}이(가) 보낸 응답 {answered}개 중 어느 것도 {from}에 닿지 않았습니다. {from}이(가) 받은 응답은 다른 곳에서 만들어진 것입니다({far} 대신 응답한 라우터일 수 있습니다)',
  },
  'reach.replies-lost-switch': {
    en: "none of the {answered} replies {far} sent reached {from} through the switch: what {from} got was made elsewhere (a router answering in {far}'s place?)",
    ko: '{far}이(가) 보낸 응답 {answered}개 중 어느 것도 스위치를 거쳐 {from}에 닿지 않았습니다. {from}이(가) 받은 응답은 다른 곳에서 만들어진 것입니다({far} 대신 응답한 라우터일 수 있습니다)',
  },
  'reach.yours': { en: 'a network namespace of yours', ko: '학습자가 만든 네트워크 네임스페이스' },
  'reach.relay': {
    en: "{where} held a {kind} socket during the check: a program there reads and writes whole packets behind the kernel's back (a relay, a responder, or a tcpdump left running), so grade cannot tell its packets from forwarding. Stop it and check again",
    ko: '검사하는 동안 {where}에 {kind} 소켓이 열려 있었습니다. 그곳의 프로그램이 커널을 거치지 않고 패킷을 통째로 읽고 씁니다(중계 프로그램, 응답 프로그램, 또는 켜 둔 tcpdump). 그래서 grade는 그 패킷과 포워딩을 구별할 수 없습니다. 그 프로그램을 멈추고 다시 검사하세요',
  },
  'reach.lo-down': { en: 'the loopback interface lo of {from} is down (Network is unreachable)', ko: '{from}의 루프백 인터페이스 lo가 꺼져(down) 있습니다(Network is unreachable)' },
  'reach.no-reply-from': { en: 'no reply from {to}', ko: '{to}에서 응답이 없습니다' },
  'reach.network-unreachable': { en: '{node} has no route to {to} (Network is unreachable)', ko: '{node}에는 {to}(으)로 가는 경로가 없습니다(Network is unreachable)' },
  'reach.host-unreachable': {
    en: 'nobody answered ARP for the next hop towards {to} (Destination Host Unreachable)',
    ko: '{to}(으)로 가는 다음 홉의 ARP 요청에 아무도 응답하지 않았습니다(Destination Host Unreachable)',
  },
  'reach.net-unreachable': {
    en: 'a router on the way has no route to {to} (Destination Net Unreachable)',
    ko: '가는 길의 라우터에 {to}(으)로 가는 경로가 없습니다(Destination Net Unreachable)',
  },
  'reach.lost': { en: 'no reply from {to}: the request or the reply got lost on the way', ko: '{to}에서 응답이 없습니다. 요청이나 응답이 가는 길에 사라졌습니다' },
} as const satisfies Record<string, Texts>;
