import { allExercises } from '../../core/find-exercise.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

export function listCommand(ctx: CliContext): number {
  const exercises = allExercises(ctx.kinds);
  const width = Math.max(...exercises.map((e) => e.title.length));
  for (const e of exercises) {
    const points = e.checks.reduce((s, c) => s + c.points, 0);
    process.stdout.write(`${e.id}  ${e.title.padEnd(width)}  ${String(points).padStart(3)} pts  ${e.summary}\n`);
  }
  return EXIT.pass;
}
