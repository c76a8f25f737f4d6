import type { Limits } from '../core/exercise.js';
import type { CommandRecord } from '../core/result.js';
import type { SubmissionFile } from '../core/submission.js';
import type { LearnerExec } from './lab-exec.js';
import { parseRunnerOutput } from './parse-runner-output.js';
import { submissionRunner } from './submission-runner-script.js';

/** Output kept for each command of a learner's file. */
const COMMAND_OUTPUT_CAP = 8 * 1024;

export interface AppliedFile {
  readonly node: string;
  readonly path: string;
  readonly commands: readonly CommandRecord[];
}

/** Run every node's file inside its node, all nodes at once, as a learner would type them. */
export function applySubmission(lab: LearnerExec, files: readonly SubmissionFile[], limits: Limits): Promise<AppliedFile[]> {
  return Promise.all(files.map(async (file) => ({ node: file.node, path: file.path, commands: await runFile(lab, file, limits) })));
}

async function runFile(lab: LearnerExec, file: SubmissionFile, limits: Limits): Promise<CommandRecord[]> {
  // The runner drives the node from outside (the lab container): no mark or fd of grade's reaches the learner.
  const result = await lab.superviseLearner(file.node, submissionRunner(), {
    env: {
      GRADE_SCRIPT: file.text,
      GRADE_CMD_TIMEOUT: String(limits.commandSeconds),
      GRADE_LIMIT: String(limits.submissionSeconds),
      GRADE_OUT_CAP: String(COMMAND_OUTPUT_CAP),
    },
    // The runner keeps to the submission's limit itself; this is a net should the lab stop answering.
    timeoutMs: (limits.submissionSeconds + 30) * 1000,
    maxOutputBytes: 8 * 1024 * 1024,
  });
  return parseRunnerOutput(result.stdout, file.text, {
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    limitSeconds: limits.submissionSeconds,
    commandSeconds: limits.commandSeconds,
  });
}
