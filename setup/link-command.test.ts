import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeTempDirs, tempDir } from '../test/support/temp-dir.js';
import { gradeOnPath } from './link-command.js';

afterAll(removeTempDirs);

describe('grade on PATH', () => {
  const root = tempDir('grade-pkg-');
  mkdirSync(join(root, 'bin'));
  writeFileSync(join(root, 'bin', 'grade.js'), '');
  const other = tempDir('grade-other-');
  mkdirSync(join(other, 'bin'));
  writeFileSync(join(other, 'bin', 'grade.js'), '');
  const links = tempDir('grade-links-');
  symlinkSync(join(root, 'bin', 'grade.js'), join(links, 'mine'));
  symlinkSync(join(other, 'bin', 'grade.js'), join(links, 'theirs'));

  test('only a link to this copy counts; another copy, none or a dangling link does not', () => {
    expect(gradeOnPath(root, () => join(links, 'mine'))).toBe(true);
    expect(gradeOnPath(root, () => join(links, 'theirs'))).toBe(false);
    expect(gradeOnPath(root, () => undefined)).toBe(false);
    expect(gradeOnPath(root, () => join(links, 'gone'))).toBe(false);
  });
});
