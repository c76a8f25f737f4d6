import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../core/package-root.js';

// The product build (tsconfig.json) compiles no test code; tsconfig.test.json type-checks it instead.
const TEST_CODE = /\.test\.ts$|(^|\/)fixtures(\.ts$|\/)|\/test-book\.ts$|^test\/|^vitest\.config\.ts$/;

function filesOf(config: string): string[] {
  const root = packageRoot();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const out = execFileSync(process.execPath, [tsc, '-p', config, '--listFilesOnly'], { cwd: root, encoding: 'utf8' });
  return out.split('\n').filter((f) => f !== '' && !f.includes('/node_modules/')).map((f) => relative(root, f));
}

describe('what the build compiles', () => {
  test('the product build (dist) holds no tests, fixtures or test helpers, even through an import', { timeout: 60_000 }, () => {
    const product = filesOf('tsconfig.json');
    expect(product).toContain('cli/main.ts');
    expect(product.filter((f) => TEST_CODE.test(f))).toEqual([]);
    const known = ['grading/trace/fixtures.ts', 'checks/iptables/fixtures.ts', 'lms/gradebook/test-book.ts', 'reports/fixtures/load-fixture.ts', 'test/support/fake-engine.ts'];
    expect(known.filter((f) => !TEST_CODE.test(f))).toEqual([]);
  });
});
