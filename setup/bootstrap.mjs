// `npm run setup`: dependencies, build, then the engine and images (dist/setup/setup-cli.js).
// Runs on a fresh clone before node_modules exists, so it uses Node built-ins only.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const BUILD_STAMP = join(root, 'dist', '.setup-build-ok');
const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const green = (s) => (tty ? `\x1b[32m${s}\x1b[39m` : s);
const red = (s) => (tty ? `\x1b[31m${s}\x1b[39m` : s);
const dim = (s) => (tty ? `\x1b[2m${s}\x1b[22m` : s);

class StepError extends Error {
  constructor(message, output = '') {
    super(message);
    this.output = output;
  }
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Run a command in the project folder, capturing its output; resolves with it, rejects with StepError. */
function run(cmd, args, what) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => reject(new StepError(`${what} could not start (${err.message}).`)));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new StepError(`${what} failed (exit ${code}).`, output))));
  });
}

async function step(name, work) {
  const t0 = Date.now();
  try {
    const summary = await work();
    console.log(`${green('✔')} ${name.padEnd(12)} ${summary} ${dim(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`)}`);
  } catch (err) {
    for (const line of explain(err.output ?? '')) console.error(dim(`    | ${line}`));
    console.error(`${red('✘')} ${name.padEnd(12)} ${err.message} Fix that, then re-run \`npm run setup\`.`);
    process.exit(1);
  }
}

/** The lines of a failed command worth showing: its first error lines (npm and tsc put the cause first), else its end. */
function explain(output) {
  const lines = output.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));
  const errors = lines.filter((l) => /\berror\b/i.test(l));
  return errors.length > 0 ? errors.slice(0, 12) : lines.slice(-20);
}

function checkNode() {
  const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node ?? '>=20.5';
  const [, needMajor = '0', needMinor = '0'] = /(\d+)(?:\.(\d+))?/.exec(wanted) ?? [];
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < Number(needMajor) || (major === Number(needMajor) && minor < Number(needMinor))) {
    throw new StepError(`Node ${process.versions.node} is too old: grade needs ${wanted}.`);
  }
  return `v${process.versions.node}`;
}

async function dependencies() {
  const lock = join(root, 'package-lock.json');
  const installed = mtime(join(root, 'node_modules', '.package-lock.json'));
  const wanted = Math.max(mtime(lock) ?? 0, mtime(join(root, 'package.json')) ?? 0);
  if (installed !== undefined && installed >= wanted) return 'up to date';
  // Not `npm ci`: lock files written without registry addresses lack other platforms' optional
  // packages, which npm ci rejects. `npm install --no-save` installs the locked versions all the same.
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund'], '`npm install`');
  return 'installed the locked versions with npm install';
}

/** Newest modification time among the files the build reads. */
function newestSource() {
  const config = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
  let newest = Math.max(mtime(join(root, 'tsconfig.json')) ?? 0, mtime(join(root, 'package-lock.json')) ?? 0);
  const walk = (dir) => {
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts') || e.name.endsWith('.json')) newest = Math.max(newest, mtime(path) ?? 0);
    }
  };
  for (const dir of config.include ?? []) walk(join(root, dir));
  return newest;
}

async function build() {
  const stamp = mtime(BUILD_STAMP);
  if (stamp !== undefined && stamp >= newestSource() && existsSync(join(root, 'dist', 'setup', 'setup-cli.js'))) return 'up to date';
  const started = new Date();
  await run('npm', ['run', '--silent', 'build'], 'The TypeScript build (`npm run build`)');
  writeFileSync(BUILD_STAMP, `${started.toISOString()}\n`);
  utimesSync(BUILD_STAMP, started, started); // a source saved during the build stays newer than the stamp
  return 'compiled with tsc';
}

await step('node', async () => checkNode());
await step('dependencies', dependencies);
await step('build', build);

// The engine and images: set-up written in TypeScript, now compiled. It prints its own lines.
const child = spawn(process.execPath, [join(root, 'dist', 'setup', 'setup-cli.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
