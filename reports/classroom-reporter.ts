// GitHub Classroom autograding results, as classroom-resources/autograding-grading-reporter reads them:
// its `runners` input is a comma-separated list of runner ids, and for each id R the environment
// variable `${R.toUpperCase()}_RESULTS` holds base64 of a JSON runner result
// {version: 1, status, max_score, tests: [{name, status, score, message, test_code, filename, line_no,
// duration}]}, the shape autograding-command-grader and autograding-io-grader write. The reporter
// sums every test's `score` and every runner's `max_score` into the "Points N/M" Classroom records,
// and fails the job when a runner's status is fail or error.
//
// One runner per check, so partial credit shows check by check. The payload grade prints is
// {runners, env}: the workflow (examples/github-classroom/) copies `env` into $GITHUB_ENV and passes
// `runners` to the reporter. Never the expected answer: a test says what was observed and the hint.
//
// Runner names are letters and digits only: the reporter (src/main.js) checks its input against
// /^([a-zA-Z0-9]+,)*[a-zA-Z0-9]+$/ before it prints any error, so an underscore turns every error into
// "The runners input must be a comma-separated list of strings.". A run that ended in `error` (grade's
// or the machine's fault) is one runner with max_score 0: NotifyClassroom (src/notify-classroom.js)
// posts no "Points" when the max is 0, and the error status fails the step with our re-run sentence.
// Text is spelled out (reports/visible-text.ts): the Actions log would run a learner's escape codes.

import type { CheckResult, CheckStatus, GradeResult } from '../core/result.js';
import { visibleDeep } from './visible-text.js';

export interface ClassroomTest {
  readonly name: string;
  readonly status: CheckStatus;
  readonly score: number;
  readonly message: string;
  /** The reporter prints this under a failed test (it prints `message` only for errors), so the hint goes here too. */
  readonly test_code: string;
  readonly filename: string;
  readonly line_no: number;
  readonly duration: number;
}

export interface ClassroomRunnerResult {
  readonly version: 1;
  readonly status: CheckStatus;
  readonly max_score: number;
  readonly tests: readonly ClassroomTest[];
}

/** What the workflow needs: the reporter's `runners` input and the environment variables it reads. */
export interface ClassroomPayload {
  readonly runners: string;
  readonly env: Readonly<Record<string, string>>;
}

export interface ClassroomRunner {
  readonly runner: string;
  readonly results: ClassroomRunnerResult;
}

/** One runner per check, named after the check id in letters and digits; a run in `error` is one runner that posts no score. */
export function classroomRunners(result: GradeResult): ClassroomRunner[] {
  if (result.status === 'error') return [rerunRunner(result.error)];
  const used = new Set<string>();
  return result.checks.map((check) => ({ runner: uniqueName(check.id, used), results: runnerResult(check) }));
}

export const RERUN_SENTENCE =
  'grade could not finish grading this push (a fault of the grader or of the machine, not of the submission), so no points were recorded: re-run this job (Actions > this run > Re-run jobs).';

/** No points either way: max_score 0 keeps Classroom's record as it was, and the error status fails the step. */
function rerunRunner(error: string | null): ClassroomRunner {
  const message = `${RERUN_SENTENCE}${error ? ` What failed: ${error}` : ''}`;
  return { runner: 'rerun', results: { version: 1, status: 'error', max_score: 0, tests: [classroomTest('Grading finished', 'error', 0, message, message, 0)] } };
}

export function classroomPayload(runners: readonly ClassroomRunner[]): ClassroomPayload {
  const env: Record<string, string> = {};
  for (const { runner, results } of runners) {
    env[`${runner.toUpperCase()}_RESULTS`] = Buffer.from(JSON.stringify(visibleDeep(results)), 'utf8').toString('base64');
  }
  return { runners: runners.map((r) => r.runner).join(','), env };
}

/** The payload of one grading, as `grade exNN --submission . --format classroom` prints it. */
export function renderClassroomResult(result: GradeResult): string {
  return JSON.stringify(classroomPayload(classroomRunners(result)), null, 2) + '\n';
}

function runnerResult(check: CheckResult): ClassroomRunnerResult {
  const message = check.status === 'pass' ? '' : check.status === 'error' ? `could not be checked (not your fault): ${check.observed}` : check.observed;
  const detail = check.status === 'fail' ? [`Observed: ${check.observed}`, ...(check.hint ? [`Hint: ${check.hint}`] : [])].join('\n') : '';
  return {
    version: 1,
    status: check.status,
    max_score: check.points,
    tests: [classroomTest(check.title, check.status, check.earned, message, detail, check.durationMs)],
  };
}

export function classroomTest(name: string, status: CheckStatus, score: number, message: string, detail: string, duration: number): ClassroomTest {
  return { name, status, score, message, test_code: detail, filename: '', line_no: 0, duration: Math.round(duration) };
}

/** Letters and digits only (the reporter's own pattern), starting with a letter (an environment variable name), unique ignoring case. */
function uniqueName(id: string, used: Set<string>): string {
  const letters = id.replace(/[^A-Za-z0-9]+([A-Za-z0-9]?)/g, (_, next: string) => next.toUpperCase());
  const base = /^[A-Za-z]/.test(letters) ? letters : `check${letters}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()) || name.toLowerCase() === 'rerun' || name.toLowerCase() === 'submission'; n++) name = `${base}x${n}`;
  used.add(name.toLowerCase());
  return name;
}
