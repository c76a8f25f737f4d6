import pc from 'picocolors';
import { describe, expect, test } from 'vitest';
import type { BatchEntry } from '../core/batch-entry.js';
import type { GradeResult } from '../core/result.js';
import { BatchProgress } from './batch-progress.js';

const plain = pc.createColors(false);
const result = (status: GradeResult['status'], earned: number): GradeResult =>
  ({ status, score: { earned, possible: 12 }, error: status === 'error' ? 'the engine went away' : null }) as GradeResult;
const entry = (learner: string, r: GradeResult | null): BatchEntry => ({
  learner,
  displayName: null,
  exercise: 'ex01',
  source: learner,
  variant: null,
  result: r,
  invalid: r ? null : 'alice.zip holds a folder, not node files',
});

function run(style: 'live' | 'lines' | 'quiet') {
  const out: string[] = [];
  const progress = new BatchProgress(4, style, plain, (t) => out.push(t));
  progress.add(entry('alice', result('pass', 12)), false);
  progress.add(entry('bob', result('fail', 6)), true);
  progress.add(entry('carol', null), false);
  progress.add(entry('dan', result('error', 0)), false);
  progress.finish();
  return { text: out.join(''), progress };
}

describe('what a batch shows while it runs', () => {
  test('in CI, one plain line per submission, saying which were reused', () => {
    const { text } = run('lines');
    expect(text.split('\n').filter(Boolean)).toEqual([
      '✔ alice ex01  12/12',
      '✘ bob ex01  6/12  (recorded earlier, same submission)',
      '? carol ex01: invalid: alice.zip holds a folder, not node files',
      '! dan ex01  0/12  the engine went away',
    ]);
  });

  test('on a terminal, a status line redrawn in place with done/total, the counts, the rate and an ETA; only what did not pass gets a line above it', () => {
    const { text, progress } = run('live');
    expect(text).not.toContain('✔ alice');
    expect(text).toContain('✘ bob ex01');
    expect(text.match(/\r\x1b\[2K/g)).toHaveLength(4);
    expect(text).toMatch(/1\/4 {2}1 pass · 0 fail · 0 error · 0 invalid {2}[\d.]+\/s {2}ETA/);
    expect(progress.statusLine()).toMatch(/^4\/4 {2}1 pass · 1 fail · 1 error · 1 invalid {2}[\d.]+\/s {2}done in \d+ s$/);
    expect(text.endsWith('\n')).toBe(true);
  });

  test('quiet shows nothing, and still counts', () => {
    const { text, progress } = run('quiet');
    expect(text).toBe('');
    expect(progress.counts).toEqual({ pass: 1, fail: 1, error: 1, invalid: 1, reused: 1 });
  });
});

describe('hostile learner names on the terminal', () => {
  test('escape sequences, CR, BEL, C1 and bidi controls in ids and reasons are spelled out', () => {
    const out: string[] = [];
    const progress = new BatchProgress(2, 'lines', plain, (t) => out.push(t));
    progress.add(entry('\x1b[2K\r✔ mallory\x07', result('fail', 0)), false);
    progress.add({ ...entry('eve\u202e\u009b', null), invalid: 'x\x1b]0;title\x07.sh is not a node file' }, false);
    const text = out.join('');
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(text).toContain('✘ \\x1b[2K\\r✔ mallory\\x07 ex01  0/12');
    expect(text).toContain('? eve\\u202e\\x9b ex01: invalid: x\\x1b]0;title\\x07.sh is not a node file');
  });
});
