import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import type { Submission } from '../../core/submission.js';
import { gradeSubmission } from '../../grading/grade-exercise.js';
import type { StartedLab } from '../../runner/started-lab.js';
import { asLearner, engine, exercise, expectNoLabsOfThisProcess, image, kinds, startLab } from './lab-fixture.js';

// One learner node exhausts its own budget (runner/lab-budget.ts): a filled tmpfs, a memory hog, a
// fork bomb. host-b's file is the reference's, so its checks must still pass; host-a's checks fail
// with the reason the report gives; the grade is a verdict (`fail`, exit status 1), never an `error`.
const ex01 = exercise('ex01-default-gateway');
const HOST_A = ['host-a-reaches-server-c', 'host-a-reaches-web', 'host-a-route-wan', 'host-a-route-internet'];
const HOST_B = ['host-b-reaches-server-c', 'host-b-reaches-web', 'host-b-route-wan', 'host-b-route-internet'];

const TRICKS = {
  // Each command of a submission may write 2 MiB files at most (ulimit -f): many of them, then more.
  tmpfs: `mkdir -p /tmp/fill && mount -t tmpfs -o size=4g fill /tmp/fill
for i in $(seq 1 200); do head -c 2000000 /dev/zero > /tmp/fill/f$i || break; done
setsid bash -c 'while :; do head -c 2000000 /dev/zero > /tmp/fill/b.$RANDOM; sleep 0.2; done' </dev/null >/dev/null 2>&1 &`,
  memory: `setsid bash -c 'while :; do tail /dev/zero; sleep 0.1; done' </dev/null >/dev/null 2>&1 &
sleep 3`,
  processes: `setsid bash -c 'bomb() { bomb | bomb & }; bomb' </dev/null >/dev/null 2>&1 &
sleep 3`,
} as const;
type Trick = keyof typeof TRICKS;

const REASON: Record<Trick, RegExp> = {
  tmpfs: /^host-a: the node ran out of memory \(the kernel killed \d+ of its processes\)/,
  memory: /^host-a: the node ran out of memory \(the kernel killed \d+ of its processes\)/,
  processes: /^host-a: .*the node ran out of processes \(\d+ forks? refused at its limit\)/,
};

function hostile(trick: Trick): Submission {
  const reference = readSubmissionFor(ex01, ex01.solutionDir);
  const hostB = reference.files.find((f) => f.node === 'host-b')!;
  return { ...reference, files: [hostB, { ...hostB, node: 'host-a', path: `${trick}/host-a.sh`, text: TRICKS[trick] }] };
}

describe('a learner who exhausts their own node\'s budget fails that node\'s checks; grading goes on', () => {
  // One lab at a time: each holds a node at its limits, and the machine is shared.
  afterAll(async () => {
    await expectNoLabsOfThisProcess();
  });

  for (const trick of Object.keys(TRICKS) as Trick[]) {
    test(`${trick}: host-a's checks fail with the reason, host-b's pass, the grade is a fail`, async () => {
      const r = await gradeSubmission({ exercise: ex01, kinds, engine, image, submission: hostile(trick), mode: 'submission', label: `budget-${trick}` });
      const line = (id: string) => {
        const c = r.checks.find((k) => k.id === id)!;
        return `${id} ${c.status}: ${c.observed}`;
      };
      expect(r.checks.filter((c) => c.status === 'error').map((c) => line(c.id)), `${trick}: the grade is an error, not a verdict`).toEqual([]);
      expect(r.error).toBeNull();
      expect(HOST_B.filter((id) => r.checks.find((c) => c.id === id)?.status !== 'pass').map(line)).toEqual([]);
      expect(HOST_A.filter((id) => r.checks.find((c) => c.id === id)?.status !== 'fail').map(line)).toEqual([]);
      // The reason leads every host-a check: the node exhausted its budget, not the machine.
      expect(HOST_A.filter((id) => !REASON[trick].test(r.checks.find((c) => c.id === id)!.observed)).map(line)).toEqual([]);
      expect(r.status).toBe('fail'); // `grade` exits 1 for it (cli/commands/check.ts), not 3
    });
  }
});

