// The fixed words of the learner's page and the teacher's dashboard, in every language learners use.
import type { Lang, Texts } from '../core/lang.js';

const TEXTS = {
  resetLab: { en: 'Reset lab', ko: '실습 초기화' },
  resetNode: { en: 'Reset node', ko: '노드 초기화' },
  handIn: { en: 'Hand in', ko: '제출' },
  task: { en: 'Task', ko: '과제' },
  checklist: { en: 'Checklist', ko: '체크리스트' },
  map: { en: 'Map', ko: '토폴로지' },
  report: { en: 'Your hand-in', ko: '제출 결과' },
  lookOnly: { en: 'look only', ko: '보기 전용' },
  lesson: { en: 'Lesson', ko: '수업' },
  connecting: { en: 'Connecting…', ko: '연결 중…' },
  expected: { en: 'expected', ko: '기대' },
  observed: { en: 'observed', ko: '관찰' },
  hint: { en: 'hint', ko: '힌트' },
  because: { en: 'because', ko: '원인' },
  nowPassing: { en: 'now passing', ko: '이제 통과' },
  nowFailing: { en: 'now failing', ko: '이제 실패' },
  handingIn: { en: 'Grading your work in a fresh lab…', ko: '새 실습 환경에서 채점 중…' },
  confirmResetLab: { en: 'Make every node fresh again? Your commands\' history stays.', ko: '모든 노드를 처음 상태로 되돌릴까요? 명령 기록은 남습니다.' },
  dashboard: { en: 'Class dashboard', ko: '수업 대시보드' },
  badLink: { en: 'This link is not valid, or it has expired. Ask your teacher for a new one.', ko: '유효하지 않거나 만료된 링크입니다. 선생님께 새 링크를 요청하세요.' },
  signIn: { en: 'Open your personal join link to sign in.', ko: '개인 참여 링크로 접속하세요.' },
} as const satisfies Record<string, Texts>;

export type PageKey = keyof typeof TEXTS;

export function pageText(lang: Lang, key: PageKey): string {
  return TEXTS[key][lang];
}

/** Every word of a page in one language, for the page's script (sent as JSON, never as markup). */
export function pageWords(lang: Lang): Record<PageKey, string> {
  return Object.fromEntries(Object.entries(TEXTS).map(([k, t]) => [k, t[lang]])) as Record<PageKey, string>;
}

/** The browser's language if it is one learners use (Accept-Language: ko-KR,ko;q=0.9,... -> ko). */
export function browserLang(acceptLanguage: string | undefined): Lang {
  return /^\s*ko\b/i.test(acceptLanguage ?? '') ? 'ko' : 'en';
}
