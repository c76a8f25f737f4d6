// Chromium, for `grade serve`'s browser tests and the README's screenshot: Debian's package, never a
// browser download of a test library's own; and a CJK font, so the Korean learner page renders.
import { existsSync } from 'node:fs';
import { findChromium } from '../scripts/screenshot.js';
import { aptInstall } from './apt-install.js';
import type { Log } from './setup-error.js';
import { isRoot } from './system.js';

/** Debian's Noto CJK fonts (Hangul included); where fontconfig finds them. */
const CJK_FONT_PACKAGE = 'fonts-noto-cjk';
const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto';

export async function ensureBrowser(log: Log): Promise<string> {
  const found = findChromium();
  const fonts = existsSync(CJK_FONT_DIR);
  if (found && fonts) return `${found} present, with Korean fonts`;
  const missing = [...(found ? [] : ['chromium']), ...(fonts ? [] : [CJK_FONT_PACKAGE])];
  if (!isRoot()) return `${missing.join(' and ')} not installed (as root: apt-get install -y ${missing.join(' ')}); the browser tests of grade serve skip without chromium, and Korean shows as boxes without the fonts`;
  await aptInstall(missing, log);
  return `${findChromium() ?? 'chromium'} ${found ? 'present' : 'installed'}, Korean fonts ${fonts ? 'present' : 'installed'}`;
}
