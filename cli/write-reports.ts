import { join, relative } from 'node:path';
import type { GradeResult } from '../core/result.js';
import { fileReporters, type RunReport } from '../reports/file-reporters.js';
import { resultFiles, writeOutputFile, writeOutputs } from '../reports/output-stage.js';
import type { FileOutput } from './output-option.js';

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

/** Render and write each `--reporter` file through the one output stage (atomically); returns their paths as given. */
export async function writeFileOutputs(outputs: readonly FileOutput[], run: RunReport): Promise<string[]> {
  for (const output of outputs) await writeOutputFile(output.path, fileReporters[output.format](run));
  return outputs.map((o) => o.path);
}