const MIB = 1024 * 1024;

describe('the budget holds the learner, not grade', () => {
  let lab: StartedLab;
  beforeAll(async () => {
    lab = await startLab('ex01-default-gateway');
  });
  afterAll(async () => {
    await lab?.dispose();
    await expectNoLabsOfThisProcess();
  });

  /** Bytes in use by the lab's cgroup and by host-a's, as the container's root reads them. */
  async function usage(): Promise<{ lab: number; node: number; mode: string }> {
    const r = await lab.runAsGrade(['bash', '-c', 'm=$(cut -d" " -f1 /run/grade/budget/mode); if [ "$m" = v1 ]; then d=/run/grade/cgroup/memory; echo "$m $(cat $d/memory.usage_in_bytes) $(cat $d/learners/host-a/memory.usage_in_bytes)"; else d=/run/grade/cgroup/unified; echo "$m $(cat $d/grade/memory.current) $(cat $d/learners/host-a/memory.current)"; fi']);
    const [mode, labBytes, nodeBytes] = r.stdout.trim().split(' ');
    return { mode: mode!, lab: Number(labBytes), node: Number(nodeBytes) };
  }

  test("a tmpfs the learner fills is charged to the node's budget; grade can still use its own share", async () => {
    const fill = await asLearner(lab, 'host-a', 'mkdir -p /tmp/fill && mount -t tmpfs -o size=4g fill /tmp/fill && (dd if=/dev/zero of=/tmp/fill/a bs=1M count=1024 2>&1); echo done');
    expect(fill.exitCode).not.toBe(0); // the kernel ended the learner's shell, or its dd, at the node's limit
    const { mode, node } = await usage();
    expect(mode).toMatch(/^v[12]$/);
    expect(node).toBeGreaterThan(200 * MIB);
    expect(node).toBeLessThanOrEqual(256 * MIB);
    // grade writes 48 MiB to the container's /run (a tmpfs of 64 MiB), charged to grade's share.
    const own = await lab.runAsGrade(['bash', '-c', 'dd if=/dev/zero of=/run/grade-headroom bs=1M count=48 2>&1 && rm /run/grade-headroom && echo ok']);
    expect(own.stdout).toContain('ok');
    const budget = await lab.probe('budget', []);
    expect(budget.stdout).toMatch(/^host-a [1-9]\d* 0$/m);
    expect(budget.stdout).toMatch(/^host-b 0 0$/m);
  });

  test('the learner cannot leave its budget: no cgroup file of the lab is in its reach', async () => {
    const r = await asLearner(lab, 'host-b', [
      'ls /run/grade 2>&1 | head -1',
      'mkdir -p /tmp/cg /tmp/cg2',
      'mount -t cgroup -o memory none /tmp/cg 2>&1; echo rc-v1=$?',
      'mount -t cgroup2 none /tmp/cg 2>&1; echo rc-v2=$?',
      // A cgroup namespace of its own lets it mount its own cgroup2 view; the files there stay root's.
      "unshare -C bash -c 'mount -t cgroup2 none /tmp/cg2 && { mkdir /tmp/cg2/out 2>&1; echo rc-mkdir=$?; echo $$ > /tmp/cg2/cgroup.procs; echo rc-write=$?; }'",
      'echo; cat /proc/self/cgroup',
    ].join('\n'));
    expect(r.stdout).toMatch(/^rc-v1=[1-9]/m);
    expect(r.stdout).toMatch(/^rc-v2=[1-9]/m);
    expect(r.stdout).not.toMatch(/^rc-(mkdir|write)=0$/m);
    // Whatever it tried, the shell's last word is still inside host-b's budget.
    expect(r.stdout).toMatch(/^\d+:memory:\/learners\/host-b$|^0::\/learners\/host-b$/m);
    expect(r.stdout).toMatch(/No such file or directory|cannot access/);
  });
});
