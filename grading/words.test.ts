import { describe, expect, test } from 'vitest';
import { renderSaid, templateParams } from '../core/said.js';
import { brokenBy, traceLine, TRACE_WORDS } from './trace/trace-words.js';
import { GRADING_WORDS, RESULT_WORDS } from './words.js';

const HANGUL = /[\uAC00-\uD7A3]/;

describe.each([
  ['grading', GRADING_WORDS],
  ['trace', TRACE_WORDS],
] as const)('the %s catalogue', (_, words) => {
  test.each(Object.entries(words))('%s: both languages, the same parameters, Korean words', (id, texts) => {
    expect(id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(templateParams(texts.ko)).toEqual(templateParams(texts.en));
    if (/[a-z]{4,}/i.test(texts.en.replace(/\{\w+\}/g, ''))) expect(texts.ko).toMatch(HANGUL);
  });
});

describe('the catalogue a result renders from', () => {
  test('no id is in two catalogues', () => {
    const ids = [...Object.keys(GRADING_WORDS), ...Object.keys(TRACE_WORDS)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(RESULT_WORDS).length).toBeGreaterThan(ids.length);
  });

  test('a broken hop keeps its English reason and says it in Korean from the same sentence', () => {
    const hop = brokenBy({ from: 'host', to: null, network: null, kind: 'forwarding-off' }, traceLine('trace.forwarding-off', { node: 'host', packets: traceLine('trace.echo-requests', { src: '192.168.15.2', dst: '192.168.1.3' }) }));
    expect(hop.reason).toBe('Forwarding is off on host (net.ipv4.ip_forward = 0), so it does not pass on the echo requests from 192.168.15.2 to 192.168.1.3.');
    expect(renderSaid(hop.said!, 'ko', RESULT_WORDS)).toBe('host에서 포워딩이 꺼져 있어서(net.ipv4.ip_forward = 0), 192.168.15.2에서 192.168.1.3(으)로 가는 에코 요청을 넘겨 주지 않습니다.');
  });
});
