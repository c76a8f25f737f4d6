// The sentences of the tcp check, and of the handshake proof tcp and http share.

import type { Texts } from '../../core/lang.js';

export const TCP_WORDS = {
  'tcp.expected-connects': { en: '{node} connects to {endpoint}', ko: '{node}이(가) {endpoint}에 연결됩니다' },
  'tcp.expected-no-connect': { en: '{node} cannot connect to {endpoint}', ko: '{node}이(가) {endpoint}에 연결되지 않습니다' },
  'tcp.expected-reply': { en: '{node} connects to {endpoint} and the reply contains {want}', ko: '{node}이(가) {endpoint}에 연결되고, 응답에 {want}이(가) 들어 있습니다' },
  'tcp.accepted': { en: 'the connection was accepted', ko: '연결이 받아들여졌습니다' },
  'tcp.no-connection': { en: 'no connection', ko: '연결되지 않았습니다' },
  'tcp.no-answer-in-time': { en: 'no answer in time', ko: '제시간에 응답이 없었습니다' },
  'tcp.no-answer-2s': { en: 'no answer within 2 s', ko: '2초 안에 응답이 없었습니다' },
  'tcp.failed': { en: 'the connection to {endpoint} failed: {why}', ko: '{endpoint}(으)로의 연결이 실패했습니다: {why}' },
  'tcp.connected': { en: 'connected', ko: '연결되었습니다' },
  'tcp.reply-contains': { en: 'the reply contains {want}', ko: '응답에 {want}이(가) 들어 있습니다' },
  'tcp.reply-was': { en: 'the reply was "{reply}"', ko: '응답은 "{reply}"였습니다' },
  'tcp.reply-empty': { en: 'connected, but the reply was empty', ko: '연결되었지만 응답이 비어 있었습니다' },
  'tcp.port-taken': {
    en: 'port {port} on {listener} is taken by another program (an `nc -l {port}` still running?): grade listens there itself during this check',
    ko: '{listener}의 {port}번 포트를 다른 프로그램이 쓰고 있습니다(아직 실행 중인 `nc -l {port}`가 있나요?). 이 검사 동안에는 grade가 직접 그 포트에서 기다립니다',
  },
  'tcp.listener-failed': { en: 'grade could not start its listener on {listener}: {why}', ko: 'grade가 {listener}에서 리스너를 시작하지 못했습니다: {why}' },
  'tcp.unwatched': { en: "could not watch the lab's links for the connection's handshake", ko: '랩의 링크에서 연결의 핸드셰이크를 관찰하지 못했습니다' },
  'tcp.rewritten': {
    en: 'an answer came, but no connection reached {far} from {source}: its source was rewritten on the way (NAT)',
    ko: '응답은 왔지만, {source}에서 온 연결은 {far}에 닿지 않았습니다. 가는 길에 출발지 주소가 바뀌었습니다(NAT)',
  },
  'tcp.never-reached': {
    en: 'an answer came, but no connection ever reached {far}: something else answered (a listener on {from} itself?)',
    ko: '응답은 왔지만, 어떤 연결도 {far}에 닿지 않았습니다. 다른 무언가가 응답했습니다({from} 자신의 리스너일 수 있습니다)',
  },
  'tcp.other-connection': {
    en: 'a connection reached {far}, but not the one {from} opened: its handshake began with another sequence number (a proxy or relay in between, not routing or NAT)',
    ko: '{far}에 연결이 닿았지만 {from}이(가) 연 연결이 아닙니다. 핸드셰이크가 다른 시퀀스 번호로 시작했습니다(라우팅이나 NAT가 아니라 중간의 프록시나 중계 프로그램입니다)',
  },
  'tcp.no-syn-ack': {
    en: "{from}'s connection reached {far}, but {far}'s own answer (its SYN-ACK) never came back to {from}: something nearer answered in its place (a relay, or a listener on the way)",
    ko: '{from}의 연결은 {far}에 닿았지만, {far} 자신의 응답(SYN-ACK)은 {from}(으)로 돌아오지 않았습니다. 더 가까운 무언가가 대신 응답했습니다(중계 프로그램이나 가는 길의 리스너)',
  },
  'tcp.relay': {
    en: "{where} held a {kind} socket during the check: a program there reads and writes whole packets behind the kernel's back (a relay, or a tcpdump left running), so grade cannot tell its packets from forwarding. Stop it and check again",
    ko: '검사하는 동안 {where}에 {kind} 소켓이 열려 있었습니다. 그곳의 프로그램이 커널을 거치지 않고 패킷을 통째로 읽고 씁니다(중계 프로그램, 또는 켜 둔 tcpdump). 그래서 grade는 그 패킷과 포워딩을 구별할 수 없습니다. 그 프로그램을 멈추고 다시 검사하세요',
  },
} as const satisfies Record<string, Texts>;
