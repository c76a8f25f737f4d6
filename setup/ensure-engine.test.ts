import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDockerd } from './ensure-engine.js';

describe('startDockerd', () => {
  let dir: string | undefined;
  let pid: number | undefined;
  afterEach(() => {
    if (pid) process.kill(pid, 'SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the daemon detached, in its own session, with its output in the log file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'grade-dockerd-'));
    const fake = join(dir, 'dockerd');
    // Stands in for dockerd: reports its session id, then stays up like a daemon.
    writeFileSync(fake, '#!/bin/sh\necho "started sid=$(ps -o sid= -p $$ | tr -d " ")"\necho oops >&2\nexec sleep 30\n');
    chmodSync(fake, 0o755);
    const log = join(dir, 'dockerd.log');
    pid = startDockerd(fake, log);
    expect(pid).toBeGreaterThan(0);
    let text = '';
    for (let i = 0; i < 50 && !text.includes('oops'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      text = readFileSync(log, 'utf8');
    }
    expect(text).toContain(`started sid=${pid}`);
    expect(text).toContain('oops');
  });
});
