// "Hand in": the learner's shell history exported as `grade export` writes it, then graded in a fresh
// lab as `grade check --submission` does, and recorded where `grade batch --out` records, so the
// gradebooks come from the same records through the same output stage.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckKind } from '../checks/check-kind.js';
import { entryReportDir, safeSegment, type BatchEntry } from '../core/batch-entry.js';
import { UserError, messageOf } from '../core/errors.js';
import type { Exercise } from '../core/exercise.js';
import { exportHistory } from '../history/export-history.js';
import type { Lang } from '../core/lang.js';
import type { GradeResult } from '../core/result.js';
import { readSubmission } from '../core/submission.js';
import type { BatchRecord } from '../grading/grade-batch.js';
import { gradeSubmission } from '../grading/grade-exercise.js';
import { localizeResult } from '../grading/localize-result.js';
import { submissionKey } from '../grading/submission-key.js';
import { readRecords, recordFile } from '../lms/batch-records.js';
import { resultFiles, writeOutputs } from '../reports/output-stage.js';
import type { Engine } from '../runner/engine.js';
import type { LabTracker } from '../runner/lab-tracker.js';
import { readHistory } from '../runner/shell-history.js';
import type { StartedLab } from '../runner/started-lab.js';

export interface HandInRequest {
  readonly lab: StartedLab;
  /** The exercise as the learner's variant renders it. */
  readonly exercise: Exercise;
  readonly learner: { readonly id: string; readonly name: string };
  readonly lang: Lang;
  readonly classDir: string;
  readonly kinds: ReadonlyMap<string, CheckKind>;
  readonly engine: Engine;
  readonly image: string;
  readonly tracker: LabTracker;
}

/** Where the hand-ins are kept as submission folders: `grade batch <exercise> <classDir>/submissions` grades them again. */
export const SUBMISSIONS_DIR = 'submissions';

export async function handIn(req: HandInRequest): Promise<{ record: BatchRecord; shown: GradeResult | null }> {
  const { exercise, learner } = req;
  const files = exportHistory(exercise.nodes, await readHistory(req.lab), { changesOnly: false, exerciseId: exercise.id });
  const dir = join(req.classDir, SUBMISSIONS_DIR, safeSegment(learner.id));
  // The folder holds this hand-in only: an earlier one's files must not be graded with it.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFile(join(dir, `${f.node}.sh`), f.text);
  const base = { learner: learner.id, displayName: learner.name, exercise: exercise.id, source: `${SUBMISSIONS_DIR}/${safeSegment(learner.id)}`, variant: exercise.variant };
  let record: BatchRecord;
  try {
    const submission = readSubmission(dir, exercise.nodes);
    const result = await gradeSubmission({ exercise, kinds: req.kinds, engine: req.engine, image: req.image, submission, mode: 'submission', label: `${learner.id}/${exercise.id}`, tracker: req.tracker });
    record = { key: submissionKey({ exercise, variant: exercise.variant, image: req.image, submission }), entry: { ...base, result, invalid: null } };
  } catch (error) {
    // Nothing typed yet is the learner's to fix, not the grader's fault.
    if (!(error instanceof UserError)) throw error;
    record = { key: null, entry: { ...base, result: null, invalid: messageOf(error) } };
  }
  const shown = record.entry.result ? localizeResult(record.entry.result, exercise, req.lang) : null;
  await writeOutputs(req.classDir, [...(shown ? resultFiles(shown, entryReportDir(record.entry)) : []), recordFile(record)]);
  return { record, shown };
}

/** Every hand-in recorded so far (one per learner and exercise, the latest). */
export function classEntries(classDir: string): BatchEntry[] {
  return [...readRecords(classDir).values()].map((r) => r.entry);
}
