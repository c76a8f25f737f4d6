// The output formats `grade --format <name>` knows, each a function from the one result model to
// text. Reporters only render; they never change or recompute the result.

import type { GradeResult } from '../core/result.js';
import { renderClassroomResult } from './classroom-reporter.js';
import { renderHtml } from './html-reporter.js';
import { renderJson } from './json-reporter.js';
import { gradeResultToJunitSuite, renderJunit } from './junit-reporter.js';
import { renderTerminal } from './terminal-reporter.js';

export interface ReporterOptions {
  /** Terminal only: use ANSI colours. */
  readonly color: boolean;
  /** Terminal only: show evidence and every command. */
  readonly verbose?: boolean;
  /** Terminal only: where the HTML report was written, for the footer. */
  readonly htmlPath?: string;
}

export type Reporter = (result: GradeResult, options: ReporterOptions) => string;

/** The names `--format` accepts, in the order help text lists them. */
export const knownFormats = ['terminal', 'json', 'html', 'junit', 'classroom'] as const;

export type ReportFormat = (typeof knownFormats)[number];

export const reporters: Readonly<Record<ReportFormat, Reporter>> = {
  terminal: (result, options) => renderTerminal(result, options),
  json: (result) => renderJson(result),
  html: (result) => renderHtml(result),
  junit: (result) => renderJunit([gradeResultToJunitSuite(result)]),
  // GitHub Classroom's autograding reporter input: one runner per check (examples/github-classroom).
  classroom: (result) => renderClassroomResult(result),
};

/** File extension for a report written to disk in `format`. */
export const formatExtensions: Readonly<Record<ReportFormat, string>> = {
  terminal: '.txt',
  json: '.json',
  html: '.html',
  junit: '.xml',
  classroom: '.json',
};

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(reporters, name);
}

/** The reporter for a CLI format name; throws an Error naming the known formats otherwise. */
export function reporterFor(name: string): Reporter {
  if (!isReportFormat(name)) {
    throw new Error(`unknown report format "${name}": use one of ${knownFormats.join(', ')}`);
  }
  return reporters[name];
}
