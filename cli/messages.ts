// What the learner's commands (start, shell, check, stop, list, doctor, reset, watch, history, export)
// say, in every language grade speaks. Teacher-facing commands (batch, merge, verify) and the loader's file errors stay English.

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
  // grade reset
  seconds: { en: '{n} s', ko: '{n}초' },
  nodeReset: {
    en: '{node} of {id} is back as the lab started it ({time}); the other nodes kept their state.',
    ko: '{id}의 {node} 노드를 랩을 시작했을 때 상태로 되돌렸습니다({time}). 다른 노드는 그대로입니다.',
  },
  nodeResetServices: {
    en: '{node} of {id} is back as the lab started it, its services running again ({time}); the other nodes kept their state.',
    ko: '{id}의 {node} 노드를 랩을 시작했을 때 상태로 되돌리고 서비스도 다시 실행했습니다({time}). 다른 노드는 그대로입니다.',
  },
  labReset: {
    en: '{id} is a fresh lab again{variant} ({lab}, {time}): every node is as `grade start` made it.',
    ko: '{id} 랩{variant}을 새 랩으로 되돌렸습니다({lab}, {time}). 모든 노드가 `grade start`로 처음 만든 상태입니다.',
  },
  labResetKeptOne: {
    en: '{id} is a fresh lab again{variant} ({lab}, {time}): every node is as `grade start` made it; your shell history (1 command) is kept.',
    ko: '{id} 랩{variant}을 새 랩으로 되돌렸습니다({lab}, {time}). 모든 노드가 `grade start`로 처음 만든 상태이고, 셸 기록(명령 1개)은 그대로 남아 있습니다.',
  },
  labResetKept: {
    en: '{id} is a fresh lab again{variant} ({lab}, {time}): every node is as `grade start` made it; your shell history ({n} commands) is kept.',
    ko: '{id} 랩{variant}을 새 랩으로 되돌렸습니다({lab}, {time}). 모든 노드가 `grade start`로 처음 만든 상태이고, 셸 기록(명령 {n}개)은 그대로 남아 있습니다.',
  },
  // grade exNN --watch
  noLabToWatch: {
    en: 'No {id} lab is running: start one with `grade start {id}`, then watch it with `grade {id} --watch`.',
    ko: '실행 중인 {id} 랩이 없습니다. `grade start {id}`로 랩을 시작한 다음 `grade {id} --watch`로 지켜보세요.',
  },
  watchOtherVariant: {
    en: 'The running {id} lab is variant "{running}", not "{variant}"; watch it without --variant.',
    ko: '실행 중인 {id} 랩은 "{variant}" 변형이 아니라 "{running}" 변형입니다. --variant 없이 `grade {id} --watch`로 지켜보세요.',
  },
  watchLessonVariant: {
    en: 'The running {id} lab is the lesson\'s own, not "{variant}"; watch it without --variant.',
    ko: '실행 중인 {id} 랩은 "{variant}" 변형이 아니라 실습의 기본 랩입니다. --variant 없이 `grade {id} --watch`로 지켜보세요.',
  },
  stoppedWatching: {
    en: 'Stopped watching; the {id} lab keeps running (`grade stop {id}` removes it).',
    ko: '지켜보기를 멈췄습니다. {id} 랩은 계속 실행됩니다(`grade stop {id}`로 지울 수 있습니다).',
  },
  labGone: {
    en: 'The {id} lab is no longer running (`grade stop`?); stopped watching.',
    ko: '{id} 랩이 더 이상 실행 중이 아닙니다(`grade stop`을 실행했나요?). 지켜보기를 멈췄습니다.',
  },
  couldNotCheck: { en: 'could not check: {error}', ko: '검사하지 못했습니다: {error}' },
  watching: {
    en: 'Watching {id}: checked at {time}, again every {s} s and after each command; Ctrl-C stops watching, the lab keeps running.',
    ko: '{id} 지켜보는 중: {time}에 검사했습니다. {s}초마다, 그리고 명령이 끝날 때마다 다시 검사합니다. Ctrl-C를 누르면 지켜보기를 멈추고, 랩은 계속 실행됩니다.',
  },
  watchingFirst: {
    en: 'Watching {id}: {score}; checking again every {s} s and after each command; Ctrl-C stops watching, the lab keeps running.',
    ko: '{id} 지켜보는 중: {score}. {s}초마다, 그리고 명령이 끝날 때마다 다시 검사합니다. Ctrl-C를 누르면 지켜보기를 멈추고, 랩은 계속 실행됩니다.',
  },
  watchScore: {
    en: '{earned}/{possible} points, {passing} of {total} checks pass',
    ko: '{earned}/{possible}점, 검사 {total}개 중 {passing}개 통과',
  },
  changedSince: { en: 'Changed since the last check:', ko: '지난 검사 이후 바뀐 항목:' },
  nowPassing: { en: '▲ now passing', ko: '▲ 이제 통과' },
  nowFailing: { en: '▼ now failing', ko: '▼ 이제 실패' },
  nowUndecided: { en: '? undecided', ko: '? 판정 못 함' },
  allPassStopped: { en: 'Every check passes: stopped watching.', ko: '모든 검사를 통과했습니다. 지켜보기를 멈췄습니다.' },
  allPassStoppedScore: {
    en: 'Every check of {id} passes ({earned}/{possible} points): stopped watching.',
    ko: '{id}의 모든 검사를 통과했습니다({earned}/{possible}점). 지켜보기를 멈췄습니다.',
  },
  // grade history, grade export
  noHistoryLab: {
    en: 'No {id} lab is running, so there is no shell history: start it with `grade start {id}`.',
    ko: '실행 중인 {id} 랩이 없어서 셸 기록도 없습니다. 먼저 `grade start {id}`로 랩을 시작하세요.',
  },
  noHistory: {
    en: 'No commands recorded in the {id} lab yet; grade records what you type in `grade shell {id} NODE`.',
    ko: '{id} 랩에 아직 기록된 명령이 없습니다. grade는 `grade shell {id} NODE`에서 입력한 명령을 기록합니다.',
  },
  noHistoryOnNode: {
    en: 'No commands recorded on {node} in the {id} lab yet; grade records what you type in `grade shell {id} {node}`.',
    ko: '{id} 랩의 {node} 노드에 아직 기록된 명령이 없습니다. grade는 `grade shell {id} {node}`에서 입력한 명령을 기록합니다.',
  },
  historyOk: { en: 'ok', ko: '성공' },
  historyExit: { en: 'exit {code}', ko: '종료 코드 {code}' },
  historyUnfinished: { en: 'unfinished', ko: '끝나지 않음' },
  nothingToExport: {
    en: 'No commands were recorded on {nodes} in the {id} lab, so there is nothing to export; type them in `grade shell {id} NODE`.',
    ko: '{id} 랩의 {nodes} 노드에 기록된 명령이 없어서 내보낼 것이 없습니다. 먼저 `grade shell {id} NODE`에서 명령을 입력하세요.',
  },
  nothingChangedToExport: {
    en: 'No commands that change anything were recorded on {nodes} in the {id} lab, so there is nothing to export; type them in `grade shell {id} NODE`.',
    ko: '{id} 랩의 {nodes} 노드에 무언가를 바꾸는 명령이 기록되지 않아서 내보낼 것이 없습니다. 먼저 `grade shell {id} NODE`에서 명령을 입력하세요.',
  },
  exportToFile: {
    en: '{dir} is a file; give a folder for the exported <node>.sh files.',
    ko: '{dir} 자리에 이미 파일이 있습니다. 내보낸 <node>.sh 파일을 담을 폴더를 지정하세요.',
  },
  exportTakenOne: {
    en: '{file} already exists in {dir}; pass --force to overwrite it.',
    ko: '{dir}에 {file} 파일이 이미 있습니다. 덮어쓰려면 --force를 붙이세요.',
  },
  exportTaken: {
    en: '{files} and {last} already exist in {dir}; pass --force to overwrite them.',
    ko: '{dir}에 {files}, {last} 파일이 이미 있습니다. 덮어쓰려면 --force를 붙이세요.',
  },
  exportTooLarge: {
    en: '{file} is larger than the {kib} KiB a submission file may be; shorten it before grading it.',
    ko: '{file} 파일이 제출 파일의 최대 크기 {kib} KiB보다 큽니다. 채점하기 전에 줄이세요.',
  },
  exportedFileOne: { en: '{file} ({n} command)', ko: '{file}(명령 {n}개)' },
  exportedFileFirst: { en: '{file} ({n} commands)', ko: '{file}(명령 {n}개)' },
  exportedFile: { en: '{file} ({n})', ko: '{file}({n}개)' },
  exported: { en: 'Wrote {files} to {dir}.', ko: '{dir}에 내보냈습니다: {files}.' },
  gradeExported: { en: 'Grade it in a fresh lab: {command}', ko: '새 랩에서 채점하기: {command}' },
} as const satisfies Record<string, Texts>;

export type CliKey = keyof typeof CLI_TEXTS;

/** Every key of the catalog, for tests that each has its texts. */
export const CLI_KEYS = Object.keys(CLI_TEXTS) as readonly CliKey[];

/** A learner-facing message of the CLI in `lang`. */
export function cliText(lang: Lang, key: CliKey, vars?: Readonly<Record<string, string | number>>): string {
  return say(CLI_TEXTS[key], lang, vars);
}
