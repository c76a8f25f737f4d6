import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, test } from 'vitest';
import { readmeOf } from '../../core/exercise-texts.js';
import { validateResult } from '../../reports/validate-result.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { exercise, expectNoLabsOfThisProcess, root } from './lab-fixture.js';

// Korean for learners, through the built CLI on the real engine: `--lang ko`, or a Korean locale,
// turns the exercise's own texts (ko.yaml) and the reports' fixed words into Korean; English stays the default.
const bin = join(root, 'bin', 'grade.js');
const ex02 = exercise('ex02-linux-router');
const ko = ex02.texts!.ko!;
const forwardingOff = join(ex02.dir, 'wrong', 'forwarding-off');
const failing = ex02.wrongCases.find((w) => w.name === 'forwarding-off')!.fails;
// No locale of the machine running the tests may leak in: each run says its own.
const NO_LOCALE = { NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: '' };

function grade(args: string[], env: Record<string, string> = {}) {
  return execa('node', [bin, ...args], { cwd: tempDir('grade-ko-'), env: { ...NO_LOCALE, ...env }, reject: false });
}

/** Terminal output with every run of spaces and line breaks made one space: wrapped hints read whole again. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function gradeWrongCase(args: string[], env: Record<string, string> = {}) {
  const out = tempDir('grade-ko-out-');
  const run = await grade([...args, 'ex02', '--submission', forwardingOff, '--out', out], env);
  expect(run.exitCode, run.stderr).toBe(1);
  return { run, html: readFileSync(join(out, 'report.html'), 'utf8'), result: JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) };
}

function expectKorean({ run, html, result }: Awaited<ReturnType<typeof gradeWrongCase>>): void {
  const stdout = flat(run.stdout);
  expect(run.stdout.split('\n')[0]).toBe(`ex02 · ${ko.title}`);
  expect(run.stdout).toMatch(/^실패 {2}\d+\/13점 /m);
  for (const word of ['검사 항목', '기대:', '채점기 관찰:', '힌트:', '원인:', '전체 보고서:', '✘ 표시된 검사 항목을 고친 뒤 grade를 다시 실행하세요.']) expect(run.stdout).toContain(word);
  for (const check of ex02.checks) {
    const own = ko.checks[check.id]!;
    expect(stdout).toContain(flat(own.title).slice(0, 20));
    if (failing.includes(check.id)) expect(stdout, check.id).toContain(flat(own.hint!));
  }
  expect(run.stdout).not.toMatch(/\b(hint|expected|observed|points)\b/);

  expect(html).toContain('<html lang="ko">');
  expect(html).toContain(`<h1><span class="id">ex02</span>${Handlebars.escapeExpression(ko.title)}</h1>`);
  for (const heading of ['네트워크 구성', '검사 항목', '입력한 명령']) expect(html).toContain(`<h2>${heading}</h2>`);
  for (const id of failing) expect(html).toContain(`<strong>힌트:</strong>${Handlebars.escapeExpression(ko.checks[id]!.hint!)}</div>`);
  expect(html).toContain(`<h3>${Handlebars.escapeExpression(ko.checks['router-forwards']!.title)}</h3>`);

  expect(validateResult(result)).toEqual({ ok: true });
  expect(result.lang).toBe('ko');
  expect(result.checks.map((c: { title: string }) => c.title)).toEqual(ex02.checks.map((c) => ko.checks[c.id]!.title));
  // The checks' lines are Korean sentences; the data inside them (keys, values, nodes) stays as the machine read it.
  const forwards = result.checks.find((c: { id: string }) => c.id === 'router-forwards');
  expect(forwards.observed).toMatch(/net\.ipv4\.ip_forward/);
  expect(forwards.observed).toMatch(HANGUL);
  expect(forwards.said.observed.id).toMatch(/^sysctl/);
}

const HANGUL = /[\uac00-\ud7a3]/;

/** The terminal's expected and observed lines (wrapped ones joined), by check id. */
function saidLines(stdout: string): { id: string; expected: string; observed: string }[] {
  const blocks = stdout.split(/\n(?= {2}[✔✘!] )/).filter((b) => /^ {2}✘ /.test(b));
  return blocks.map((b) => ({
    id: /(\S+)\n/.exec(b)?.[1] ?? '',
    expected: flat(/기대: +([\s\S]*?)\n {6}\S/.exec(b)?.[1] ?? ''),
    observed: flat(/채점기 관찰: +([\s\S]*?)(?:\n {6}\S|$)/.exec(b)?.[1] ?? ''),
  }));
}

