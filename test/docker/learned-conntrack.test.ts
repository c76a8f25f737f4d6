import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GradeResult } from '../../core/result.js';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { gradeSubmission } from '../../grading/grade-exercise.js';
import { forgetLearnedState } from '../../grading/learned-state.js';
import type { StartedLab } from '../../runner/started-lab.js';
import { asLearner, engine, exercise, expectNoLabsOfThisProcess, image, kinds, startLab } from './lab-fixture.js';

// A connection-tracking entry (a NAT mapping, an "established" flow) that one check's traffic made must
// not carry a later check: before each traffic check the learner's nodes forget them, as they forget
// neighbours and bridge entries. Verdicts then do not depend on the order the checks run in.
describe('learned conntrack state is forgotten, and check order does not change verdicts', () => {
  let lab: StartedLab;
  beforeAll(async () => {
    lab = await startLab('ex03-bridge-masquerade');
  }, 120_000);
  afterAll(async () => {
    await lab?.dispose();
    await expectNoLabsOfThisProcess();
  });

  test("a learner node's conntrack entries are gone after forgetLearnedState, its rules stay", async () => {
    // A NAT rule turns conntrack on in host's namespace; a ping to lan-server then leaves an entry.
    const made = await asLearner(lab, 'host', [
      'iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE',
      'ping -c 1 -W 2 192.168.1.3 >/dev/null',
      'cat /proc/sys/net/netfilter/nf_conntrack_count',
    ].join('\n'));
    expect(Number(made.stdout.trim())).toBeGreaterThan(0);
    await forgetLearnedState(lab, ['host']);
    const after = await asLearner(lab, 'host', 'cat /proc/sys/net/netfilter/nf_conntrack_count; iptables -t nat -S POSTROUTING');
    const [count, ...rules] = after.stdout.trim().split('\n');
    expect(Number(count)).toBe(0);
    expect(rules).toContain('-A POSTROUTING -o eth0 -j MASQUERADE');
  }, 60_000);

  test('ex03: the reference and a wrong case get the same verdicts with the checks run forwards and backwards', async () => {
    const ex = exercise('ex03-bridge-masquerade');
    const wrong = ex.wrongCases[0]!;
    const verdicts = (r: GradeResult) => Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
    for (const dir of [ex.solutionDir, wrong.dir]) {
      const submission = readSubmissionFor(ex, dir);
      const grade = (checks: typeof ex.checks) => gradeSubmission({ exercise: { ...ex, checks }, kinds, engine, image, submission, mode: 'submission', label: 'order' });
      const [forwards, backwards] = [await grade(ex.checks), await grade([...ex.checks].reverse())];
      expect(forwards.error).toBeNull();
      expect(backwards.error).toBeNull();
      expect(verdicts(backwards)).toEqual(verdicts(forwards));
    }
  }, 600_000);
});
