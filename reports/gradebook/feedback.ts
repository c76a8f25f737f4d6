// feedback/<learner>/<exercise>.md: what a teacher hands back to each learner. The score, what passed
// (briefly), and for each failed check its title, what was observed and its hint; never the expected
// answer, the reference commands or the grader's evidence. A submission that could not be graded says
// what was wrong with it and what a submission must look like. Learner-controlled text (names, ids,
// observed output) is escaped or fenced, so it cannot turn into links, HTML or formatting.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import { entryReportDir } from '../../core/batch-entry.js';
import type { GradeResult } from '../../core/result.js';
import { points } from './entry-status.js';
import type { GradebookFile, GradebookOptions, GradebookOutput } from './types.js';

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
  const head = [`# ${mdText(exercise.id)} ${mdText(exercise.title)}`, '', `Feedback for ${who}.`, ''];
  const body = entry.result === null ? invalidBody(entry) : resultBody(entry.result, exercise);
  return [...head, ...body].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function invalidBody(entry: BatchEntry): string[] {
  return [
    '**Not graded: your submission could not be graded.**',
    '',
    'What was wrong:',
    '',
    `> ${mdText(entry.invalid ?? 'the submission could not be read')}`,
    '',
    'What is expected: one file per node you configure, named after the node (`<node>.sh`, for instance `host-a.sh`), ' +
      'holding the commands you typed on that node, one after another. Files for other nodes, or for the nodes the lab runs, are not allowed. ' +
      'Fix the submission and hand it in again.',
  ];
}

function resultBody(result: GradeResult, exercise: GradebookExercise): string[] {
  const passed = result.checks.filter((c) => c.status === 'pass');
  const failed = result.checks.filter((c) => c.status === 'fail');
  const notChecked = result.checks.filter((c) => c.status === 'error');
  const lines = [`**Score: ${points(result.score.earned)} / ${points(exercise.possible)} points.**`, ''];
  if (result.status === 'error') {
    lines.push('The grader could not finish this run. This is not your fault: your teacher will grade it again.', '');
  }
  if (passed.length > 0) {
    lines.push(`Passed (${passed.length} of ${result.checks.length}): ${passed.map((c) => c.title).join('; ')}.`, '');
  }
  if (failed.length > 0) {
    lines.push('## What to fix', '');
    for (const check of failed) {
      lines.push(`### ${check.title}`, '', 'What the grader saw:', '', ...fenced(check.observed), '');
      if (check.hint) lines.push(`Hint: ${check.hint}`, '');
    }
  } else if (result.status === 'pass') {
    lines.push('Every check passed. Well done.', '');
  }
  if (notChecked.length > 0) {
    lines.push('## Not checked (not your fault)', '', ...notChecked.map((c) => `- ${c.title}`), '');
  }
  return lines;
}

/** Text set in a code block whose fence is longer than any run of backticks inside it. */
function fenced(text: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, text.replace(/\s+$/, ''), fence];
}

/** Inline text that Markdown shows as written: no emphasis, links, code spans or HTML. */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#|~!&]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`))
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}
