// feedback/<learner>/<exercise>.md: what a teacher hands back to each learner. The score, what passed
// (briefly), and for each failed check its title, what was observed and its hint; never the expected
// answer, the reference commands or the grader's evidence. A submission that could not be graded says
// what was wrong with it and what a submission must look like. Learner-controlled text (names, ids,
// observed output) is escaped or fenced, so it cannot turn into links, HTML or formatting.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import { entryReportDir } from '../../core/batch-entry.js';
import { say, type Lang, type Texts } from '../../core/lang.js';
import type { GradeResult } from '../../core/result.js';
import { visibleLine, visibleText } from '../../reports/visible-text.js';
import { points } from './entry-status.js';
import type { GradebookFile, GradebookOptions, GradebookOutput } from './types.js';

// The fixed words of a feedback file, in the language the batch ran in (`grade batch --lang ko`).
const FEEDBACK = {
  feedbackFor: { en: 'Feedback for {who}.', ko: '{who} 님께 드리는 피드백입니다.' },
  notGraded: { en: '**Not graded: your submission could not be graded.**', ko: '**채점하지 못함: 제출물을 채점할 수 없었습니다.**' },
  whatWasWrong: { en: 'What was wrong:', ko: '무엇이 문제였나요:' },
  whatIsExpected: {
    en:
      'What is expected: one file per node you configure, named after the node (`<node>.sh`, for instance `host-a.sh`), ' +
      'holding the commands you typed on that node, one after another. Files for other nodes, or for the nodes the lab runs, are not allowed. ' +
      'Fix the submission and hand it in again.',
    ko:
      '제출물의 모양: 여러분이 설정하는 노드마다 노드 이름을 딴 파일 하나(`<node>.sh`, 예: `host-a.sh`)에 그 노드에서 입력한 명령을 순서대로 적습니다. ' +
      '다른 노드나 실습 환경이 운영하는 노드의 파일은 받지 않습니다. 제출물을 고쳐 다시 제출하세요.',
  },
  score: { en: '**Score: {earned} / {possible} points.**', ko: '**점수: {earned} / {possible}점.**' },
  notYourFault: {
    en: 'The grader could not finish this run. This is not your fault: your teacher will grade it again.',
    ko: '채점기가 이번 채점을 끝까지 하지 못했습니다. 여러분의 잘못이 아닙니다. 선생님이 다시 채점할 것입니다.',
  },
  passed: { en: 'Passed ({n} of {total}): {titles}.', ko: '통과 ({total}개 중 {n}개): {titles}.' },
  whatToFix: { en: '## What to fix', ko: '## 고칠 것' },
  whatTheGraderSaw: { en: 'What the grader saw:', ko: '채점기가 본 것:' },
  hint: { en: 'Hint: {hint}', ko: '힌트: {hint}' },
  wellDone: { en: 'Every check passed. Well done.', ko: '모든 검사를 통과했습니다. 잘했습니다.' },
  notChecked: { en: '## Not checked (not your fault)', ko: '## 검사하지 못한 항목 (여러분의 잘못이 아닙니다)' },
} satisfies Record<string, Texts>;

export function feedbackReporter(book: Gradebook, _options: GradebookOptions): GradebookOutput {
  const files: GradebookFile[] = [];
  for (const entry of book.entries) {
    const exercise = book.exercises.find((x) => x.id === entry.exercise);
    if (exercise) files.push({ path: `feedback/${entryReportDir(entry)}.md`, content: renderFeedback(entry, exercise) });
  }
  return { files, warnings: [] };
}

export function renderFeedback(entry: BatchEntry, exercise: GradebookExercise): string {
  const who = entry.displayName === null ? mdText(entry.learner) : `${mdText(entry.displayName)} (${mdText(entry.learner)})`;
  const lang: Lang = entry.result?.lang ?? 'en';
  const title = entry.result?.exercise.title ?? exercise.title;
  const head = [`# ${mdText(exercise.id)} ${mdText(title)}`, '', say(FEEDBACK.feedbackFor, lang, { who }), ''];
  const body = entry.result === null ? invalidBody(entry) : resultBody(entry.result, exercise, lang);
  return [...head, ...body].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function invalidBody(entry: BatchEntry): string[] {
  // An invalid entry has no result to carry a language: the reason is grade's own English sentence.
  const lang: Lang = 'en';
  return [
    say(FEEDBACK.notGraded, lang),
    '',
    say(FEEDBACK.whatWasWrong, lang),
    '',
    `> ${mdText(entry.invalid ?? 'the submission could not be read')}`,
    '',
    say(FEEDBACK.whatIsExpected, lang),
  ];
}

function resultBody(result: GradeResult, exercise: GradebookExercise, lang: Lang): string[] {
  const passed = result.checks.filter((c) => c.status === 'pass');
  const failed = result.checks.filter((c) => c.status === 'fail');
  const notChecked = result.checks.filter((c) => c.status === 'error');
  const lines = [say(FEEDBACK.score, lang, { earned: points(result.score.earned), possible: points(exercise.possible) }), ''];
  if (result.status === 'error') lines.push(say(FEEDBACK.notYourFault, lang), '');
  if (passed.length > 0) {
    lines.push(say(FEEDBACK.passed, lang, { n: passed.length, total: result.checks.length, titles: passed.map((c) => c.title).join('; ') }), '');
  }
  if (failed.length > 0) {
    lines.push(say(FEEDBACK.whatToFix, lang), '');
    for (const check of failed) {
      lines.push(`### ${check.title}`, '', say(FEEDBACK.whatTheGraderSaw, lang), '', ...fenced(check.observed), '');
      if (check.hint) lines.push(say(FEEDBACK.hint, lang, { hint: check.hint }), '');
    }
  } else if (result.status === 'pass') {
    lines.push(say(FEEDBACK.wellDone, lang), '');
  }
  if (notChecked.length > 0) lines.push(say(FEEDBACK.notChecked, lang), '', ...notChecked.map((c) => `- ${c.title}`), '');
  return lines;
}

/** Text set in a code block whose fence is longer than any run of backticks inside it. */
function fenced(text: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, visibleText(text).replace(/\s+$/, ''), fence];
}

/** Inline text that Markdown shows as written: no emphasis, links, code spans or HTML. */
export function mdText(text: string): string {
  return visibleLine(text.replace(/[ \t\n]+/g, ' '))
    .replace(/[\\`*_{}[\]()<>#|~!&]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`))
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}
