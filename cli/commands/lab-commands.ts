import { UserError } from '../../core/errors.js';
import { readmeOf } from '../../core/exercise-texts.js';
import type { Exercise } from '../../core/exercise.js';
import type { Lang } from '../../core/lang.js';
import { padColumns, columns } from '../../core/text-width.js';
import { findExercise } from '../../core/find-exercise.js';
import { planLab } from '../../runner/plan-lab.js';
import { submissionNodeFiles } from '../../core/submission.js';
import { variantOf } from '../../core/load-exercise.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import { provision } from '../../runner/provision.js';
import { reapLabs } from '../../runner/reaper.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { cliText } from '../messages.js';

/** `grade start ex01 [--variant ID]`: a lab that stays up for the learner's shells until `grade stop ex01`. */
export async function startCommand(ctx: CliContext, name: string, options: { variant?: string } = {}): Promise<number> {
  const exercise = findExercise(name, ctx.kinds, options.variant ?? null);
  const engine = await ctx.engine();
  const running = await findKeptLab(engine, exercise, ctx.image(), (v) => variantOf(exercise, v, ctx.kinds));
  if (running) {
    const variant = variantWords(running.plan.exercise.variant, ctx.lang);
    throw new UserError(cliText(ctx.lang, 'alreadyRunning', { id: exercise.id, variant, node: exercise.nodes[0]!.name }));
  }
  const lab = await provision(engine, planLab(exercise, { image: ctx.image(), keep: true }), { onCreated: (l) => ctx.tracker.add(l) });
  ctx.tracker.remove(lab);
  process.stdout.write(startText(exercise, ctx.lang));
  return EXIT.pass;
}

/** `grade shell ex01 host-a`: an interactive shell on a node of the running lab. */
export async function shellCommand(ctx: CliContext, name: string, node: string): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  const nodes = exercise.nodes.map((n) => n.name);
  if (!nodes.includes(node)) throw new UserError(cliText(ctx.lang, 'noSuchNode', { id: exercise.id, node, nodes: nodes.join(', ') }));
  const lab = await findKeptLab(await ctx.engine(), exercise, ctx.image());
  if (!lab) throw new UserError(cliText(ctx.lang, 'noLabForShell', { id: exercise.id }));
  return lab.shell(node);
}

/** `grade stop ex01`: remove the running lab. */
export async function stopCommand(ctx: CliContext, name: string): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  const lab = await findKeptLab(await ctx.engine(), exercise, ctx.image());
  if (!lab) {
    process.stdout.write(`${cliText(ctx.lang, 'nothingToStop', { id: exercise.id })}\n`);
    return EXIT.pass;
  }
  await lab.dispose();
  process.stdout.write(`${cliText(ctx.lang, 'removed', { id: exercise.id, lab: lab.id })}\n`);
  return EXIT.pass;
}

/** `grade clean`: remove every lab grade made on this engine, running or left over. */
export async function cleanCommand(ctx: CliContext): Promise<number> {
  const removed = await reapLabs(await ctx.engine(), { includeKept: true });
  process.stdout.write(removed.length ? `Removed ${removed.length} lab(s): ${removed.join(', ')}\n` : 'No labs to remove.\n');
  return EXIT.pass;
}

function variantWords(variant: string | null, lang: Lang): string {
  return variant === null ? '' : cliText(lang, 'variantWords', { id: variant });
}

/** The README without its "How to work" section (in any language: the one that shows `grade stop`). */
export function taskOf(readme: string, id: string): string {
  // That section repeats the commands startText prints, with this lab's nodes.
  return readme
    .split(/\n(?=## )/)
    .filter((section) => !(section.startsWith('## ') && section.includes(`grade stop ${id}`)))
    .join('\n')
    .trim();
}

function startText(exercise: Exercise, lang: Lang): string {
  const readme = readmeOf(exercise, lang);
  const task = readme !== null ? taskOf(readme, exercise.id) : (lang === 'ko' ? exercise.texts?.ko?.summary : undefined) ?? exercise.summary;
  const nodes = exercise.nodes.map((n) => {
    const ifs = n.interfaces
      .map((i) => cliText(lang, 'interfaceOn', { if: i.name, addresses: i.addresses.join(', ') || cliText(lang, 'noAddress'), network: i.network }))
      .join('; ');
    return `  ${n.name.padEnd(12)} ${ifs}`;
  });
  // Suggest a node the learner has work on: the first one the reference solution configures.
  const configured = submissionNodeFiles(exercise.solutionDir, exercise.nodes);
  const first = (exercise.nodes.find((n) => configured.has(n.name)) ?? exercise.nodes[0]!).name;
  const howTo = [
    [cliText(lang, 'openShell'), `npx grade shell ${exercise.id} ${first}`],
    [cliText(lang, 'checkWork'), `npx grade ${exercise.id}`],
    [cliText(lang, 'removeLab'), `npx grade stop ${exercise.id}`],
  ] as const;
  const width = Math.max(...howTo.map(([label]) => columns(label))) + 2;
  return [
    cliText(lang, 'running', { id: exercise.id, variant: variantWords(exercise.variant, lang) }),
    '',
    task,
    '',
    cliText(lang, 'nodes'),
    ...nodes,
    '',
    ...howTo.map(([label, command]) => `${padColumns(label, width)}${command}`),
    '',
  ].join('\n');
}
