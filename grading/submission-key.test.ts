import { describe, expect, test } from 'vitest';
import type { Submission } from '../core/submission.js';
import { shippedExercise } from '../test/support/exercises.js';
import { submissionKey } from './submission-key.js';

const ex01 = shippedExercise('ex01-default-gateway');
const files = (a: string, b: string): Submission => ({
  dir: '/anywhere',
  files: [
    { node: 'host-a', path: '/x/host-a.sh', text: a },
    { node: 'host-b', path: '/x/host-b.sh', text: b },
  ],
});
const key = (over: Partial<Parameters<typeof submissionKey>[0]> = {}) =>
  submissionKey({ exercise: ex01, variant: null, image: 'grade-lab:abc', submission: files('ip r add default via 192.168.1.1\n', 'x\n'), ...over });

describe('the key a recorded result is reused under', () => {
  test('is the same for the same texts, wherever the files sat and in whatever order they were read', () => {
    const moved = files('ip r add default via 192.168.1.1\n', 'x\n');
    expect(key({ submission: { dir: '/elsewhere', files: [...moved.files].reverse().map((f) => ({ ...f, path: `/y/${f.node}.sh` })) } })).toBe(key());
  });

  test('changes with a node file, the variant, the lab image or the exercise', () => {
    const others = [
      key({ submission: files('ip r add default via 192.168.1.2\n', 'x\n') }),
      key({ submission: files('ip r add default via 192.168.1.1\n', 'x \n') }),
      key({ variant: 'alice' }),
      key({ image: 'grade-lab:def' }),
      key({ exercise: shippedExercise('ex00-switching') }),
    ];
    expect(new Set([key(), ...others]).size).toBe(others.length + 1);
  });
});
