import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { encodeBatch, parseBatch } from './exec-batch.js';

// The words of each line, as runner/image/exec-batch.sh's `eval "cmd=($argv)"` sees them.
function wordsInBash(batch: string): string[][] {
  const script = `while IFS=$'\\t' read -r id secs stage argv env; do eval "cmd=($argv)"; eval "vars=($env)"; printf '%s\\0' "\${cmd[@]}" "--" "\${vars[@]}"; printf '\\1'; done <<<"$GRADE_BATCH"`;
  const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { GRADE_BATCH: batch } });
  expect(run.status).toBe(0);
  return run.stdout.split('\x01').filter(Boolean).map((record) => record.split('\0').slice(0, -1));
}

describe('encodeBatch', () => {
  test('every argument and variable reaches bash intact: quotes, $, backslashes, tabs, newlines', () => {
    const tricky = `it's $HOME \`id\` "x" \\n a\tb\nline2\r\n\\`;
    const batch = encodeBatch([
      { argv: ['/usr/local/sbin/grade-enter', 'node', 'host-a', 'bash', '-c', tricky], timeoutMs: 120_000, env: { GRADE_SCRIPT: tricky } },
      { argv: ['ip', '-br', 'addr'], timeoutMs: 10_000 },
    ]);
    expect(batch.split('\n')).toHaveLength(2);
    expect(wordsInBash(batch)).toEqual([
      ['/usr/local/sbin/grade-enter', 'node', 'host-a', 'bash', '-c', tricky, '--', `GRADE_SCRIPT=${tricky}`],
      ['ip', '-br', 'addr', '--'],
    ]);
  });
});

describe('parseBatch', () => {
  const b64 = (t: string) => Buffer.from(t).toString('base64');
  test('results in request order, with exit status, time-outs and truncation', () => {
    const out = ['noise', `M 1 0 0 12 3 0`, b64('two'), '', `M 0 137 1 5000 70000 2`, b64('x'.repeat(10)), b64('e\n')].join('\n');
    const [first, second] = parseBatch(out, 'M', 2, 10);
    expect(first).toMatchObject({ exitCode: null, timedOut: true, truncated: true, stdout: 'x'.repeat(10), stderr: 'e\n', durationMs: 5000 });
    expect(second).toMatchObject({ exitCode: 0, timedOut: false, truncated: false, stdout: 'two', output: 'two' });
  });
  test('a request the lab did not answer is an error, not an empty result', () => {
    expect(() => parseBatch(`M 0 0 0 1 0 0\n\n`, 'M', 2, 10)).toThrow(/no result for batched command 1/);
  });
});
