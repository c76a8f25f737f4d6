// What the learner's commands (start, shell, check, stop, list, doctor) say, in every language grade
// speaks. Teacher-facing commands (batch, merge, verify) and the loader's file errors stay English.

import { say, type Lang, type Texts } from '../core/lang.js';

const CLI_TEXTS = {
  noLabToCheck: {
    en: 'No {id} lab is running: start one with `grade start {id}`, or grade a folder with `grade {id} --submission DIR`.',
    ko: '실행 중인 {id} 랩이 없습니다. `grade start {id}`로 랩을 시작하거나, `grade {id} --submission DIR`로 명령 파일 폴더를 채점하세요.',
  },
  noLabForShell: {
    en: 'No {id} lab is running: start it with `grade start {id}`.',
    ko: '실행 중인 {id} 랩이 없습니다. 먼저 `grade start {id}`로 랩을 시작하세요.',
  },
  noSuchNode: {
    en: '{id} has no node "{node}"; its nodes are {nodes}.',
    ko: '{id}에는 "{node}"라는 노드가 없습니다. 이 실습의 노드: {nodes}.',
  },
  alreadyRunning: {
    en: '{id} is already running{variant}: open a shell with `grade shell {id} {node}`, check it with `grade {id}`, or remove it with `grade stop {id}`.',
    ko: '{id} 랩은 이미 실행 중입니다{variant}. `grade shell {id} {node}`로 셸을 열거나, `grade {id}`로 채점하거나, `grade stop {id}`로 랩을 지우세요.',
  },
  variantWords: { en: ' (variant {id})', ko: ' (변형 {id})' },
  running: { en: '{id} is running{variant}.', ko: '{id} 랩이 실행 중입니다{variant}.' },
  nodes: { en: 'Nodes:', ko: '노드:' },
  noAddress: { en: '(no address)', ko: '(주소 없음)' },
  interfaceOn: { en: '{if} {addresses} on {network}', ko: '{if} {addresses} ({network} 네트워크)' },
  openShell: { en: 'Open a shell on a node:', ko: '노드에서 셸 열기:' },
  checkWork: { en: 'Check your work:', ko: '채점 받기:' },
  removeLab: { en: 'Remove the lab:', ko: '랩 지우기:' },
  nothingToStop: { en: 'No {id} lab is running; nothing to stop.', ko: '실행 중인 {id} 랩이 없어서 멈출 것이 없습니다.' },
  removed: { en: 'Removed the {id} lab ({lab}).', ko: '{id} 랩({lab})을 지웠습니다.' },
  stopping: { en: 'Stopping: removing the lab...', ko: '멈추는 중: 랩을 지우고 있습니다...' },
  points: { en: '{n} pts', ko: '{n}점' },
  concepts: { en: 'concepts:', ko: '개념:' },
  lesson: { en: 'lesson:', ko: '강의:' },
  doctorFix: {
    en: 'Fix each ✘ with the command after →, then run `grade doctor` again.',
    ko: '✘ 표시된 항목은 → 뒤의 명령으로 고친 다음 `grade doctor`를 다시 실행하세요.',
  },
} as const satisfies Record<string, Texts>;

export type CliKey = keyof typeof CLI_TEXTS;

/** A learner-facing message of the CLI in `lang`. */
export function cliText(lang: Lang, key: CliKey, vars?: Readonly<Record<string, string | number>>): string {
  return say(CLI_TEXTS[key], lang, vars);
}
