import type { CheckStatus, CommandRecord } from '../core/result.js';

// The words and marks every human-readable report uses, so the terminal and HTML say the same thing.
export const CHECK_MARK: Record<CheckStatus, string> = { pass: '✔', fail: '✘', error: '!' };

export const COMMAND_WORD: Record<CommandRecord['status'], string> = {
  ok: 'ok',
  failed: 'failed',
  'timed-out': 'timed out',
  'not-run': 'not run',
  'syntax-error': 'syntax error',
};
