import type { Texts } from '../core/lang.js';
import type { CheckStatus, CommandRecord, GradeStatus } from '../core/result.js';

// The words and marks every human-readable report uses, so the terminal and HTML say the same thing.
export const CHECK_MARK: Record<CheckStatus, string> = { pass: '✔', fail: '✘', error: '!' };

/** A whole run's status, as the badge shows it. */
export const GRADE_STATUS_WORDS: Record<GradeStatus, Texts> = {
  pass: { en: 'PASS', ko: '통과' },
  fail: { en: 'FAIL', ko: '실패' },
  error: { en: 'ERROR', ko: '오류' },
};

/** One check's status, in words. */
export const CHECK_STATUS_WORDS: Record<CheckStatus, Texts> = {
  pass: { en: 'passed', ko: '통과' },
  fail: { en: 'failed', ko: '실패' },
  error: { en: 'could not run', ko: '실행 불가' },
};

export const COMMAND_WORDS: Record<CommandRecord['status'], Texts> = {
  ok: { en: 'ok', ko: '성공' },
  failed: { en: 'failed', ko: '실패' },
  'timed-out': { en: 'timed out', ko: '시간 초과' },
  'not-run': { en: 'not run', ko: '실행 안 됨' },
  'syntax-error': { en: 'syntax error', ko: '문법 오류' },
};

/** The English command words (for the reports that speak English only). */
export const COMMAND_WORD = Object.fromEntries(Object.entries(COMMAND_WORDS).map(([k, v]) => [k, v.en])) as Record<CommandRecord['status'], string>;
