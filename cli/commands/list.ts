import { allExercises } from '../../core/find-exercise.js';
import { columns, padColumns } from '../../core/text-width.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { cliText } from '../messages.js';

export function listCommand(ctx: CliContext): number {
  const exercises = allExercises(ctx.kinds).map((e) => {
    const ko = ctx.lang === 'ko' ? e.texts?.ko : undefined;
    return { ...e, title: ko?.title ?? e.title, summary: ko?.summary ?? e.summary };
  });
  const width = Math.max(...exercises.map((e) => columns(e.title)));
  const labels = [cliText(ctx.lang, 'concepts'), cliText(ctx.lang, 'lesson')] as const;
  const labelWidth = Math.max(...labels.map(columns)) + 1;
  for (const e of exercises) {
    const points = e.checks.reduce((s, c) => s + c.points, 0);
    process.stdout.write(`${e.id}  ${padColumns(e.title, width)}  ${cliText(ctx.lang, 'points', { n: String(points).padStart(3) })}  ${e.summary}\n`);
    if (e.concepts.length > 0) process.stdout.write(`      ${padColumns(labels[0], labelWidth)}${e.concepts.join(', ')}\n`);
    if (e.lesson) process.stdout.write(`      ${padColumns(labels[1], labelWidth)}${e.lesson}\n`);
  }
  return EXIT.pass;
}
