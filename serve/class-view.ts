// The teacher's dashboard, as data: every learner's state and score, and each check's pass rate across
// the learners whose labs have been checked. The page shows it with textContent.
import type { CheckResult } from '../core/result.js';
import type { LearnerState } from './learner-lab.js';

export interface LearnerRow {
  readonly id: string;
  readonly name: string;
  readonly state: LearnerState;
  readonly running: boolean;
  readonly passing: number;
  readonly total: number;
  readonly earned: number;
  readonly possible: number;
  readonly timeSpentMs: number;
  readonly lastActivity: string | null;
  readonly handedIn: { readonly earned: number; readonly possible: number; readonly status: string } | null;
}

export interface ClassView {
  readonly exercise: { readonly id: string; readonly title: string };
  readonly learners: readonly LearnerRow[];
  readonly checks: readonly { readonly id: string; readonly title: string; readonly passing: number; readonly of: number }[];
}

export interface LearnerFacts {
  readonly id: string;
  readonly name: string;
  readonly state: LearnerState;
  readonly running: boolean;
  readonly joinedAt: number | null;
  readonly lastActivity: number | null;
  readonly checks: readonly CheckResult[] | null;
  readonly handedIn: LearnerRow['handedIn'];
}

export function classView(exercise: ClassView['exercise'], checkTitles: readonly { id: string; title: string }[], facts: readonly LearnerFacts[]): ClassView {
  const learners = facts.map((f) => {
    const checks = f.checks ?? [];
    const end = f.lastActivity ?? f.joinedAt;
    return {
      id: f.id,
      name: f.name,
      state: f.state,
      running: f.running,
      passing: checks.filter((c) => c.status === 'pass').length,
      total: checks.length,
      earned: checks.reduce((s, c) => s + c.earned, 0),
      possible: checks.reduce((s, c) => s + c.points, 0),
      timeSpentMs: f.joinedAt !== null && end !== null ? end - f.joinedAt : 0,
      lastActivity: f.lastActivity === null ? null : new Date(f.lastActivity).toISOString(),
      handedIn: f.handedIn,
    };
  });
  const checked = facts.filter((f) => f.checks !== null);
  const checks = checkTitles.map((t) => ({
    ...t,
    passing: checked.filter((f) => f.checks!.some((c) => c.id === t.id && c.status === 'pass')).length,
    of: checked.length,
  }));
  return { exercise, learners, checks };
}
