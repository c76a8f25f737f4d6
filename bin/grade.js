#!/usr/bin/env node
// Entry point for `npx grade`: runs the compiled CLI that `npm run setup` builds.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('grade is not built yet: run `npm run setup` in its folder first.');
  process.exit(3);
}
await import(main);
