// The files a command writes where the user says (`--reporter name=path`; `--junit FILE` is
// `--reporter junit=FILE`). Every command that grades hands them one RunReport, so a new format is one
// renderer, its name in file-formats.ts and one line here, and check, batch, merge and verify all get it.

import type { FileFormat } from './file-formats.js';
import { renderJunit, type JunitSuite } from './junit-reporter.js';

/** A command's run as test suites: one per graded result (check, batch, merge) or per exercise (verify). */
export interface RunReport {
  readonly suites: readonly JunitSuite[];
}

export type FileReporter = (run: RunReport) => string;

export const fileReporters: Readonly<Record<FileFormat, FileReporter>> = {
  junit: (run) => renderJunit(run.suites),
};
