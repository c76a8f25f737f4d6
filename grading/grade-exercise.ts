import type { CheckKind } from '../checks/check-kind.js';
import { cleanupFailed } from '../core/cleanup-failures.js';
import { InfraError, messageOf } from '../core/errors.js';
import type { Exercise } from '../core/exercise.js';
import { historyCommandRecords, type HistoryRecord } from '../history/history.js';
import type { GradeMode, GradeResult, NodeReport } from '../core/result.js';
import type { Submission } from '../core/submission.js';
import type { Engine } from '../runner/engine.js';
import { applySubmission, type AppliedFile } from '../runner/apply-submission.js';
import type { LabTracker } from '../runner/lab-tracker.js';
import { planLab } from '../runner/plan-lab.js';
import { provision } from '../runner/provision.js';
import { readHistory } from '../runner/shell-history.js';
import type { StartedLab, TrackedLab } from '../runner/started-lab.js';
import { readBudgetUse } from '../runner/budget-use.js';
import { buildResult, topologyOf } from './build-result.js';
import { withBudgetVerdicts } from './budget-verdicts.js';
import { collectState } from './collect-state.js';
import { addressHolders, runChecks } from './run-checks.js';
import { traceChecks } from './trace/trace-checks.js';

export interface GradeSubmissionRequest {
  readonly exercise: Exercise;
  readonly kinds: ReadonlyMap<string, CheckKind>;
  readonly engine: Engine;
  readonly image: string;
  readonly submission: Submission;
  readonly mode: GradeMode;
  readonly label?: string;
  readonly tracker?: LabTracker;
}

/** Fresh throwaway lab: provision, apply the submission, check, tear down. Infrastructure faults become an `error` result. */
export async function gradeSubmission(req: GradeSubmissionRequest): Promise<GradeResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const plan = planLab(req.exercise, { image: req.image });
  const timings = { provisionMs: 0, submissionMs: 0, checksMs: 0, teardownMs: 0 };
  const base = { exercise: req.exercise, mode: req.mode, submissionPath: req.submission.dir, label: req.label ?? null, labId: plan.labId, startedAt };
  let lab: StartedLab | undefined;
  let made: TrackedLab | undefined;
  try {
    let t = Date.now();
    lab = await provision(req.engine, plan, {
      onCreated: (l) => {
        // Known from here on, so a provisioning failure below still takes it off the tracker.
        made = l;
        req.tracker?.add(l);
      },
    });
    timings.provisionMs = Date.now() - t;
    t = Date.now();
    const applied = await applySubmission(lab, req.submission.files, req.exercise.limits);
    timings.submissionMs = Date.now() - t;
    const { checks, nodes, checksMs } = await checkLab(lab, req.exercise, req.kinds, plan.token, applied);
    timings.checksMs = checksMs;
    t = Date.now();
    await disposeLab(lab, req.tracker);
    timings.teardownMs = Date.now() - t;
    return buildResult({ ...base, checks, nodes, timings, durationMs: Date.now() - started, error: null });
  } catch (error) {
    const leftover = lab ?? made;
    // The grading error is the one to report; a failed removal is logged under --debug and counted, not thrown.
    if (leftover) await disposeLab(leftover, req.tracker).catch((e: unknown) => cleanupFailed(`remove lab ${leftover.id}`, e, { leftBehind: true }));
    if (!(error instanceof InfraError)) throw error;
    return buildResult({ ...base, checks: [], nodes: [], timings, durationMs: Date.now() - started, error: messageOf(error) });
  }
}

/** Check a lab that is already running (a learner's `grade start` lab). */
export async function gradeRunningLab(lab: StartedLab, exercise: Exercise, kinds: ReadonlyMap<string, CheckKind>): Promise<GradeResult> {
  const started = Date.now();
  // The live lab's commands are those typed in its shells; the record is not graded, so a failure to read it leaves them out.
  const history = readHistory(lab).catch(() => [] as HistoryRecord[]);
  const checked = await checkLab(lab, exercise, kinds, lab.plan.token, []);
  const { checks, checksMs } = checked;
  const typed = await history;
  const nodes = checked.nodes.map((n) => ({ ...n, commands: historyCommandRecords(typed.filter((r) => r.node === n.name)) }));
  return buildResult({
    exercise,
    mode: 'live',
    submissionPath: null,
    label: null,
    labId: lab.id,
    startedAt: new Date(started).toISOString(),
    checks,
    nodes,
    timings: { provisionMs: 0, submissionMs: 0, checksMs, teardownMs: 0 },
    durationMs: Date.now() - started,
    error: null,
  });
}

async function checkLab(lab: StartedLab, exercise: Exercise, kinds: ReadonlyMap<string, CheckKind>, token: string, applied: readonly AppliedFile[]) {
  const t = Date.now();
  // The nodes' state is read while the checks run, so both go to the lab in one engine exec (each exec
  // costs the machine about as much as a check): checks leave addresses, routes and rules as they are.
  const checking = runChecks(exercise, kinds, lab, token);
  const states = Promise.all(exercise.nodes.map((node) => collectState(lab, node.name)));
  // What the learner's nodes exhausted of their budgets, read in the same exec as their state.
  const budgets = readBudgetUse(lab);
  const checks = withBudgetVerdicts(await checking, exercise.checks, kinds, addressHolders(exercise), await budgets);
  const checksMs = Date.now() - t;
  const collected = await states;
  const nodes: NodeReport[] = exercise.nodes.map((node, i) => {
    const file = applied.find((a) => a.node === node.name);
    return { name: node.name, role: node.role, submissionFile: file?.path ?? null, commands: file?.commands ?? [], state: collected[i]! };
  });
  // Where each failing path breaks, from the state just collected.
  return { checks: traceChecks(exercise, topologyOf(exercise), checks, nodes), nodes, checksMs };
}

async function disposeLab(lab: TrackedLab, tracker?: LabTracker): Promise<void> {
  await lab.dispose();
  tracker?.remove(lab);
}
