// `npm run setup` after dependencies and the build: the engine, the base image, the lab image.
import pc from 'picocolors';
import { parseArgs } from 'node:util';
import { ensureBaseImage } from './ensure-base-image.js';
import { ensureEngine } from './ensure-engine.js';
import { ensureBrowser } from './ensure-browser.js';
import { loadTunnelModules } from './tunnels.js';
import { ensureLabImage, LAB_IMAGE_LATEST } from './build-lab-image.js';
import { DockerEngine } from '../runner/docker-engine.js';
import { leftBehind } from '../core/cleanup-failures.js';
import { aptInstall } from './apt-install.js';
import { linkCommand } from './link-command.js';
import { findCommand } from './system.js';
import { SetupError } from './setup-error.js';
import { packageRoot } from '../core/package-root.js';

const STEPS = ['engine', 'base', 'lab', 'browser'] as const;
type Step = (typeof STEPS)[number];
const c = pc.createColors(Boolean(process.stdout.isTTY) && !process.env['NO_COLOR']);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, prune: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    console.log('usage: node dist/setup/setup-cli.js [--only engine,base,lab,browser] [--prune]\n  --prune  remove older grade-lab:<hash> images no container uses');
    return 0;
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...STEPS];
  const unknown = only.filter((s) => !(STEPS as readonly string[]).includes(s));
  if (unknown.length > 0) {
    console.error(`setup: unknown step ${unknown.join(', ')}; steps are ${STEPS.join(', ')}`);
    return 2;
  }
  const started = Date.now();
  try {
    await runSteps((s: Step) => only.includes(s), values.prune);
  } catch {
    return 1;
  }
  finish(only.length === STEPS.length, started);
  return 0;
}

/** The chosen steps in order; the first that fails throws (it has said why). */
async function runSteps(wanted: (s: Step) => boolean, prune: boolean): Promise<void> {
  const engine = new DockerEngine();
  if (wanted('engine')) {
    await step('engine', async (log) => {
      const e = await ensureEngine(engine, log);
      return `Docker ${e.version} (API ${e.apiVersion}) at ${e.address}, ${e.action}`;
    });
    // Not a failure: only the tunnel exercise needs these, and doctor keeps saying what is missing.
    const missing = loadTunnelModules((line) => console.log(c.dim(`  … ${line}`)));
    if (missing.length > 0) console.log(c.yellow(`! tunnels      ${missing.join(' and ')} missing: ex08 cannot run on this host (see \`grade doctor\`)`));
  }
  if (wanted('base')) {
    await step('base image', async (log) => {
      const b = await ensureBaseImage(engine, log);
      return `${b.ref} ${b.action}`;
    });
  }
  if (wanted('lab')) {
    await step('lab image', async (log) => {
      const l = await ensureLabImage(engine, log, { prune });
      const pruned = l.pruned.length > 0 ? `; removed ${l.pruned.join(', ')}` : '';
      return `${l.ref} ${l.action} (also tagged ${LAB_IMAGE_LATEST})${pruned}`;
    });
  }
  // CI lints the shell scripts of the lab image and the runner (.ci/run); learners need no linter.
  if (process.env['CI'] && !findCommand('shellcheck')) {
    await step('shellcheck', async (log) => {
      await aptInstall(['shellcheck'], log);
      return 'installed with apt-get (CI lints the shell scripts)';
    });
  }
  if (wanted('browser')) {
    // Not a failure: only grade serve's browser tests need it, and they say so when it is missing.
    await step('browser', (log) => ensureBrowser(log)).catch(() => undefined);
  }
}

/** After a full set-up, `grade` goes on PATH (not in CI or under GRADE_NO_LINK) and the first command to try is shown. */
function finish(everyStep: boolean, started: number): void {
  const linked = everyStep && !process.env['CI'] && !process.env['GRADE_NO_LINK'] ? linkCommand(packageRoot()) : undefined;
  if (linked?.ok) console.log(`${c.green('✔')} ${'command'.padEnd(12)} ${linked.detail}`);
  else if (linked) console.log(`${c.yellow('!')} ${'command'.padEnd(12)} ${linked.detail}\n  fix: ${c.bold(linked.fix)}`);
  console.log(`Set-up complete in ${seconds(Date.now() - started)}.`);
  if (everyStep) {
    console.log(`Ready: try \`${linked?.ok ? 'grade' : 'npx grade'} ex01 --submission exercises/ex01-default-gateway/solution\``);
  }
}

/** Run one step: progress lines while it works, then ✔ with what it did and how long it took, or ✘ and why. */
async function step(name: string, run: (log: (line: string) => void) => Promise<string>): Promise<void> {
  const t0 = Date.now();
  const log = (line: string) => console.log(c.dim(`  … ${line}`));
  try {
    const summary = await run(log);
    console.log(`${c.green('✔')} ${name.padEnd(12)} ${summary} ${c.dim(`(${seconds(Date.now() - t0)})`)}`);
  } catch (err) {
    const e = err instanceof SetupError ? err : new SetupError(`Unexpected error: ${(err as Error).message ?? String(err)}`);
    console.error(`${c.red('✘')} ${name.padEnd(12)} ${e.message}`);
    for (const line of e.logTail) console.error(c.dim(`    | ${line}`));
    if (e.fix) console.error(`  fix: ${c.bold(e.fix)}`);
    throw e;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

process.exitCode = await main();
const left = leftBehind();
if (left.length > 0) {
  console.error(`${c.red('✘')} cleanup      could not ${left.map((f) => f.what).join('; ')}`);
  process.exitCode ||= 1;
}
