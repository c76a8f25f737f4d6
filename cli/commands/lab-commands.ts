import { UserError } from '../../core/errors.js';
import { readmeOf } from '../../core/exercise-texts.js';
import type { Exercise } from '../../core/exercise.js';
import { findExercise } from '../../core/find-exercise.js';
import { planLab } from '../../runner/plan-lab.js';
import { submissionNodeFiles } from '../../core/submission.js';
import { variantOf } from '../../core/load-exercise.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import { provision } from '../../runner/provision.js';
import { reapLabs } from '../../runner/reaper.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** `grade start ex01 [--variant ID]`: a lab that stays up for the learner's shells until `grade stop ex01`. */
export async function startCommand(ctx: CliContext, name: string, options: { variant?: string } = {}): Promise<number> {
  const exercise = findExercise(name, ctx.kinds, options.variant ?? null);
  const engine = await ctx.engine();
  const running = await findKeptLab(engine, exercise, ctx.image(), (v) => variantOf(exercise, v, ctx.kinds));
  if (running) {
    throw new UserError(`${exercise.id} is already running${variantWords(running.plan.exercise.variant)}: open a shell with \`grade shell ${exercise.id} ${exercise.nodes[0]!.name}\`, check it with \`grade ${exercise.id}\`, or remove it with \`grade stop ${exercise.id}\`.`);
  }
  const lab = await provision(engine, planLab(exercise, { image: ctx.image(), keep: true }), { onCreated: (l) => ctx.tracker.add(l) });
  ctx.tracker.remove(lab);
  process.stdout.write(startText(exercise));
  return EXIT.pass;
}

/** `grade shell ex01 host-a`: an interactive shell on a node of the running lab. */
export async function shellCommand(ctx: CliContext, name: string, node: string): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  const nodes = exercise.nodes.map((n) => n.name);
  if (!nodes.includes(node)) throw new UserError(`${exercise.id} has no node "${node}"; its nodes are ${nodes.join(', ')}.`);
  const lab = await findKeptLab(await ctx.engine(), exercise, ctx.image());
  if (!lab) throw new UserError(`No ${exercise.id} lab is running: start it with \`grade start ${exercise.id}\`.`);
  return lab.shell(node);
}

/** `grade stop ex01`: remove the running lab. */
export async function stopCommand(ctx: CliContext, name: string): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  const lab = await findKeptLab(await ctx.engine(), exercise, ctx.image());
  if (!lab) {
    process.stdout.write(`No ${exercise.id} lab is running; nothing to stop.\n`);
    return EXIT.pass;
  }
  await lab.dispose();
  process.stdout.write(`Removed the ${exercise.id} lab (${lab.id}).\n`);
  return EXIT.pass;
}

/** `grade clean`: remove every lab grade made on this engine, running or left over. */
export async function cleanCommand(ctx: CliContext): Promise<number> {
  const removed = await reapLabs(await ctx.engine(), { includeKept: true });
  process.stdout.write(removed.length ? `Removed ${removed.length} lab(s): ${removed.join(', ')}\n` : 'No labs to remove.\n');
  return EXIT.pass;
}

function variantWords(variant: string | null): string {
  return variant === null ? '' : ` (variant ${variant})`;
}

function startText(exercise: Exercise): string {
  // The README's own "How to work" section repeats the commands printed below, with this lab's nodes.
  const task = readmeOf(exercise)?.replace(/\n## How to work\n[\s\S]*?(?=\n## |$)/, '').trim() ?? exercise.summary;
  const nodes = exercise.nodes.map((n) => {
    const ifs = n.interfaces.map((i) => `${i.name} ${i.addresses.join(', ') || '(no address)'} on ${i.network}`).join('; ');
    return `  ${n.name.padEnd(12)} ${ifs}`;
  });
  // Suggest a node the learner has work on: the first one the reference solution configures.
  const configured = submissionNodeFiles(exercise.solutionDir, exercise.nodes);
  const first = (exercise.nodes.find((n) => configured.has(n.name)) ?? exercise.nodes[0]!).name;
  return [
    `${exercise.id} is running${variantWords(exercise.variant)}.`,
    '',
    task,
    '',
    'Nodes:',
    ...nodes,
    '',
    `Open a shell on a node:  npx grade shell ${exercise.id} ${first}`,
    `Check your work:         npx grade ${exercise.id}`,
    `Remove the lab:          npx grade stop ${exercise.id}`,
    '',
  ].join('\n');
}
