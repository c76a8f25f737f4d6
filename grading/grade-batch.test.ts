import { describe, expect, test } from 'vitest';
import { checkKinds } from '../checks/registry.js';
import type { BatchItem } from '../core/batch-entry.js';
import { findExercise } from '../core/find-exercise.js';
import type { Engine } from '../runner/engine.js';
import { gradeBatch, type BatchRecord } from './grade-batch.js';

const kinds = checkKinds();
const ex01 = findExercise('ex01', kinds);
const item = (learner: string): BatchItem => ({ learner, displayName: null, exercise: 'ex01', source: learner, dir: '/nonexistent', invalid: null });
// An engine that must never be reached: every entry here faults before a lab is made.
const engine = new Proxy({}, { get: () => () => Promise.reject(new Error('no engine in this test')) }) as unknown as Engine;

describe('gradeBatch', () => {
  test('an entry whose grading throws is its own error row, saved like any other, and the batch goes on', async () => {
    const saved: BatchRecord[] = [];
    const entries = await gradeBatch({
      items: [item('ann'), item('bea'), item('cid')],
      exerciseFor: (i) => {
        if (i.learner === 'bea') throw new Error('a bug \u001b[31mred\u001b[0m\nsecond line');
        return { exercise: ex01, variant: null };
      },
      kinds,
      engine,
      image: 'grade-lab:test',
      concurrency: 2,
      recorded: new Map(),
      force: false,
      onEntry: async (record) => {
        saved.push(record);
      },
    });
    expect(entries.map((e) => e.learner)).toEqual(['ann', 'bea', 'cid']);
    expect(saved).toHaveLength(3);
    const bea = entries[1]!;
    expect(bea.result).toBeNull();
    expect(bea.invalid).toMatch(/^grade failed while grading this submission \(a bug \\x1b\[31mred\\x1b\[0m second line\); this is grade's fault/);
    // The others were read from a folder that does not exist: invalid rows, or error rows from the engine.
    for (const e of [entries[0]!, entries[2]!]) expect(e.invalid !== null || e.result?.status === 'error').toBe(true);
    // A fault is recorded without a key, so a resume grades it again.
    expect(saved.find((r) => r.entry.learner === 'bea')!.key).toBeNull();
  });
});
