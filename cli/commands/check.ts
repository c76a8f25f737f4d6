import { basename, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { findExercise } from '../../core/find-exercise.js';
import { variantOf } from '../../core/load-exercise.js';
import type { GradeResult } from '../../core/result.js';
import { gradeRunningLab, gradeSubmission } from '../../grading/grade-exercise.js';
import { localizeResult } from '../../grading/localize-result.js';
import { gradeResultToJunitSuite } from '../../reports/junit-reporter.js';
import { isReportFormat, knownFormats, reporters } from '../../reports/reporters.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { cliText } from '../messages.js';
import { fileOutputs, type OutputOptions } from '../output-option.js';
import { defaultReportDir, writeFileOutputs, writeReports } from '../write-reports.js';
import { watchCommand } from './watch.js';

export interface CheckOptions extends OutputOptions {
  readonly submission?: string;
  readonly json?: boolean;
  readonly format?: string;
  readonly out?: string;
  readonly verbose?: boolean;
  /** The variant to grade (exercises with params); a running lab is checked as the variant it was started with. */
  readonly variant?: string;
  /** Keep checking the running lab until everything passes (cli/commands/watch.ts). */
  readonly watch?: boolean;
}

/** `grade ex01` (the running lab) or `grade ex01 --submission DIR` (a fresh throwaway lab). */
export async function checkCommand(ctx: CliContext, name: string, options: CheckOptions): Promise<number> {
  const format = options.json ? 'json' : (options.format ?? 'terminal');
  if (!isReportFormat(format)) throw new UserError(`--format takes one of ${knownFormats.join(', ')}, not "${format}".`);
  const outputs = fileOutputs(options);
  const exercise = findExercise(name, ctx.kinds, options.variant ?? null);
  if (options.watch) {
    if (options.submission || format !== 'terminal' || options.out || outputs.length > 0) throw new UserError('--watch checks the running lab on the screen; it takes no --submission, --json, --format, --out, --reporter or --junit.');
    return watchCommand(ctx, exercise, { ...(options.verbose ? { verbose: true } : {}), ...(options.variant !== undefined ? { variant: options.variant } : {}) });
  }
  const submission = options.submission ? readSubmissionFor(exercise, resolve(options.submission)) : null;
  const engine = await ctx.engine();
  let result: GradeResult;
  if (submission) {
    const graded = await gradeSubmission({
      exercise,
      kinds: ctx.kinds,
      engine,
      image: ctx.image(),
      submission,
      mode: 'submission',
      label: basename(submission.dir),
      tracker: ctx.tracker,
    });
    result = localizeResult(graded, exercise, ctx.lang);
  } else {
    const lab = await findKeptLab(engine, exercise, ctx.image(), (v) => variantOf(exercise, v, ctx.kinds));
    if (!lab) {
      throw new UserError(cliText(ctx.lang, 'noLabToCheck', { id: exercise.id }));
    }
    const running = lab.plan.exercise.variant;
    if (options.variant !== undefined && running !== exercise.variant) {
      const what = running === null ? "the lesson's own (started without --variant)" : `variant "${running}"`;
      throw new UserError(`The running ${exercise.id} lab is ${what}, not "${exercise.variant}"; run \`grade ${exercise.id}\` without --variant to check it, or stop it and start your own.`);
    }
    result = localizeResult(await gradeRunningLab(lab, lab.plan.exercise, ctx.kinds), lab.plan.exercise, ctx.lang);
  }
  const paths = await writeReports(result, options.out ? resolve(options.out) : defaultReportDir(result));
  await writeFileOutputs(outputs, { suites: [gradeResultToJunitSuite(result)] });
  process.stdout.write(reporters[format](result, { color: ctx.color, verbose: options.verbose ?? false, htmlPath: paths.html }) + '\n');
  // Machine-readable output stays alone on stdout; say where the files went on stderr.
  if (format !== 'terminal') process.stderr.write(`Report: ${paths.html}\n`);
  return result.status === 'pass' ? EXIT.pass : result.status === 'fail' ? EXIT.fail : EXIT.infra;
}
