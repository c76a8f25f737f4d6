import { describe, expect, test } from 'vitest';
import { loadFixture } from '../reports/fixtures/load-fixture.js';
import { exerciseOf } from '../test/support/exercises.js';
import { localizeResult } from './localize-result.js';

const result = loadFixture('ex01-fail');
const ko = {
  title: '기본 게이트웨이',
  summary: '두 호스트가 라우터를 거쳐 다른 네트워크에 닿게 합니다.',
  checks: Object.fromEntries(result.checks.map((c) => [c.id, { title: `한국어 ${c.id}`, hint: `힌트 ${c.id}` }])),
};

describe('localizeResult', () => {
  test('ko: the exercise and check texts from the translation; ids, evidence and observations as they were', () => {
    const out = localizeResult(result, exerciseOf({ texts: { ko } }), 'ko');
    expect(out.lang).toBe('ko');
    expect(out.exercise).toEqual({ ...result.exercise, title: ko.title, summary: ko.summary });
    out.checks.forEach((c, i) => {
      const before = result.checks[i]!;
      expect(c.title).toBe(`한국어 ${c.id}`);
      // A hint is shown only where the English result had one (a check that did not pass).
      expect(c.hint).toBe(before.hint === undefined ? undefined : `힌트 ${c.id}`);
      expect({ ...c, title: before.title, hint: before.hint }).toEqual({ ...before, hint: before.hint });
    });
    expect(out.checks.some((c) => c.hint !== undefined)).toBe(true);
    expect(out.nodes).toBe(result.nodes);
  });

  test('en, or an exercise without a translation: the texts stay, only the language is recorded', () => {
    expect(localizeResult(result, exerciseOf({ texts: { ko } }), 'en')).toEqual({ ...result, lang: 'en' });
    expect(localizeResult(result, exerciseOf(), 'ko')).toEqual({ ...result, lang: 'ko' });
  });
});

describe('localizeResult: the checks own lines', () => {
  const [first, second] = result.checks;
  const said = {
    expected: { id: 'sysctl.expected', params: { key: 'net.ipv4.ip_forward', value: '1', node: 'router' } },
    observed: { id: 'budget.then', params: { why: [{ id: 'budget.exhausted', params: { node: 'router', parts: { id: 'budget.out-of-memory', params: { count: 2 } } } }], observed: { id: 'sysctl.observed', params: { key: 'net.ipv4.ip_forward', actual: '0', node: 'router' } } } },
  };
  const withSaid = {
    ...result,
    checks: [
      { ...first!, said, causes: [{ id: 'x', observed: 'english', said: said.expected }] },
      { ...second!, status: 'error' as const, said: { expected: { id: 'grading.title', params: { title: second!.title } }, observed: { id: 'grading.could-not-run', params: { why: 'boom {key}' } } } },
    ],
  };

  test('ko: expected, observed and the causes come from the catalogue, data as it was; a could-not-run check expects its own Korean title', () => {
    const out = localizeResult(withSaid, exerciseOf({ texts: { ko } }), 'ko');
    expect(out.checks[0]!.expected).toBe('router에서 net.ipv4.ip_forward = 1');
    expect(out.checks[0]!.observed).toBe('router: 노드의 메모리가 바닥났습니다(커널이 노드의 프로세스 2개를 강제 종료했습니다); router에서 net.ipv4.ip_forward의 값은 0입니다');
    expect(out.checks[0]!.causes).toEqual([{ id: 'x', observed: 'router에서 net.ipv4.ip_forward = 1', said: said.expected }]);
    expect(out.checks[1]!.expected).toBe(`한국어 ${second!.id}`);
    expect(out.checks[1]!.observed).toBe('검사를 실행하지 못했습니다: boom {key}');
  });

  test('en keeps the English strings; a sentence the catalogue does not know keeps its English', () => {
    expect(localizeResult(withSaid, exerciseOf({ texts: { ko } }), 'en').checks).toEqual(withSaid.checks);
    const unknown = { ...withSaid, checks: [{ ...first!, said: { observed: { id: 'nope.nothing', params: {} } } }] };
    expect(localizeResult(unknown, exerciseOf(), 'ko').checks[0]!.observed).toBe(first!.observed);
  });
});
