// Chromium, for `grade serve`'s browser tests and the README's screenshot: Debian's package, never a
// browser download of a test library's own.
import { findChromium } from '../scripts/screenshot.js';
import { aptInstall } from './apt-install.js';
import type { Log } from './setup-error.js';
import { isRoot } from './system.js';

export async function ensureBrowser(log: Log): Promise<string> {
  const found = findChromium();
  if (found) return `${found} present`;
  if (!isRoot()) return 'not installed (as root: apt-get install -y chromium); the browser tests of grade serve skip without it';
  await aptInstall(['chromium'], log);
  return `${findChromium() ?? 'chromium'} installed`;
}
