import { InfraError, UserError } from '../../core/errors.js';
import { findExercise } from '../../core/find-exercise.js';
import type { Lang } from '../../core/lang.js';
import { variantOf } from '../../core/load-exercise.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import { recreateLab, shellHistoryCarry } from '../../runner/recreate-lab.js';
import { resetAllNodes, resetNode } from '../../runner/reset-node.js';
import { readHistory, type HistoryRecord } from '../../runner/shell-history.js';
import type { StartedLab } from '../../runner/started-lab.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { cliText } from '../messages.js';

/** `grade reset ex01`: a fresh lab (same variant, history kept); `grade reset ex01 host-a`: that node as the lab started it. */
export async function resetCommand(ctx: CliContext, name: string, node?: string): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  const nodes = exercise.nodes.map((n) => n.name);
  if (node !== undefined && !nodes.includes(node)) throw new UserError(cliText(ctx.lang, 'noSuchNode', { id: exercise.id, node, nodes: nodes.join(', ') }));
  const engine = await ctx.engine();
  const lab = await findKeptLab(engine, exercise, ctx.image(), (v) => variantOf(exercise, v, ctx.kinds));
  if (!lab) throw new UserError(cliText(ctx.lang, 'noLabForShell', { id: exercise.id }));
  const started = Date.now();
  if (node !== undefined) {
    // The shell history lives outside every node (runner/shell-history.ts): a node reset leaves it alone.
    await resetNode(lab, node);
    const services = lab.plan.exercise.nodes.find((n) => n.name === node)!.services.length > 0;
    process.stdout.write(`${nodeResetText(ctx.lang, { id: exercise.id, node, services, seconds: elapsed(started) })}\n`);
    return EXIT.pass;
  }
  const { fresh, kept } = await freshLab(ctx, lab);
  const facts = { id: exercise.id, variant: fresh.plan.exercise.variant, lab: fresh.id, seconds: elapsed(started), kept };
  process.stdout.write(`${labResetText(ctx.lang, facts)}\n`);
  return EXIT.pass;
}

/** What `grade reset ex01 host-a` says: the node is as the lab started it (its services too), the others untouched. */
export function nodeResetText(lang: Lang, done: { id: string; node: string; services: boolean; seconds: number }): string {
  return cliText(lang, done.services ? 'nodeResetServices' : 'nodeReset', { id: done.id, node: done.node, time: secondsText(lang, done.seconds) });
}

/** What `grade reset ex01` says: a fresh lab, and how many commands of the shell history it kept. */
export function labResetText(lang: Lang, done: { id: string; variant: string | null; lab: string; seconds: number; kept: number }): string {
  const variant = done.variant === null ? '' : cliText(lang, 'variantWords', { id: done.variant });
  const key = done.kept === 0 ? 'labReset' : done.kept === 1 ? 'labResetKeptOne' : 'labResetKept';
  return cliText(lang, key, { id: done.id, variant, lab: done.lab, time: secondsText(lang, done.seconds), n: done.kept });
}

/**
 * Every node made again in the same container: quick, and the history, which lives beside the nodes,
 * stays where it is. Should that fail (a lab broken beyond its nodes), a new container is made and
 * the history carried over.
 */
async function freshLab(ctx: CliContext, lab: StartedLab): Promise<{ fresh: StartedLab; kept: number }> {
  try {
    const [, records] = await Promise.all([resetAllNodes(lab), readHistory(lab)]);
    return { fresh: lab, kept: records.length };
  } catch (error) {
    if (!(error instanceof InfraError)) throw error;
  }
  let kept = 0;
  const carry = { ...shellHistoryCarry, restore: (l: StartedLab, records: HistoryRecord[]) => ((kept = records.length), shellHistoryCarry.restore(l, records)) };
  const fresh = await recreateLab(await ctx.engine(), lab, { onCreated: (l) => ctx.tracker.add(l), carry });
  ctx.tracker.remove(fresh);
  return { fresh, kept };
}

function elapsed(since: number): number {
  return (Date.now() - since) / 1000;
}

function secondsText(lang: Lang, seconds: number): string {
  return cliText(lang, 'seconds', { n: seconds.toFixed(1) });
}
