import { describe, expect, test } from 'vitest';
import { budgetItem } from './lab-runtime.js';

describe('grade doctor: learner budgets', () => {
  test('nested cgroups: which version and controllers, and what each side gets', () => {
    const item = budgetItem('v1 (memory, pids, cpu)');
    expect(item.ok).toBe(true);
    expect(item.detail).toBe('cgroup v1, nested below the lab\'s (memory, pids, cpu): each learner node gets 256 MiB (all together 512 MiB) and 256 processes; grade keeps 256 MiB and 512 processes; OK');
  });

  test('no writable cgroup: says what is left and what a learner can then do', () => {
    const item = budgetItem("none: the lab's cgroup has no memory controller");
    expect(item.ok).toBe(false);
    expect(item.detail).toMatch(/^no writable cgroup in the lab \(the lab's cgroup has no memory controller\): .*RLIMIT_NPROC only/);
  });
});
