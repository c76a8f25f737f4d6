// The server's state folder (`--state`, default grade-serve/): the signing secret, and the class
// records (the same layout `grade batch --out` writes, so the same output stage makes the gradebooks).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';

export interface ServerState {
  readonly dir: string;
  /** Where hand-ins are recorded and the gradebooks written: a `grade batch --out` folder. */
  readonly classDir: string;
  /** The signing secret, read again when the file changes: `grade serve links --rotate` revokes at once, without a restart. */
  secret(): Buffer;
}

const SECRET_FILE = 'secret';

/** Opens (or makes) the state folder; `rotate` replaces the secret, which revokes every link and session. */
export function openServerState(dir: string, options: { rotate?: boolean } = {}): ServerState {
  const root = resolve(dir);
  try {
    mkdirSync(root, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UserError(`--state ${dir}: cannot make the folder (${(error as Error).message}); pass a folder you can write.`);
  }
  const file = join(root, SECRET_FILE);
  if (options.rotate || !existsSync(file)) {
    // Written whole (a new file renamed over the old) and private: only the server's user may sign links.
    writeFileSync(`${file}.new`, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(`${file}.new`, 0o600);
    renameSync(`${file}.new`, file);
  }
  const classDir = join(root, 'class');
  mkdirSync(classDir, { recursive: true });
  let cached = { stamp: '', secret: readSecret(file) };
  return {
    dir: root,
    classDir,
    secret() {
      const st = statSync(file, { throwIfNoEntry: false });
      const stamp = st ? `${st.mtimeMs}:${st.ino}:${st.size}` : '';
      if (stamp !== cached.stamp) cached = { stamp, secret: st ? readSecret(file) : cached.secret };
      return cached.secret;
    },
  };
}

function readSecret(file: string): Buffer {
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new UserError(`${file} is not a secret grade serve wrote; remove it (every link is then revoked) or run \`grade serve links --rotate\`.`);
  return Buffer.from(hex, 'hex');
}
