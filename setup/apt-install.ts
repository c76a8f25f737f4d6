import { execa } from 'execa';
import { isRoot } from './system.js';
import { SetupError, tailLines, type Log } from './setup-error.js';

let updated = false;

/** `apt-get update` (once per run) then a non-interactive `apt-get install -y`. Needs root. */
export async function aptInstall(packages: readonly string[], log: Log): Promise<void> {
  const cmd = `apt-get install -y ${packages.join(' ')}`;
  if (!isRoot()) throw new SetupError(`Installing ${packages.join(', ')} needs root.`, `sudo ${cmd}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!updated) {
    log('apt-get update');
    const r = await execa('apt-get', ['update'], { env, all: true, reject: false, stdin: 'ignore' });
    if (r.exitCode !== 0) throw new SetupError('`apt-get update` failed; check the apt sources and the network.', 'apt-get update', tailLines(r.all ?? ''));
    updated = true;
  }
  log(cmd);
  const r = await execa('apt-get', ['install', '-y', ...packages], { env, all: true, reject: false, stdin: 'ignore' });
  if (r.exitCode !== 0) throw new SetupError(`\`${cmd}\` failed.`, cmd, tailLines(r.all ?? ''));
}
