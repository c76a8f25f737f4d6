import { openSync, readFileSync, closeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import type { Engine } from '../runner/engine.js';
import { aptInstall } from './apt-install.js';
import { describeAddress, engineAddress, isLocalDefaultEngine } from './engine-address.js';
import { isDebianLike, osDisplayName, readOsRelease } from './os-release.js';
import { SetupError, tailLines, type Log } from './setup-error.js';
import { findCommand, isRoot, processRunning } from './system.js';

export const DOCKERD_LOG = '/var/log/grade-dockerd.log';
const START_TIMEOUT_MS = 30_000;

export interface EngineReport {
  readonly action: 'already running' | 'started' | 'installed and started';
  readonly address: string;
  readonly version: string;
  readonly apiVersion: string;
}

/** Make the Docker engine answer: install docker.io (Debian/Ubuntu, root) and start dockerd when needed. */
export async function ensureEngine(engine: Engine, log: Log): Promise<EngineReport> {
  const address = engineAddress();
  const where = describeAddress(address);
  const first = await engine.probe(3000);
  if (first.ok) return { action: 'already running', ...(await versions(engine, where)) };

  if (first.code === 'EACCES') {
    throw new SetupError(
      `The Docker engine at ${where} is running but this user may not use it.`,
      'sudo usermod -aG docker "$USER"  # then log in again and re-run: npm run setup',
    );
  }
  if (!isLocalDefaultEngine(address)) {
    throw new SetupError(
      `The Docker engine at ${where} (from DOCKER_HOST) does not answer (${first.message}); start that engine or unset DOCKER_HOST.`,
      'unset DOCKER_HOST && npm run setup',
    );
  }

  let installed = false;
  if (!findCommand('dockerd')) {
    const os = readOsRelease();
    if (!isDebianLike(os)) {
      throw new SetupError(
        `No Docker engine here: install Docker Engine for ${osDisplayName(os)} (it provides dockerd), start it, then re-run set-up.`,
        'npm run setup',
      );
    }
    if (!isRoot()) {
      throw new SetupError('No Docker engine here, and installing it needs root.', 'sudo apt-get install -y docker.io debootstrap && npm run setup');
    }
    log('installing docker.io and debootstrap with apt-get (about a minute)');
    await aptInstall(['docker.io', 'debootstrap'], log);
    installed = true;
  }

  if (!isRoot()) {
    throw new SetupError(`The Docker engine at ${where} is not running, and starting it needs root.`, `sudo systemctl start docker  # without systemd: sudo sh -c 'dockerd >>${DOCKERD_LOG} 2>&1 &'`);
  }
  if (processRunning('dockerd')) {
    log(`dockerd is running but ${where} does not answer yet; waiting`);
  } else {
    const dockerd = findCommand('dockerd');
    if (!dockerd) throw new SetupError('dockerd is not installed.', 'apt-get install -y docker.io');
    log(`starting ${dockerd} (log: ${DOCKERD_LOG})`);
    startDockerd(dockerd);
  }
  if (!(await waitForEngine(engine, START_TIMEOUT_MS))) {
    throw new SetupError(
      `dockerd did not answer on ${where} within ${START_TIMEOUT_MS / 1000} s; see ${DOCKERD_LOG}.`,
      `tail -50 ${DOCKERD_LOG}`,
      logTail(),
    );
  }
  return { action: installed ? 'installed and started' : 'started', ...(await versions(engine, where)) };
}

/** Spawn dockerd in its own session so it outlives set-up, its output appended to `logFile`. Returns its pid. */
export function startDockerd(dockerd: string, logFile: string = DOCKERD_LOG): number | undefined {
  const out = openSync(logFile, 'a');
  try {
    const child = spawn(dockerd, [], { detached: true, stdio: ['ignore', out, out] });
    child.on('error', () => {}); // reported through the ping timeout and the log
    child.unref();
    return child.pid;
  } finally {
    closeSync(out);
  }
}

async function waitForEngine(engine: Engine, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await engine.probe(2000)).ok) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function versions(engine: Engine, address: string): Promise<Omit<EngineReport, 'action'>> {
  const v = await engine.version();
  return { address, version: v.version, apiVersion: v.apiVersion };
}

function logTail(): string[] {
  try {
    return tailLines(readFileSync(DOCKERD_LOG, 'utf8'), 10);
  } catch {
    return [];
  }
}
