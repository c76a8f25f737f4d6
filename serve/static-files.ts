// The files pages load: xterm.js and its fit addon straight from their packages, and grade's own page
// scripts (plain browser JavaScript in serve/static/, no build step). Only these names are served.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';

export interface StaticFile {
  readonly type: string;
  readonly body: Buffer;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Every static file, read once at start. */
export function staticFiles(): ReadonlyMap<string, StaticFile> {
  const require = createRequire(import.meta.url);
  const own = (name: string) => join(packageRoot(), 'serve', 'static', name);
  const files: [string, string, string][] = [
    ['xterm.js', require.resolve('@xterm/xterm/lib/xterm.js'), JS],
    ['xterm.css', require.resolve('@xterm/xterm/css/xterm.css'), CSS],
    ['addon-fit.js', require.resolve('@xterm/addon-fit/lib/addon-fit.js'), JS],
    ['nonce-shim.js', own('nonce-shim.js'), JS],
    ['learner.js', own('learner.js'), JS],
    ['teacher.js', own('teacher.js'), JS],
    ['serve.css', own('serve.css'), CSS],
  ];
  return new Map(files.map(([name, path, type]) => [name, { type, body: readFileSync(path) }]));
}
