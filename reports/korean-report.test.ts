import { describe, expect, it } from 'vitest';
import type { GradeResult, Said } from '../core/result.js';
import { columns } from '../core/text-width.js';
import { loadFixture } from './fixtures/load-fixture.js';
import { renderHtml } from './html-reporter.js';
import { renderTerminal } from './terminal-reporter.js';
import { validateResult } from './validate-result.js';
import { localizeResult } from '../grading/localize-result.js';
import { shippedExercise } from '../test/support/exercises.js';
import { renderSaid } from '../core/said.js';
import { RESULT_WORDS } from '../grading/words.js';

// The reports of a result in Korean (result.lang = 'ko'): the fixed words are Korean, the machine's words are not.
const fail = loadFixture('ex01-fail');
const hint = '기본 게이트웨이는 host-b가 자기 네트워크에서 바로 닿을 수 있는 주소여야 합니다. 이 랩에서는 라우터의 192.168.1.1입니다.';
const ko: GradeResult = {
  ...fail,
  lang: 'ko',
  exercise: { ...fail.exercise, title: '기본 게이트웨이' },
  checks: fail.checks.map((c) => (c.id === 'host-b-default-route' ? { ...c, title: 'host-b의 기본 게이트웨이는 라우터입니다', hint } : c)),
};

describe('a Korean result', () => {
  it('is a valid result, which says its language', () => {
    expect(validateResult(ko)).toEqual({ ok: true });
    expect(validateResult({ ...ko, lang: 'fr' }).ok).toBe(false);
  });

  it('prints Korean fixed words in the terminal, aligned and wrapped in columns', () => {
    const out = renderTerminal(ko, { color: false, htmlPath: 'grade-reports/x/report.html' });
    const lines = out.split('\n');
    expect(lines[0]).toBe('ex01 · 기본 게이트웨이');
    expect(lines[1]).toMatch(/^실패 {2}7\/10점 {2}bob, /);
    expect(out).toContain('검사 항목');
    expect(out).toContain('      기대:     a default route on host-b via 192.168.1.1');
    expect(out).toContain('      채점기 관찰: default via 192.168.1.254 dev eth0');
    expect(out).toMatch(/ {6}힌트: {5}기본 게이트웨이는/);
    expect(out).toContain('성공하지 못한 명령');
    expect(out).toContain('host-b 4행  ip route add default via 192.168.1.1');
    expect(out).toContain('실패 (종료 코드 2)');
    expect(out).toContain('│ … 3줄 더 있음');
    expect(out).toContain('전체 보고서: grade-reports/x/report.html');
    expect(out).toContain('✘ 표시된 검사 항목을 고친 뒤 grade를 다시 실행하세요.');
    for (const line of lines) expect(columns(line), line).toBeLessThanOrEqual(80);
    // Check titles line up however wide their characters are.
    const points = lines.filter((l) => /^ {2}[✔✘!] /.test(l)).map((l) => columns(l.slice(0, l.search(/\d+\/\d+ {2}\S+$/))));
    expect(new Set(points).size).toBe(1);
  });

  it('writes a Korean HTML page: lang="ko", Korean headings and labels', () => {
    const html = renderHtml(ko);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<title>ex01 기본 게이트웨이: 7/10 실패</title>');
    expect(html).toContain('<span class="badge">실패</span>');
    expect(html).toContain('<small> / 10 점</small>');
    for (const heading of ['네트워크 구성', '검사 항목', '입력한 명령']) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<span class="label">기대한 것</span>a default route on host-b via 192.168.1.1');
    expect(html).toContain(`<div class="hint"><strong>힌트:</strong>${hint}</div>`);
    expect(html).toContain('<summary>host-b의 최종 상태</summary>');
    expect(html).not.toMatch(/>(Checks|Hint|Expected|Observed|Grade observed|Topology|Your commands)</);
  });

  it('stays English without a language', () => {
    expect(renderHtml(fail)).toContain('<html lang="en">');
    expect(renderTerminal(fail, { color: false })).toContain('hint:     host-b needs a working default gateway');
  });
});

