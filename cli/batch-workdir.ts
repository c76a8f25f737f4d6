// A batch extracts archives into a work folder inside its output folder: <out>/.work-<pid>. It is
// removed when the batch ends, on every path; a batch killed outright (SIGKILL) cannot do that, so the
// next batch into the same folder removes the work folders of processes that no longer run.

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { alive } from '../runner/reaper.js';

const PREFIX = '.work-';

export interface WorkDir extends AsyncDisposable {
  readonly path: string;
}

export function batchWorkDir(out: string): WorkDir {
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) {
    const pid = Number(name.slice(PREFIX.length));
    if (name.startsWith(PREFIX) && Number.isInteger(pid) && !alive(pid)) rmSync(join(out, name), { recursive: true, force: true });
  }
  const path = join(out, `${PREFIX}${process.pid}`);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { mode: 0o700 });
  // Ctrl-C ends the process from a signal handler (runner/lab-tracker.ts), past any `finally`.
  const remove = () => rmSync(path, { recursive: true, force: true });
  process.once('exit', remove);
  return {
    path,
    [Symbol.asyncDispose]: async () => {
      process.off('exit', remove);
      remove();
    },
  };
}
