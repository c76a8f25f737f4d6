import { join, relative } from 'node:path';
import type { GradeResult } from '../core/result.js';
import { resultFiles, writeOutputs } from '../reports/output-stage.js';

/** The folder a result's files go to unless --out says otherwise: grade-reports/<exercise>/<label>. */
export function defaultReportDir(result: GradeResult): string {
  const label = (result.submission.label ?? result.submission.mode).replace(/[^A-Za-z0-9._-]+/g, '-');
  return join(process.cwd(), 'grade-reports', result.exercise.slug, label);
}

/** Write report.html and result.json atomically; returns the HTML path as a person should type it. */
export async function writeReports(result: GradeResult, dir: string): Promise<{ html: string; json: string }> {
  const html = join(dir, 'report.html');
  const json = join(dir, 'result.json');
  await writeOutputs(dir, resultFiles(result));
  return { html: relative(process.cwd(), html) || html, json: relative(process.cwd(), json) || json };
}
