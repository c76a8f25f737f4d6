// GitHub Classroom payloads for a whole batch: one file per submission, in the shape of
// reports/classroom-reporter.ts (which says what Classroom's reporter reads), plus a failing runner
// for a submission that could not be graded.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import { entryReportDir } from '../../core/batch-entry.js';
import { classroomPayload, classroomRunners, classroomTest, type ClassroomRunner } from '../../reports/classroom-reporter.js';
import type { GradebookFile, GradebookOptions, GradebookOutput } from './types.js';

export {
  classroomPayload,
  classroomRunners,
  renderClassroomResult,
  RERUN_SENTENCE,
  type ClassroomPayload,
  type ClassroomRunner,
  type ClassroomRunnerResult,
  type ClassroomTest,
} from '../../reports/classroom-reporter.js';

/** A submission that could not be graded: one failing runner that says why, worth the whole exercise. */
export function invalidClassroomRunners(entry: BatchEntry, exercise: GradebookExercise): ClassroomRunner[] {
  const message = entry.invalid ?? 'the submission could not be read';
  return [
    {
      runner: 'submission',
      results: {
        version: 1,
        status: 'fail',
        max_score: exercise.possible,
        tests: [classroomTest('The submission can be graded', 'fail', 0, message, `${message}\nA submission is one file per node you configure, named <node>.sh.`, 0)],
      },
    },
  ];
}

export function classroomReporter(book: Gradebook, _options: GradebookOptions): GradebookOutput {
  const files: GradebookFile[] = [];
  for (const entry of book.entries) {
    const exercise = book.exercises.find((x) => x.id === entry.exercise);
    const runners = entry.result ? classroomRunners(entry.result) : exercise ? invalidClassroomRunners(entry, exercise) : [];
    files.push({ path: `classroom/${entryReportDir(entry)}.json`, content: JSON.stringify(classroomPayload(runners), null, 2) + '\n' });
  }
  return { files, warnings: [] };
}

