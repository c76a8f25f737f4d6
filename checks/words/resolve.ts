// The sentences of the resolve check, and of the name lookups tcp and http make first.

import type { Texts } from '../../core/lang.js';

export const RESOLVE_WORDS = {
  'resolve.unreadable-files': {
    en: '{files} on {node}, so grade cannot tell what its resolver would answer',
    ko: '{node}에서 {files}. 그래서 리졸버가 무엇이라고 답할지 grade가 판단할 수 없습니다',
  },
  'resolve.could-not': { en: 'could not resolve {name} as {node} would', ko: '{node}처럼 {name}을(를) 조회하지 못했습니다' },
  'resolve.timeout-server': {
    en: '{node} got no answer for {name} within {seconds} s: the name server in its /etc/resolv.conf ({servers}) does not reply',
    ko: '{node}은(는) {seconds}초 안에 {name}에 대한 응답을 받지 못했습니다. /etc/resolv.conf에 적힌 네임 서버({servers})가 응답하지 않습니다',
  },
  'resolve.timeout-nothing': {
    en: '{node} got no answer for {name} within {seconds} s: nothing answers its queries',
    ko: '{node}은(는) {seconds}초 안에 {name}에 대한 응답을 받지 못했습니다. 질의에 아무것도 응답하지 않습니다',
  },
  'resolve.resolves-on': { en: '{name} resolves to {addresses} on {node}', ko: '{node}에서 {name}은(는) {addresses}(으)로 조회됩니다' },
  'resolve.not-resolved-server': {
    en: '{name} does not resolve on {node}: its hosts file does not name it, and the name server it asks ({servers}) has no answer either',
    ko: '{node}에서 {name}이(가) 조회되지 않습니다. hosts 파일에 그 이름이 없고, 묻는 네임 서버({servers})에도 답이 없습니다',
  },
  'resolve.not-resolved-none': {
    en: '{name} does not resolve on {node}: its hosts file does not name it, and its /etc/resolv.conf names no name server to ask',
    ko: '{node}에서 {name}이(가) 조회되지 않습니다. hosts 파일에 그 이름이 없고, /etc/resolv.conf에도 물어볼 네임 서버가 없습니다',
  },
  'resolve.stale-address': {
    en: '{name} resolves to {address} on {node}, an address no node of this lab has: whatever answers there is reached through a rewrite of the address, not through the name',
    ko: '{node}에서 {name}은(는) {address}(으)로 조회되는데, 이 랩의 어느 노드도 그 주소를 가지고 있지 않습니다. 그 주소에서 응답하는 것은 이름이 아니라 주소를 바꿔 쓰는 규칙을 통해 닿은 것입니다',
  },
  'resolve.expected-hosts-file': {
    en: "{node}'s /etc/hosts, as its resolver reads it, pairs {address} with {name}",
    ko: '{node}의 리졸버가 읽는 /etc/hosts가 {name}을(를) {address}에 짝지어 줍니다',
  },
  'resolve.expected': { en: '{name} resolves to {address} on {node}', ko: '{node}에서 {name}이(가) {address}(으)로 조회됩니다' },
  'resolve.expected-via': {
    en: '{name} resolves to {address} on {node}, answered by the DNS server on {via}',
    ko: '{node}에서 {name}이(가) {address}(으)로 조회되고, 그 답은 {via}의 DNS 서버가 줍니다',
  },
  'resolve.expected-files': {
    en: '{name} resolves to {address} on {node}, from its hosts file before any DNS server is asked',
    ko: '{node}에서 {name}이(가) {address}(으)로 조회되고, 그 답은 DNS 서버에 묻기 전에 hosts 파일에서 나옵니다',
  },
  'resolve.wrong-no-entry': {
    en: '{said}, not {address}; its hosts file has no entry for {name}, so the answer came from elsewhere (a DNS server)',
    ko: '{said}. {address}이(가) 아닙니다. hosts 파일에 {name} 항목이 없으니 답은 다른 곳(DNS 서버)에서 왔습니다',
  },
  'resolve.wrong-other-source': {
    en: '{said}, not {address}, although its hosts file says {address}: another source answered before the hosts file was read',
    ko: '{said}. hosts 파일에는 {address}(이)라고 적혀 있지만, hosts 파일을 읽기 전에 다른 출처가 먼저 답했습니다',
  },
  'resolve.wrong-file': { en: '{said}, not {address}; its hosts file says {file}', ko: '{said}. {address}이(가) 아닙니다. hosts 파일에는 {file}(이)라고 적혀 있습니다' },
  'resolve.resolves': { en: '{name} resolves to {addresses}', ko: '{name}은(는) {addresses}(으)로 조회됩니다' },
  'resolve.unwatched': { en: "could not watch the lab's links for the DNS query", ko: '랩의 링크에서 DNS 질의를 관찰하지 못했습니다' },
  'resolve.hosts-gives': {
    en: "{node}'s resolver, reading only its /etc/hosts, gives {addresses} for {name}",
    ko: '{node}의 리졸버가 /etc/hosts만 읽고 {name}에 대해 {addresses}을(를) 줍니다',
  },
  'resolve.hosts-gives-other': {
    en: "{node}'s resolver, reading only its /etc/hosts, gives {addresses} for {name}, not {address}",
    ko: '{node}의 리졸버가 /etc/hosts만 읽고 {name}에 대해 {address}이(가) 아닌 {addresses}을(를) 줍니다',
  },
  'resolve.hosts-no-entry': {
    en: "{node}'s resolver, reading only its /etc/hosts, finds no entry for {name} (an entry must be the address, then spaces or tabs, then the name, spelt exactly)",
    ko: '{node}의 리졸버가 /etc/hosts만 읽어서는 {name} 항목을 찾지 못합니다(항목은 주소, 공백이나 탭, 그리고 정확히 같은 철자의 이름 순서여야 합니다)',
  },
  'resolve.files-no-entry': {
    en: "{name} resolves to {address}, but {node}'s hosts file has no such entry: the answer came from something else (a DNS server running on {node}?)",
    ko: '{name}은(는) {address}(으)로 조회되지만 {node}의 hosts 파일에는 그런 항목이 없습니다. 답은 다른 무언가에서 왔습니다({node}에서 돌고 있는 DNS 서버일 수 있습니다)',
  },
  'resolve.one-query': { en: 'a DNS query', ko: 'DNS 질의 1개' },
  'resolve.queries': { en: '{count} DNS queries', ko: 'DNS 질의 {count}개' },
  'resolve.files-asked': {
    en: '{name} resolves to {address}, but {node} sent {queries} for it before its hosts file had a say',
    ko: '{name}은(는) {address}(으)로 조회되지만, {node}은(는) hosts 파일을 보기 전에 {queries}를 보냈습니다',
  },
  'resolve.files-pass': {
    en: "{name} resolves to {address} from {node}'s hosts file, and no DNS query for it left {node}",
    ko: '{name}은(는) {node}의 hosts 파일에서 {address}(으)로 조회되고, 이 이름의 DNS 질의는 {node}을(를) 떠나지 않았습니다',
  },
  'resolve.server-pass': {
    en: "{name} resolves to {address}: {via} received {node}'s query for it, and its own answer came back to {node}",
    ko: '{name}은(는) {address}(으)로 조회됩니다. {via}이(가) {node}의 질의를 받았고, {via} 자신의 응답이 {node}(으)로 돌아왔습니다',
  },
  'resolve.server-others': {
    en: '{name} resolves to {address}, but grade cannot tell that {via} answered: {sockets} could answer in its place (stop it, and let the resolver ask {via})',
    ko: '{name}은(는) {address}(으)로 조회되지만, {via}이(가) 답했는지 grade가 알 수 없습니다. {sockets}이(가) 대신 답할 수 있습니다(그것을 멈추고 리졸버가 {via}에 묻게 하세요)',
  },
  'resolve.server-no-answer': {
    en: "{name} resolves to {address}, but {node}'s query reached {via} and {missing}: something else answered",
    ko: '{name}은(는) {address}(으)로 조회되지만, {node}의 질의는 {via}에 닿았고 {missing}. 다른 무언가가 답했습니다',
  },
  'resolve.no-answer': { en: '{via} sent no answer to it', ko: '{via}은(는) 응답을 보내지 않았습니다' },
  'resolve.answer-not-back': { en: "{via}'s answer never came back to {node}", ko: '{via}의 응답이 {node}(으)로 돌아오지 않았습니다' },
  'resolve.in-own-namespace': { en: "in a namespace of the learner's own", ko: '학습자가 만든 네임스페이스 안' },
  'resolve.on-node': { en: 'on {node}', ko: '{node}' },
  'resolve.socket-udp': { en: 'a UDP socket on port {port} {where}', ko: '{where}의 UDP 소켓(포트 {port})' },
  'resolve.socket-tcp': { en: 'a TCP listener on port {port} {where}', ko: '{where}의 TCP 리스너(포트 {port})' },
  'resolve.socket-packet': { en: 'a packet (link-layer) socket {where}', ko: '{where}의 패킷(링크 계층) 소켓' },
  'resolve.socket-raw': { en: 'a raw socket {where}', ko: '{where}의 raw 소켓' },
  'resolve.own-hosts': { en: "{node}'s own hosts file names it", ko: '{node} 자신의 hosts 파일에 그 이름이 있습니다' },
  'resolve.local-resolver': { en: 'a local resolver?', ko: '로컬 리졸버일 수 있습니다' },
  'resolve.none-left': { en: 'no query for it left {node}', ko: '이 이름의 질의가 {node}을(를) 떠나지 않았습니다' },
  'resolve.none-reached': { en: 'no query for it reached {via}', ko: '이 이름의 질의가 {via}에 닿지 않았습니다' },
  'resolve.server-other': {
    en: '{name} resolves to {address}, but it was answered by something other than {via} ({where}): {missing}',
    ko: '{name}은(는) {address}(으)로 조회되지만, {via}이(가) 아닌 다른 무언가가 답했습니다({where}). {missing}',
  },
} as const satisfies Record<string, Texts>;
