import pc from 'picocolors';
import { describe, expect, test } from 'vitest';
import type { HistoryRecord } from '../../history/history.js';
import { LANGS } from '../../core/lang.js';
import type { GradeResult } from '../../core/result.js';
import { columns } from '../../core/text-width.js';
import { checkChanges } from '../../grading/check-changes.js';
import { localizeResult } from '../../grading/localize-result.js';
import { loadFixture } from '../../reports/fixtures/load-fixture.js';
import { exerciseOf } from '../../test/support/exercises.js';
import { CLI_KEYS, cliText } from '../messages.js';
import { exportedText, historyTable, takenText } from './history-commands.js';
import { labResetText, nodeResetText } from './reset.js';
import { watchScreen, watchUpdate } from './watch.js';

// reset, watch, history and export in both languages: English as the docker suites expect it, Korean with the same commands, ids and paths.
const plain = pc.createColors(false);
const HANGUL = /[\uac00-\ud7a3]/;

describe('the CLI catalog', () => {
  test('every key has an English and a Korean text, with the same {names} to fill in', () => {
    const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const key of CLI_KEYS) {
      for (const lang of LANGS) expect(cliText(lang, key).trim(), `${key} (${lang})`).not.toBe('');
      expect(names(cliText('ko', key)), key).toEqual(names(cliText('en', key)));
    }
  });
});

describe('grade reset', () => {
  test('English as before, Korean keeping ids, the variant and the command', () => {
    const done = { id: 'ex91', variant: 'alice', lab: 'ex91-ab12', seconds: 1.234, kept: 6 };
    expect(labResetText('en', done)).toBe(
      'ex91 is a fresh lab again (variant alice) (ex91-ab12, 1.2 s): every node is as `grade start` made it; your shell history (6 commands) is kept.',
    );
    expect(labResetText('en', { ...done, variant: null, kept: 1 })).toMatch(/made it; your shell history \(1 command\) is kept\.$/);
    expect(labResetText('en', { ...done, kept: 0 })).toMatch(/made it\.$/);
    expect(labResetText('ko', done)).toBe(
      'ex91 랩 (변형 alice)을 새 랩으로 되돌렸습니다(ex91-ab12, 1.2초). 모든 노드가 `grade start`로 처음 만든 상태이고, 셸 기록(명령 6개)은 그대로 남아 있습니다.',
    );
  });

  test('one node: English as before, Korean names the node and its services', () => {
    const done = { id: 'ex93', node: 'lan-server', services: true, seconds: 0.46 };
    expect(nodeResetText('en', { ...done, node: 'red', services: false })).toBe(
      'red of ex93 is back as the lab started it (0.5 s); the other nodes kept their state.',
    );
    expect(nodeResetText('en', done)).toMatch(/^lan-server of ex93 is back as the lab started it, its services running again \(0\.5 s\)/);
    expect(nodeResetText('ko', done)).toBe(
      'ex93의 lan-server 노드를 랩을 시작했을 때 상태로 되돌리고 서비스도 다시 실행했습니다(0.5초). 다른 노드는 그대로입니다.',
    );
  });
});

