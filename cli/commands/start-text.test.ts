import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkKinds } from '../../checks/registry.js';
import { allExercises } from '../../core/find-exercise.js';
import { taskOf } from './lab-commands.js';

// `grade start` prints the README without its "how to work" section, whatever language it is written in.
describe('the task grade start prints', () => {
  for (const e of allExercises(checkKinds())) {
    test(`${e.id}: the README.md without "## How to work", as before`, () => {
      const readme = readFileSync(join(e.dir, 'README.md'), 'utf8');
      expect(taskOf(readme, e.id)).toBe(readme.replace(/\n## How to work\n[\s\S]*?(?=\n## |$)/, '').trim());
    });
  }

  test('a Korean README loses the section that shows the grade commands, under any heading', () => {
    const readme = '# ex02 · 리눅스 라우터\n\n과제 설명.\n\n## 진행 방법\n\n```\nnpx grade start ex02\nnpx grade stop ex02\n```\n\n## 힌트\n\n`ip route get`을 써 보세요.\n';
    expect(taskOf(readme, 'ex02')).toBe('# ex02 · 리눅스 라우터\n\n과제 설명.\n\n## 힌트\n\n`ip route get`을 써 보세요.');
  });
});
