import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../core/package-root.js';
import { removeTempDirs, tempDir } from '../test/support/temp-dir.js';

// lab_budgets (runner/image/lab-lib.sh) run by bash against a stand-in cgroup tree in a temp dir: the
// plan each cgroup version gets (which folders, which limits, where a learner's process goes). The
// real kernel path, on this host's cgroup v1, is proven by test/docker/learner-budgets.test.ts.
const LAB_LIB = join(packageRoot(), 'runner', 'image', 'lab-lib.sh');
afterAll(removeTempDirs);

interface Run {
  readonly status: number | null;
  readonly stderr: string;
  readonly state: string;
  readonly cg: string;
  read(path: string): string;
}

/** lab_budgets with the container's cgroup at `fs` (a folder this test made) and budget_mount a symlink. */
function runBudgets(fs: string, args: string): Run {
  const state = tempDir('grade-budget-state-');
  const script = `source ${LAB_LIB}
GRADE_STATE=${state} GRADE_CG=${state}/cgroup BUDGET=${state}/budget CGROUP_FS=${fs}
budget_mount() { mkdir -p "$(dirname "$2")"; ln -s "$1" "$2"; }
lab_budgets ${args}`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, state, cg: join(state, 'cgroup'), read: (p) => readFileSync(join(state, p), 'utf8').trim() };
}

function v2Tree(controllers: string): string {
  const fs = tempDir('grade-cgroup-v2-');
  writeFileSync(join(fs, 'cgroup.controllers'), controllers);
  writeFileSync(join(fs, 'cgroup.procs'), '1\n17\n');
  writeFileSync(join(fs, 'cgroup.subtree_control'), '');
  return fs;
}

describe('lab_budgets', () => {
  test('cgroup v2: the container\'s processes move to a leaf before controllers are enabled; each learner node gets its limits', () => {
    const fs = v2Tree('cpuset cpu io memory pids');
    const r = runBudgets(fs, '536870912 268435456 256 host-a host-b');
    expect(r.status, r.stderr).toBe(0);
    expect(r.read('budget/mode')).toBe('v2 (memory, pids, cpu)');
    // "no internal processes": the processes were written to grade's leaf (a plain file here keeps the last).
    expect(readFileSync(join(fs, 'grade', 'cgroup.procs'), 'utf8').trim()).toBe('17');
    // +memory +pids, then +cpu (a plain file keeps the last write).
    expect(readFileSync(join(fs, 'cgroup.subtree_control'), 'utf8').trim()).toBe('+cpu');
    expect(readFileSync(join(fs, 'learners', 'memory.max'), 'utf8').trim()).toBe('536870912');
    expect(readFileSync(join(fs, 'learners', 'pids.max'), 'utf8').trim()).toBe('512');
    expect(readFileSync(join(fs, 'learners', 'cpu.weight'), 'utf8').trim()).toBe('25');
    expect(readFileSync(join(fs, 'learners', 'cpu.max'), 'utf8').trim()).toBe('50000 100000');
    expect(readFileSync(join(fs, 'learners', 'cgroup.subtree_control'), 'utf8').trim()).toBe('+memory +pids');
    for (const node of ['host-a', 'host-b']) {
      expect(readFileSync(join(fs, 'learners', node, 'memory.max'), 'utf8').trim()).toBe('268435456');
      expect(readFileSync(join(fs, 'learners', node, 'pids.max'), 'utf8').trim()).toBe('256');
      expect(r.read(`budget/${node}.procs`)).toBe(join(r.cg, 'unified', 'learners', node, 'cgroup.procs'));
      expect(r.read(`budget/${node}.dirs`)).toBe(join(r.cg, 'unified', 'learners', node));
    }
  });

  test('cgroup v2 without a memory controller: no budgets, and the reason says so', () => {
    const r = runBudgets(v2Tree('cpu pids'), '536870912 268435456 256 host-a');
    expect(r.status).toBe(0);
    expect(r.read('budget/mode')).toBe("none: the lab's cgroup has no memory controller");
    expect(existsSync(join(r.state, 'budget', 'host-a.procs'))).toBe(false);
  });

  test('cgroup v1: memory (and memory+swap where accounted), pids and cpu per node, below a learners cgroup', () => {
    const fs = tempDir('grade-cgroup-v1-');
    for (const c of ['memory', 'pids', 'cpu']) mkdirSync(join(fs, c));
    const r = runBudgets(fs, '536870912 268435456 256 host-a');
    expect(r.status, r.stderr).toBe(0);
    expect(r.read('budget/mode')).toBe('v1 (memory, pids, cpu)');
    expect(readFileSync(join(fs, 'memory', 'learners', 'memory.limit_in_bytes'), 'utf8').trim()).toBe('536870912');
    expect(readFileSync(join(fs, 'memory', 'learners', 'host-a', 'memory.limit_in_bytes'), 'utf8').trim()).toBe('268435456');
    expect(readFileSync(join(fs, 'pids', 'learners', 'pids.max'), 'utf8').trim()).toBe('256');
    expect(readFileSync(join(fs, 'pids', 'learners', 'host-a', 'pids.max'), 'utf8').trim()).toBe('256');
    expect(readFileSync(join(fs, 'cpu', 'learners', 'cpu.shares'), 'utf8').trim()).toBe('256');
    expect(r.read('budget/host-a.procs').split('\n')).toEqual(['memory', 'pids', 'cpu'].map((c) => join(r.cg, c, 'learners', 'host-a', 'cgroup.procs')));
  });

  test('no cgroup at all: the lab still builds, with the reason written down', () => {
    const r = runBudgets(tempDir('grade-cgroup-none-'), '536870912 268435456 256 host-a');
    expect(r.status).toBe(0);
    expect(r.read('budget/mode')).toMatch(/^none: the lab container has neither/);
  });
});