describe('grade history and grade export', () => {
  const at = '2025-03-03T10:22:47.000Z';
  const records: HistoryRecord[] = [
    { node: 'host', session: 's1', time: at, exitCode: 1, durationMs: 3, command: 'ip link set nope up' },
    { node: 'host', session: 's1', time: at, exitCode: 0, durationMs: 3, command: 'sudo iptables -L' },
    { node: 'red', session: 's2', time: at, exitCode: null, durationMs: null, command: 'ping blue' },
  ];

  test('the table: English statuses in a 10-wide column, Korean ones aligned in terminal columns', () => {
    const en = historyTable(records, false, 'en');
    expect(en).toMatch(/^\d\d:\d\d:\d\d {2}host {2}exit 1 {6}ip link set nope up$/m);
    expect(en).toMatch(/^\d\d:\d\d:\d\d {2}host {2}ok {10}sudo iptables -L$/m);
    expect(en).toMatch(/^\d\d:\d\d:\d\d {2}red {3}unfinished {2}ping blue$/m);
    const ko = historyTable(records, false, 'ko').trimEnd().split('\n');
    expect(ko[0]).toMatch(/ {2}host {2}종료 코드 1 {2}ip link set nope up$/);
    expect(ko[1]).toContain('  성공 ');
    expect(ko[2]).toContain('  끝나지 않음 ');
    const commandAt = ko.map((line, i) => columns(line.slice(0, line.indexOf(records[i]!.command))));
    expect(new Set(commandAt).size).toBe(1);
  });

  test('export: English as before, Korean with the same files, folder and command', () => {
    const taken = ['host.sh', 'red.sh', 'blue.sh'];
    expect(takenText('en', taken, 'exported')).toBe('host.sh, red.sh and blue.sh already exist in exported; pass --force to overwrite them.');
    expect(takenText('en', ['host.sh'], 'out')).toBe('host.sh already exists in out; pass --force to overwrite it.');
    expect(takenText('ko', taken, 'exported')).toBe('exported에 host.sh, red.sh, blue.sh 파일이 이미 있습니다. 덮어쓰려면 --force를 붙이세요.');
    const files = [{ node: 'host', commands: 3 }, { node: 'red', commands: 1 }];
    const to = { id: 'ex03', dir: 'out', variant: 'bob' };
    expect(exportedText('en', files, to)).toBe('Wrote host.sh (3 commands), red.sh (1) to out.\nGrade it in a fresh lab: npx grade ex03 --submission out --variant bob\n');
    expect(exportedText('en', [{ node: 'host', commands: 1 }], { ...to, variant: null })).toBe('Wrote host.sh (1 command) to out.\nGrade it in a fresh lab: npx grade ex03 --submission out\n');
    expect(exportedText('ko', files, to)).toBe('out에 내보냈습니다: host.sh(명령 3개), red.sh(1개).\n새 랩에서 채점하기: npx grade ex03 --submission out --variant bob\n');
  });

  test('the errors with no lab and with nothing to export', () => {
    expect(cliText('en', 'noHistoryLab', { id: 'ex03' })).toBe('No ex03 lab is running, so there is no shell history: start it with `grade start ex03`.');
    expect(cliText('ko', 'noHistoryOnNode', { id: 'ex03', node: 'red' })).toBe(
      'ex03 랩의 red 노드에 아직 기록된 명령이 없습니다. grade는 `grade shell ex03 red`에서 입력한 명령을 기록합니다.',
    );
  });
});

describe('grade exNN --watch', () => {
  const fail = loadFixture('ex01-fail');
  const pass = loadFixture('ex01-pass');
  const ko = { title: '기본 게이트웨이', summary: '요약', checks: Object.fromEntries(pass.checks.map((c) => [c.id, { title: `한국어 ${c.id}` }])) };
  const exercise = exerciseOf({ texts: { ko } });
  const localized = (r: GradeResult, lang: 'en' | 'ko') => localizeResult(r, exercise, lang);

  test('without a terminal: English as before, Korean in the localized result', () => {
    const first = watchUpdate(localized(fail, 'en'), [], true, plain);
    expect(first).toMatch(/^Watching ex01: 7\/10 points, \d+ of \d+ checks pass; checking again every 3 s and after each command; Ctrl-C stops watching, the lab keeps running\.\n$/);
    const changes = checkChanges(fail.checks, pass.checks);
    const done = watchUpdate(localized(pass, 'en'), changes, false, plain);
    expect(done).toMatch(/▲ now passing {2}\S/);
    expect(done.trimEnd().split('\n').at(-1)).toBe(`Every check of ex01 passes (${pass.score.earned}/${pass.score.possible} points): stopped watching.`);
    // As the loop does it: the changes between two localized results.
    const koDone = watchUpdate(localized(pass, 'ko'), checkChanges(localized(fail, 'ko').checks, localized(pass, 'ko').checks), false, plain);
    expect(koDone).toMatch(/▲ 이제 통과 {2}한국어 /);
    expect(koDone).toContain(`ex01의 모든 검사를 통과했습니다(${pass.score.earned}/${pass.score.possible}점). 지켜보기를 멈췄습니다.`);
  });

  test('on a terminal: status, changes and the checklist all in the learner language', () => {
    const changes = checkChanges(fail.checks, pass.checks);
    const show = { c: plain, color: false, verbose: false };
    const en = watchScreen(localized(pass, 'en'), changes, show);
    expect(en).toMatch(/^Every check passes: stopped watching\.\n\nChanged since the last check:\n {2}▲ now passing/);
    const koScreen = watchScreen(localized(pass, 'ko'), changes, show);
    expect(koScreen).toMatch(/^모든 검사를 통과했습니다\. 지켜보기를 멈췄습니다\.\n\n지난 검사 이후 바뀐 항목:\n {2}▲ 이제 통과/);
    expect(koScreen).toContain('ex01 · 기본 게이트웨이');
    expect(koScreen).not.toMatch(/points|Checks/);
    const koWatching = watchScreen(localized(fail, 'ko'), [], show).split('\n')[0]!;
    expect(koWatching).toMatch(/^ex01 지켜보는 중: \d\d:\d\d:\d\d에 검사했습니다\. 3초마다/);
    expect(HANGUL.test(koWatching)).toBe(true);
  });
});
