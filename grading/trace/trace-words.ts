// The sentences the path tracer writes into a broken hop's reason: English in the result, and kept by
// catalogue id and parameters so a report can say them in the learner's language.

import type { Texts } from '../../core/lang.js';
import type { BrokenHop, Said, SaidParam } from '../../core/result.js';
import { renderSaid } from '../../core/said.js';
import type { Ending, TracedPacket } from './chain-verdict.js';

export const TRACE_WORDS = {
  'trace.echo-requests': { en: 'the echo requests from {src} to {dst}', ko: '{src}에서 {dst}(으)로 가는 에코 요청' },
  'trace.echo-replies': { en: 'the echo replies from {src} to {dst}', ko: '{src}에서 {dst}(으)로 가는 에코 응답' },
  'trace.tcp-replies': { en: 'the replies from {src} port {port} to {dst}', ko: '{src}의 {port}번 포트에서 {dst}(으)로 가는 응답' },
  'trace.tcp-packets': { en: 'the packets of the connection from {src} to {dst} port {port}', ko: '{src}에서 {dst}의 {port}번 포트로 가는 연결의 패킷' },
  'trace.first-echo-requests': { en: 'The echo requests from {src} to {dst}', ko: '{src}에서 {dst}(으)로 가는 에코 요청' },
  'trace.first-echo-replies': { en: 'The echo replies from {src} to {dst}', ko: '{src}에서 {dst}(으)로 가는 에코 응답' },
  'trace.first-tcp-replies': { en: 'The replies from {src} port {port} to {dst}', ko: '{src}의 {port}번 포트에서 {dst}(으)로 가는 응답' },
  'trace.first-tcp-packets': { en: 'The packets of the connection from {src} to {dst} port {port}', ko: '{src}에서 {dst}의 {port}번 포트로 가는 연결의 패킷' },
  'trace.drops-policy': { en: "{node}'s {chain} chain drops {packets} (policy {target}: no rule accepts them).", ko: '{node}의 {chain} 체인이 {packets}을 버립니다(정책 {target}: 받아들이는 규칙이 없습니다).' },
  'trace.rejects-policy': { en: "{node}'s {chain} chain rejects {packets} (policy {target}: no rule accepts them).", ko: '{node}의 {chain} 체인이 {packets}을 거부합니다(정책 {target}: 받아들이는 규칙이 없습니다).' },
  'trace.drops-rule': { en: "{node}'s {chain} chain drops {packets} (rule {rule}).", ko: '{node}의 {chain} 체인이 {packets}을 버립니다(규칙 {rule}).' },
  'trace.rejects-rule': { en: "{node}'s {chain} chain rejects {packets} (rule {rule}).", ko: '{node}의 {chain} 체인이 {packets}을 거부합니다(규칙 {rule}).' },
  'trace.unsure': { en: "The tracer cannot tell whether {node}'s {chain} chain lets {packets} through: {why}.", ko: '경로 추적기는 {node}의 {chain} 체인이 {packets}을 통과시키는지 알 수 없습니다: {why}.' },
  'trace.unsure-nat': { en: "The tracer cannot tell whether {node}'s nat {chain} chain rewrites {packets}: {why}.", ko: '경로 추적기는 {node}의 nat {chain} 체인이 {packets}을 바꿔 쓰는지 알 수 없습니다: {why}.' },
  'trace.got-there': {
    en: 'In the final state the packets get to {far} and back, so the check failed for another reason: see what it observed.',
    ko: '최종 상태에서는 패킷이 {far}까지 갔다가 돌아오므로, 검사는 다른 이유로 실패했습니다. 실제 결과를 보세요.',
  },
  'trace.not-ipv4': { en: '{to} is not an IPv4 address, and the tracer follows addresses only.', ko: '{to}은(는) IPv4 주소가 아니고, 경로 추적기는 주소만 따라갑니다.' },
  'trace.ends-at': {
    en: '{packets} end at {at}, which holds {dst} itself: nothing there passes them on to {far} (DNAT).',
    ko: '{packets}은 {dst}을(를) 직접 가진 {at}에서 끝납니다. 그곳에서 {far}(으)로 넘겨 주는 것이 없습니다(DNAT).',
  },
  'trace.holds-itself': { en: '{node} holds {dst} itself, so the packets never leave it.', ko: '{node}이(가) {dst}을(를) 직접 가지고 있어서, 패킷이 {node}을(를) 떠나지 않습니다.' },
  'trace.loop': { en: '{packets} go round in a loop of more than {max} hops.', ko: '{packets}이 {max}홉이 넘는 고리를 돕니다.' },
  'trace.unread-forwarding': { en: 'The tracer could not read net.ipv4.ip_forward on {node}.', ko: '경로 추적기가 {node}의 net.ipv4.ip_forward를 읽지 못했습니다.' },
  'trace.forwarding-off': {
    en: 'Forwarding is off on {node} (net.ipv4.ip_forward = 0), so it does not pass on {packets}.',
    ko: '{node}에서 포워딩이 꺼져 있어서(net.ipv4.ip_forward = 0), {packets}을 넘겨 주지 않습니다.',
  },
  'trace.no-source': { en: '{node} has no address to send from.', ko: '{node}에는 보낼 때 쓸 출발지 주소가 없습니다.' },
  'trace.iface-down': { en: '{node} sends {packets} out of {iface}, which is down.', ko: '{node}은(는) {packets}을 {iface}(으)로 보내는데, 그 인터페이스가 꺼져(down) 있습니다.' },
  'trace.cannot-follow': { en: '{node} sends {packets} into {iface}, which the tracer cannot follow.', ko: '{node}은(는) {packets}을 {iface}(으)로 보내는데, 경로 추적기는 그 너머를 따라갈 수 없습니다.' },
  'trace.cannot-follow-further': {
    en: '{node} sends {packets} into {iface}, {seen}, which the tracer cannot follow further.',
    ko: '{node}은(는) {packets}을 {iface}({seen})(으)로 보내는데, 경로 추적기는 그 너머를 따라갈 수 없습니다.',
  },
  'trace.unreadable-nat': { en: '{node} rewrites the source with a {target} rule the tracer cannot read.', ko: '{node}은(는) 경로 추적기가 읽을 수 없는 {target} 규칙으로 출발지 주소를 바꿔 씁니다.' },
  'trace.unread-node': { en: 'The final state of a node on {network} could not be read.', ko: '{network}에 있는 노드의 최종 상태를 읽지 못했습니다.' },
  'trace.nobody-holds-via': {
    en: '{node} sends packets for {dst} to {via} on {network}, but no node there holds {hop}.',
    ko: '{node}은(는) {dst}(으)로 가는 패킷을 {network}의 {via}(으)로 보내지만, 그곳의 어느 노드도 {hop}을(를) 가지고 있지 않습니다.',
  },
  'trace.nobody-holds-direct': {
    en: '{node} sends packets for {dst} directly on {network}, but no node there holds {hop}.',
    ko: '{node}은(는) {dst}(으)로 가는 패킷을 {network}에 바로 보내지만, 그곳의 어느 노드도 {hop}을(를) 가지고 있지 않습니다.',
  },
  'trace.nobody-holds-replies-via': {
    en: '{node} sends its replies for {dst} to {via} on {network}, but no node there holds {hop}.',
    ko: '{node}은(는) {dst}(으)로 가는 응답을 {network}의 {via}(으)로 보내지만, 그곳의 어느 노드도 {hop}을(를) 가지고 있지 않습니다.',
  },
  'trace.nobody-holds-replies-direct': {
    en: '{node} sends its replies for {dst} directly on {network}, but no node there holds {hop}.',
    ko: '{node}은(는) {dst}(으)로 가는 응답을 {network}에 바로 보내지만, 그곳의 어느 노드도 {hop}을(를) 가지고 있지 않습니다.',
  },
  'trace.no-route': { en: '{node} has no route to {dst}.', ko: '{node}에는 {dst}(으)로 가는 경로가 없습니다.' },
  'trace.no-route-pass': { en: '{node} has no route to {dst}, so it cannot pass on {packets}.', ko: '{node}에는 {dst}(으)로 가는 경로가 없어서, {packets}을 넘겨 줄 수 없습니다.' },
  'trace.no-route-back': { en: '{node} has no route back to {dst}.', ko: '{node}에는 {dst}(으)로 돌아가는 경로가 없습니다.' },
  'trace.no-route-back-no-nat': {
    en: '{node} has no route back to {dst}: {routers} passed the requests on without rewriting their source (no NAT).',
    ko: '{node}에는 {dst}(으)로 돌아가는 경로가 없습니다. {routers}이(가) 출발지 주소를 바꿔 쓰지 않고 요청을 넘겨 주었습니다(NAT 없음).',
  },
  'trace.and': { en: '{first} and {rest}', ko: '{first}, {rest}' },
  'trace.route-discards': { en: '{node}\'s route "{route}" discards {packets}.', ko: '{node}의 경로 "{route}"이(가) {packets}을 버립니다.' },
  'trace.route-unfollowable': { en: '{node}\'s route "{route}" is one the tracer cannot follow.', ko: '{node}의 경로 "{route}"은(는) 경로 추적기가 따라갈 수 없는 경로입니다.' },
  'trace.route-no-iface': { en: '{node}\'s route "{route}" names no interface the tracer can find.', ko: '{node}의 경로 "{route}"에는 경로 추적기가 찾을 수 있는 인터페이스가 없습니다.' },
  'trace.replies-elsewhere': { en: 'The replies arrive at {at}, not at {from}.', ko: '응답이 {from}이(가) 아니라 {at}에 도착합니다.' },
  'trace.unread-state': { en: 'The final state of {node} could not be read.', ko: '{node}의 최종 상태를 읽지 못했습니다.' },
  'trace.unreadable-dnat': { en: '{node} rewrites the destination with a DNAT rule the tracer cannot read.', ko: '{node}은(는) 경로 추적기가 읽을 수 없는 DNAT 규칙으로 목적지 주소를 바꿔 씁니다.' },
  'trace.host-name': { en: 'The check names the host {to}, and the map follows addresses only.', ko: '검사가 호스트 이름 {to}을(를) 쓰는데, 지도는 주소만 따라갑니다.' },
  'trace.in-netns': { en: 'The check runs in network namespace {netns}, inside a node, which the map does not trace.', ko: '이 검사는 노드 안의 네트워크 네임스페이스 {netns}에서 실행되며, 지도는 그 안을 추적하지 않습니다.' },
} as const satisfies Record<string, Texts>;

