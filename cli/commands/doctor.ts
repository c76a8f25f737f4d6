import { renderDoctor, runDoctor } from '../../setup/doctor.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { cliText } from '../messages.js';

/** `grade doctor`: each prerequisite with the command that fixes it. Needs no working engine. */
export async function doctorCommand(ctx: CliContext): Promise<number> {
  const items = await runDoctor();
  process.stdout.write(renderDoctor(items, { color: ctx.color }) + '\n');
  if (!items.every((i) => i.ok)) process.stdout.write(`\n${cliText(ctx.lang, 'doctorFix')}\n`);
  return items.every((i) => i.ok) ? EXIT.pass : EXIT.infra;
}
