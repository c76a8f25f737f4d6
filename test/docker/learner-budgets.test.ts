import { afterAll, describe, expect, test } from 'vitest';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import type { Submission } from '../../core/submission.js';
import { gradeSubmission } from '../../grading/grade-exercise.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, kinds } from './lab-fixture.js';

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