export type TraceWordId = keyof typeof TRACE_WORDS;

/** A tracer sentence: the English the result keeps, and the sentence by id. */
export interface TraceLine {
  readonly text: string;
  readonly said: Said;
}

export function traceLine(id: TraceWordId, params: Readonly<Record<string, SaidParam | TraceLine>> = {}): TraceLine {
  const plain = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' && 'said' in v ? v.said : v]));
  const said: Said = { id, params: plain };
  return { text: renderSaid(said, 'en', TRACE_WORDS)!, said };
}

/** A broken hop whose reason is a tracer sentence. */
export function brokenBy(hop: Omit<BrokenHop, 'reason' | 'said'>, reason: TraceLine): BrokenHop {
  return { ...hop, reason: reason.text, said: reason.said };
}

/** "the echo requests from A to B", "the packets of the connection from A to B port P", and their replies; `first` starts a sentence. */
export function describe(p: TracedPacket, back: boolean, first = false): TraceLine {
  const ends = { src: p.srcText, dst: p.dstText };
  if (p.proto === 'icmp') return traceLine(back ? (first ? 'trace.first-echo-replies' : 'trace.echo-replies') : first ? 'trace.first-echo-requests' : 'trace.echo-requests', ends);
  if (back) return traceLine(first ? 'trace.first-tcp-replies' : 'trace.tcp-replies', { ...ends, port: p.sport ?? '?' });
  return traceLine(first ? 'trace.first-tcp-packets' : 'trace.tcp-packets', { ...ends, port: p.dport ?? '?' });
}

export function dropReason(node: string, chain: string, p: TracedPacket, back: boolean, ending: Ending): TraceLine {
  const reject = ending.target === 'REJECT';
  const packets = describe(p, back);
  if (ending.rule === null) return traceLine(reject ? 'trace.rejects-policy' : 'trace.drops-policy', { node, chain, packets, target: ending.target });
  return traceLine(reject ? 'trace.rejects-rule' : 'trace.drops-rule', { node, chain, packets, rule: ending.rule.line });
}

export function unsureReason(node: string, chain: string, p: TracedPacket, back: boolean, why: string): TraceLine {
  return traceLine('trace.unsure', { node, chain, packets: describe(p, back), why });
}
