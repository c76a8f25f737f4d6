import { allExercises } from '../../core/find-exercise.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

export function listCommand(ctx: CliContext): number {
  const exercises = allExercises(ctx.kinds);
  const width = Math.max(...exercises.map((e) => e.title.length));
  for (const e of exercises) {
    const points = e.checks.reduce((s, c) => s + c.points, 0);
    process.stdout.write(`${e.id}  ${e.title.padEnd(width)}  ${String(points).padStart(3)} pts  ${e.summary}\n`);
    if (e.concepts.length > 0) process.stdout.write(`      concepts: ${e.concepts.join(', ')}\n`);
    if (e.lesson) process.stdout.write(`      lesson:   ${e.lesson}\n`);
  }
  return EXIT.pass;
}
