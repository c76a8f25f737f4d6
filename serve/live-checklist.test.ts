import { describe, expect, test } from 'vitest';
import type { CheckResult, GradeResult } from '../core/result.js';
import { LiveChecklist } from './live-checklist.js';

function result(statuses: CheckResult['status'][]): GradeResult {
  const checks = statuses.map((status, i) => ({ id: `c${i}`, title: `check ${i}`, status }) as unknown as CheckResult);
  return { checks, status: statuses.every((s) => s === 'pass') ? 'pass' : 'fail' } as unknown as GradeResult;
}

describe('LiveChecklist', () => {
  test('after Enter it waits for the command to finish, then checks and tells what changed', async () => {
    let finished = 0;
    let started = 0;
    const rounds = [result(['fail', 'fail']), result(['pass', 'fail'])];
    const list = new LiveChecklist({ check: async () => rounds.shift()!, commands: async () => ({ started, finished }) });
    await list.request();
    const updates: string[] = [];
    const seen = new Promise<void>((resolve) => list.subscribe((u) => (updates.push(u.changes.map((c) => `${c.id} ${c.kind}`).join()), resolve())));
    started = 1;
    list.commandEntered();
    setTimeout(() => (finished = 1), 400);
    await seen;
    expect(updates).toEqual(['c0 now-passing']);
    expect(list.current?.result.checks[0]?.status).toBe('pass');
  });

  test('requests during a check fold into one more check, and a failing check is reported, not thrown', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const list = new LiveChecklist({
      check: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 50));
        if (calls === 1) throw new Error('lab busy');
        return result(['pass']);
      },
      commands: async () => ({ started: 0, finished: 0 }),
    });
    list.onError = (e) => errors.push(e);
    const first = list.request();
    void list.request();
    void list.request();
    await first;
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(list.current?.result.status).toBe('pass');
  });
});
