// The sentences grading itself says in a check's lines (a check that could not run, a node that ran
// out of its budget), and the catalogue a report renders every said line from.

import { CHECK_WORDS } from '../checks/words/catalogue.js';
import type { Texts } from '../core/lang.js';
import type { Catalogue } from '../core/said.js';
import { renderSaid } from '../core/said.js';
import { TRACE_WORDS } from './trace/trace-words.js';
import type { Said, SaidParam } from '../core/result.js';

export const GRADING_WORDS = {
  'grading.could-not-run': { en: 'the check could not run: {why}', ko: '검사를 실행하지 못했습니다: {why}' },
  'grading.title': { en: '{title}', ko: '{title}' },
  'budget.exhausted': { en: '{node}: {parts}', ko: '{node}: {parts}' },
  'budget.and': { en: '{first}, and {second}', ko: '{first}. 또한 {second}' },
  'budget.out-of-memory': {
    en: 'the node ran out of memory (the kernel killed {count} of its processes)',
    ko: '노드의 메모리가 바닥났습니다(커널이 노드의 프로세스 {count}개를 강제 종료했습니다)',
  },
  'budget.out-of-processes-one': { en: 'the node ran out of processes (1 fork refused at its limit)', ko: '노드의 프로세스 수가 한도에 닿았습니다(한도 때문에 fork 1번이 거부되었습니다)' },
  'budget.out-of-processes': {
    en: 'the node ran out of processes ({count} forks refused at its limit)',
    ko: '노드의 프로세스 수가 한도에 닿았습니다(한도 때문에 fork {count}번이 거부되었습니다)',
  },
  'budget.then': { en: '{why}; {observed}', ko: '{why}; {observed}' },
} as const satisfies Record<string, Texts>;

export type GradingWordId = keyof typeof GRADING_WORDS;

/** Every sentence a result's said lines may name. */
export const RESULT_WORDS: Catalogue = { ...CHECK_WORDS, ...GRADING_WORDS, ...TRACE_WORDS };

/** A grading sentence, with the English text the result keeps. */
export function gradingLine(id: GradingWordId, params: Readonly<Record<string, SaidParam>> = {}): { text: string; said: Said } {
  const said: Said = { id, params };
  return { text: renderSaid(said, 'en', RESULT_WORDS)!, said };
}