// A real failing ex03 (wrong/no-nat, graded on the engine and kept as a fixture), reported in Korean.
describe('a Korean report of a failing ex03', () => {
  const english = loadFixture('ex03-fail');
  const ex03 = shippedExercise('ex03-bridge-masquerade');
  const korean = localizeResult(english, ex03, 'ko');
  // Data inside a sentence (names, addresses, rule lines, the tools' own words) may stay as it is: blank it, then look for English.
  const blanked = (said: Said): Said => ({
    id: said.id,
    params: Object.fromEntries(Object.entries(said.params).map(([k, v]) => [k, typeof v === 'string' ? '§' : typeof v === 'number' ? v : Array.isArray(v) ? v.map(blanked) : blanked(v as Said)])),
  });
  const ENGLISH_WORD = /\b(?:the|a|an|and|but|of|to|from|for|has|have|is|are|was|were|no|not|on|in|its|gets|replies|reach|rule|rules|packets|connection|connects|page|reply)\b/i;

  it('the fixture is a failing ex03 whose checks said their lines from the catalogue', () => {
    expect(english.exercise.id).toBe('ex03');
    expect(english.status).toBe('fail');
    const failed = english.checks.filter((c) => c.status !== 'pass');
    expect(failed.length).toBeGreaterThan(2);
    for (const c of english.checks) expect(c.said?.expected && c.said.observed, c.id).toBeTruthy();
  });

  it('has no English expected or observed line left, and keeps the English result as it was', () => {
    korean.checks.forEach((c, i) => {
      const said = english.checks[i]!.said!;
      const causes = (english.checks[i]!.causes ?? []).map((x) => x.said!);
      for (const one of [said.expected!, said.observed!, ...causes]) {
        const words = renderSaid(blanked(one), 'ko', RESULT_WORDS)!;
        expect(words, c.id).toMatch(/[\uac00-\ud7a3]/);
        expect(words, `${c.id}: ${words}`).not.toMatch(ENGLISH_WORD);
      }
      expect(c.expected).toBe(renderSaid(said.expected!, 'ko', RESULT_WORDS));
      expect(c.observed).toBe(renderSaid(said.observed!, 'ko', RESULT_WORDS));
      expect((c.causes ?? []).map((x) => x.observed)).toEqual(causes.map((x) => renderSaid(x, 'ko', RESULT_WORDS)));
    });
    expect(english.checks.every((c) => !/[\uac00-\ud7a3]/.test(c.expected + c.observed))).toBe(true);
    expect(validateResult(korean)).toEqual({ ok: true });
  });

  it("says the map's broken-hop reasons in Korean too", () => {
    const broken = korean.checks.filter((c) => c.brokenHop !== undefined);
    expect(broken.length).toBeGreaterThan(0);
    for (const c of broken) {
      const words = renderSaid(blanked(english.checks.find((e) => e.id === c.id)!.brokenHop!.said!), 'ko', RESULT_WORDS)!;
      expect(words, c.id).toMatch(/[\uac00-\ud7a3]/);
      expect(words, `${c.id}: ${words}`).not.toMatch(ENGLISH_WORD);
      expect(c.brokenHop!.reason).toBe(renderSaid(english.checks.find((e) => e.id === c.id)!.brokenHop!.said!, 'ko', RESULT_WORDS));
    }
    // The map marks the hop with that reason (here: lan-server has no way back, as no router masqueraded).
    expect(renderHtml(korean)).toContain('lan-server에는 192.168.15.2(으)로 돌아가는 경로가 없습니다. host이(가) 출발지 주소를 바꿔 쓰지 않고 요청을 넘겨 주었습니다(NAT 없음).');
  });

  it('prints those Korean lines in the terminal and in the HTML page', () => {
    const out = renderTerminal(korean, { color: false });
    const nat = korean.checks.find((c) => c.id === 'nat-rule')!;
    expect(nat.observed).toBe('nat POSTROUTING에 규칙이 없습니다');
    expect(out).toContain(`      채점기 관찰: ${nat.observed}`);
    expect(out).toContain(`      원인:     ${nat.observed} (nat-rule)`);
    expect(out).not.toMatch(/\b(?:expected|observed|because)\b/);
    const html = renderHtml(korean);
    expect(html).toContain(`<span class="label">채점기가 관찰한 것</span>${nat.observed}`);
  });
});

