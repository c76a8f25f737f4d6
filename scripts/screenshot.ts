// Renders an HTML file (a report.html) to a PNG with whatever Chromium this machine has, to look at
// the report as a browser draws it. The browser is not part of `npm run setup`; on Debian or Ubuntu,
// `apt-get install -y chromium-headless-shell` (or `chromium`) provides one.
//   node dist/scripts/screenshot.js REPORT.html OUT.png [WIDTH] [HEIGHT]     (default 1200 x 1600)
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';

/** Browser programs tried in turn, the headless shell first. */
const CHROMIUM_NAMES = ['chromium-headless-shell', 'headless_shell', 'chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The first Chromium on PATH (or GRADE_CHROMIUM, when set), or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.GRADE_CHROMIUM) return existsSync(env.GRADE_CHROMIUM) ? env.GRADE_CHROMIUM : null;
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export interface ScreenshotOptions {
  readonly width?: number;
  readonly height?: number;
  readonly chromium?: string;
}

/** Draws `htmlFile` into `pngFile` at the given window size; throws one sentence when it cannot. */
export async function screenshot(htmlFile: string, pngFile: string, options: ScreenshotOptions = {}): Promise<void> {
  const chromium = options.chromium ?? findChromium();
  if (chromium === null) {
    throw new Error(`No Chromium found on this machine: install one (apt-get install -y chromium-headless-shell) or name it in GRADE_CHROMIUM.`);
  }
  const out = resolve(pngFile);
  // As root a browser only starts without its sandbox; the page is our own report, with no scripts.
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${options.width ?? 1200},${options.height ?? 1600}`, `--screenshot=${out}`, pathToFileURL(resolve(htmlFile)).href];
  const run = await execa(chromium, args, { reject: false, timeout: 60_000, all: true });
  if (run.exitCode !== 0 || !existsSync(out)) {
    const last = (run.all ?? '').trim().split('\n').at(-1) ?? '';
    throw new Error(`${chromium} could not draw ${htmlFile}: ${run.timedOut ? 'it took longer than 60 s' : last || `exit status ${run.exitCode}`}.`);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const [html, png, width, height] = argv;
  if (html === undefined || png === undefined) {
    process.stderr.write('Usage: node dist/scripts/screenshot.js REPORT.html OUT.png [WIDTH] [HEIGHT]\n');
    process.exitCode = 2;
    return;
  }
  try {
    await screenshot(html, png, { ...(width ? { width: Number(width) } : {}), ...(height ? { height: Number(height) } : {}) });
    process.stdout.write(`${png}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main(process.argv.slice(2));
