import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { findCommand } from './system.js';

// `grade` on PATH, so the README's commands need no npx: `npm link` puts a link to bin/grade.js in
// npm's global bin folder. Not a failure when it cannot (no write access): `npx grade` still works.

export type LinkReport = { readonly ok: true; readonly detail: string } | { readonly ok: false; readonly detail: string; readonly fix: string };

/** Whether the `grade` that PATH finds is this package's bin/grade.js. */
export function gradeOnPath(root: string, find: (name: string) => string | undefined = findCommand): boolean {
  const found = find('grade');
  if (!found) return false;
  try {
    return realpathSync(found) === realpathSync(join(root, 'bin', 'grade.js'));
  } catch {
    return false;
  }
}

/** Link this package's `grade` into npm's global bin folder, unless PATH already finds it there. */
export function linkCommand(root: string, env: NodeJS.ProcessEnv = process.env): LinkReport {
  if (gradeOnPath(root)) return { ok: true, detail: 'grade is on PATH already' };
  // Under `npm run setup` npm says where it is; otherwise the npm on PATH.
  const npmCli = env['npm_execpath'];
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'link', '--no-audit', '--no-fund']] : ['npm', ['link', '--no-audit', '--no-fund']];
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', env, timeout: 120_000 });
  if (r.status !== 0) {
    const why = (r.stderr || r.error?.message || `exit ${r.status}`).split('\n').find((l) => /error|EACCES/i.test(l)) ?? `exit ${r.status}`;
    return { ok: false, detail: `npm link could not put grade on PATH (${why.replace(/^npm error /, '').trim()}); use \`npx grade\` meanwhile`, fix: `cd ${root} && sudo npm link` };
  }
  if (gradeOnPath(root)) return { ok: true, detail: 'linked with npm link: `grade` runs this copy' };
  const prefix = spawnSync(command, [...(npmCli ? [npmCli] : []), 'prefix', '-g'], { encoding: 'utf8', env }).stdout?.trim();
  return { ok: false, detail: `npm link made ${prefix ? join(prefix, 'bin', 'grade') : 'a link'}, but that folder is not on PATH`, fix: `export PATH="${prefix ? join(prefix, 'bin') : '$(npm prefix -g)/bin'}:$PATH"` };
}
