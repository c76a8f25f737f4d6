import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../test/support/temp-dir.js';
import { encodeBatch, parseBatch } from './exec-batch.js';
import { ExecBatcher } from './exec-batcher.js';
import type { EngineExecOptions } from './engine.js';
import type { ExecResult } from './lab-exec.js';

afterAll(removeTempDirs);

const SCRIPT = fileURLToPath(new URL('./image/exec-batch.sh', import.meta.url));

/** runner/image/exec-batch.sh itself, run by this machine's bash (it needs only coreutils). */
function runBatchScript(env: Readonly<Record<string, string>>): string {
  const run = spawnSync('bash', [SCRIPT], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
  return run.stdout;
}

/** An engine that runs a batch with the real exec-batch.sh and a lone command with this machine's bash. */
function localRunner(calls: string[][]): (argv: readonly string[], options: EngineExecOptions) => Promise<ExecResult> {
  return async (argv, options) => {
    calls.push([...argv]);
    if (argv[0] === '/usr/local/lib/grade/exec-batch') {
      const stdout = runBatchScript(options.env ?? {});
      return { exitCode: 0, output: stdout, stdout, stderr: '', truncated: false, timedOut: false, durationMs: 0 };
    }
    const run = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
    return { exitCode: run.status, output: run.stdout, stdout: run.stdout, stderr: run.stderr, truncated: false, timedOut: false, durationMs: 0 };
  };
}

describe('exec-batch.sh stages', () => {
  it('runs the first stage to its end before the rest start', () => {
    const dir = tempDir('grade-stage-test-');
    const batch = encodeBatch([
      { argv: ['bash', '-c', `test -e ${dir}/done && echo saw-it || echo too-early`], timeoutMs: 5000 },
      { argv: ['bash', '-c', `mkdir -p ${dir}; sleep 0.3; touch ${dir}/done`], timeoutMs: 5000, first: true },
    ]);
    const out = runBatchScript({ GRADE_BATCH: batch, GRADE_MARK: 'M', GRADE_CAP: '1000' });
    const [reader, writer] = parseBatch(out, 'M', 2, 1000);
    expect(writer!.exitCode).toBe(0);
    expect(reader!.stdout).toBe('saw-it\n');
  });

  it('runs requests of one stage at once', () => {
    const batch = encodeBatch([
      { argv: ['bash', '-c', 'sleep 0.3; echo a'], timeoutMs: 5000 },
      { argv: ['bash', '-c', 'echo b'], timeoutMs: 5000 },
    ]);
    const [a, b] = parseBatch(runBatchScript({ GRADE_BATCH: batch, GRADE_MARK: 'M', GRADE_CAP: '1000' }), 'M', 2, 1000);
    expect([a!.stdout, b!.stdout]).toEqual(['a\n', 'b\n']);
  });
});

describe('exec-batch.sh records', () => {
  it('keeps the first CAP bytes of each part, says the whole size, and an empty part is empty', () => {
    const batch = encodeBatch([
      { argv: ['bash', '-c', 'printf %050d 0; echo oops >&2; exit 3'], timeoutMs: 5000 },
      { argv: ['true'], timeoutMs: 5000 },
    ]);
    const out = runBatchScript({ GRADE_BATCH: batch, GRADE_MARK: 'M', GRADE_CAP: '10' });
    expect(out).toMatch(/^M 0 3 0 \d+ 50 5$/m);
    expect(out).toMatch(/^M 1 0 0 \d+ 0 0\n\n\n/m);
    const [loud, quiet] = parseBatch(out, 'M', 2, 10);
    expect(loud).toMatchObject({ exitCode: 3, stdout: '0'.repeat(10), stderr: 'oops\n', truncated: true });
    expect(quiet).toMatchObject({ exitCode: 0, stdout: '', stderr: '', truncated: false });
  });
});

describe('ExecBatcher.prelude', () => {
  it('sends the prelude with the next command in one exec, and it ends first', async () => {
    const calls: string[][] = [];
    const batcher = new ExecBatcher(localRunner(calls));
    const dir = tempDir('grade-prelude-test-');
    const forgot = batcher.prelude([{ argv: ['bash', '-c', `mkdir -p ${dir}; sleep 0.2; touch ${dir}/forgot`], timeoutMs: 5000, maxOutputBytes: 1000 }]);
    const probe = await batcher.run({ argv: ['bash', '-c', `test -e ${dir}/forgot && echo after`], timeoutMs: 5000, maxOutputBytes: 1000 });
    expect(probe.stdout).toBe('after\n');
    expect((await forgot)?.[0]?.exitCode).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('waits for a command: a prelude alone sends nothing, and a later one replaces it', async () => {
    const calls: string[][] = [];
    const batcher = new ExecBatcher(localRunner(calls));
    const replaced = batcher.prelude([{ argv: ['echo', 'old'], timeoutMs: 5000, maxOutputBytes: 100 }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(0);
    const kept = batcher.prelude([{ argv: ['echo', 'new'], timeoutMs: 5000, maxOutputBytes: 100 }]);
    await batcher.run({ argv: ['echo', 'x'], timeoutMs: 5000, maxOutputBytes: 100 });
    expect(await replaced).toBeNull();
    expect((await kept)?.[0]?.stdout).toBe('new\n');
    expect(calls).toHaveLength(1);
  });

  it('sends a lone command without a prelude as it is', async () => {
    const calls: string[][] = [];
    const batcher = new ExecBatcher(localRunner(calls));
    await batcher.run({ argv: ['echo', 'x'], timeoutMs: 5000, maxOutputBytes: 100 });
    expect(calls).toEqual([['echo', 'x']]);
  });
});