describe('Korean for learners', () => {
  afterAll(expectNoLabsOfThisProcess);
  afterAll(removeTempDirs);

  test('grade ex01 --lang ko on a failing lab prints the expected and observed lines in Korean', async () => {
    const ex01 = exercise('ex01-default-gateway');
    const typo = join(ex01.dir, 'wrong', 'gateway-typo');
    const fails = ex01.wrongCases.find((w) => w.name === 'gateway-typo')!.fails;
    const out = tempDir('grade-ko-out-');
    const run = await grade(['ex01', '--lang', 'ko', '--submission', typo, '--out', out]);
    expect(run.exitCode, run.stderr).toBe(1);
    const lines = saidLines(run.stdout);
    expect(lines.map((l) => l.id).sort()).toEqual([...fails].sort());
    for (const l of lines) {
      expect(l.expected, l.id).toMatch(HANGUL);
      expect(l.observed, l.id).toMatch(HANGUL);
      // No English sentence left: what remains in Latin letters is node names, addresses and the kernel's own words.
      expect(l.expected.replace(/\((?:[A-Za-z ]+)\)/g, ''), l.id).not.toMatch(/\b(gets|replies|sends|packets|via|out of|from|the|has|no)\b/);
      expect(l.observed.replace(/\((?:[A-Za-z ]+)\)/g, ''), l.id).not.toMatch(/\b(gets|replies|sends|packets|via|out of|from|the|has|no|nobody|reply)\b/);
    }
    // The route checks name the gateway the learner typed, as data, in a Korean sentence.
    const route = lines.find((l) => l.id === 'host-a-route-wan')!;
    expect(route.expected).toMatch(/^host-a이\(가\) \S+\(으\)로 가는 패킷을 \S+을\(를\) 거쳐 보냅니다$/);
    expect(route.observed).toMatch(/^host-a은\(는\) \S+\(으\)로 가는 패킷을 \S+을\(를\) 거쳐 eth0\(으\)로 보냅니다$/);

    // The result keeps the English sentence's id and data, so --lang en (the default, tested below) says the same in English.
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(result.checks.find((c: { id: string }) => c.id === 'host-a-route-wan').said.expected.id).toBe('route.expected');
  });

  test('--lang ko grades a wrong case of ex02 in Korean: terminal, report.html and result.json', async () => {
    expectKorean(await gradeWrongCase(['--lang', 'ko']));
  });

  test('LANG=ko_KR.UTF-8 does the same without --lang, and --lang en wins over it', async () => {
    expectKorean(await gradeWrongCase([], { LANG: 'ko_KR.UTF-8' }));
    const { run, html } = await gradeWrongCase(['--lang', 'en'], { LANG: 'ko_KR.UTF-8' });
    expect(run.stdout.split('\n')[0]).toBe(`ex02 · ${ex02.title}`);
    expect(html).toContain('<html lang="en">');
  });

  test('English by default: the exercise.yaml texts and English words', async () => {
    const { run, html, result } = await gradeWrongCase([]);
    expect(run.stdout.split('\n')[0]).toBe(`ex02 · ${ex02.title}`);
    expect(run.stdout).toMatch(/^FAIL {2}\d+\/13 points /m);
    expect(flat(run.stdout)).toContain(`hint: ${flat(ex02.checks.find((c) => c.id === 'router-forwards')!.hint!)}`);
    expect(run.stdout).not.toMatch(/[\uac00-\ud7a3]/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>Checks</h2>');
    expect(result.lang).toBe('en');
  });

  test('a language grade does not speak is a usage mistake in one sentence', async () => {
    const run = await grade(['--lang', 'fr', 'list']);
    expect([run.exitCode, run.stderr.trim()]).toEqual([2, 'grade: --lang takes en or ko, not "fr".']);
  });

  test('list, start, check without a lab and stop speak Korean too; start prints README.ko.md', async () => {
    const list = await grade(['list', '--lang', 'ko']);
    expect(list.exitCode, list.stderr).toBe(0);
    expect(list.stdout).toContain(`ex02  ${ko.title}`);
    expect(list.stdout).toMatch(/^ {6}개념: /m);

    const start = await grade(['--lang', 'ko', 'start', 'ex02']);
    expect(start.exitCode, start.stderr).toBe(0);
    try {
      expect(start.stdout.split('\n')[0]).toBe('ex02 랩이 실행 중입니다.');
      const readme = readmeOf(ex02, 'ko')!;
      expect(start.stdout).toContain(readme.split('\n')[0]);
      expect(start.stdout).toContain('노드:');
      expect(start.stdout).toMatch(/^노드에서 셸 열기: {2}npx grade shell ex02 \S+$/m);
      expect(start.stdout).toMatch(/^채점 받기: {9}npx grade ex02$/m);
      // The README's own "how to work" section is left out: the lines above say it with this lab's nodes.
      expect(start.stdout.match(/npx grade stop ex02/g)).toHaveLength(1);
    } finally {
      const stop = await grade(['stop', 'ex02'], { LANG: 'ko_KR.UTF-8' });
      expect(stop.exitCode, stop.stderr).toBe(0);
      expect(stop.stdout).toMatch(/^ex02 랩\(ex02-[0-9a-f]+\)을 지웠습니다\.$/m);
    }
    const none = await grade(['ex02', '--lang', 'ko']);
    expect([none.exitCode, none.stderr.trim()]).toEqual([2, 'grade: 실행 중인 ex02 랩이 없습니다. `grade start ex02`로 랩을 시작하거나, `grade ex02 --submission DIR`로 명령 파일 폴더를 채점하세요.']);
    const idle = await grade(['stop', 'ex02', '--lang', 'ko']);
    expect(idle.stdout.trim()).toBe('실행 중인 ex02 랩이 없어서 멈출 것이 없습니다.');
  });
});
