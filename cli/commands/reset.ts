import { InfraError, UserError } from '../../core/errors.js';
import { findExercise } from '../../core/find-exercise.js';
import { variantOf } from '../../core/load-exercise.js';
import { findKeptLab } from '../../runner/attach-lab.js';
import { recreateLab, shellHistoryCarry } from '../../runner/recreate-lab.js';
import { resetAllNodes, resetNode } from '../../runner/reset-node.js';
import { readHistory, type HistoryRecord } from '../../runner/shell-history.js';
import type { StartedLab } from '../../runner/started-lab.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** `grade reset ex01`: a fresh lab (same variant, history kept); `grade reset ex01 host-a`: that node as the lab started it. */
export async function resetCommand(ctx: CliContext, name: string, node?: string): Promise<number> {
  const exercise = findExercise(name, ctx.kinds);
  const nodes = exercise.nodes.map((n) => n.name);
  if (node !== undefined && !nodes.includes(node)) throw new UserError(`${exercise.id} has no node "${node}"; its nodes are ${nodes.join(', ')}.`);
  const engine = await ctx.engine();
  const lab = await findKeptLab(engine, exercise, ctx.image(), (v) => variantOf(exercise, v, ctx.kinds));
  if (!lab) throw new UserError(`No ${exercise.id} lab is running: start it with \`grade start ${exercise.id}\`.`);
  const started = Date.now();
  if (node !== undefined) {
    // The shell history lives outside every node (runner/shell-history.ts): a node reset leaves it alone.
    await resetNode(lab, node);
    const services = lab.plan.exercise.nodes.find((n) => n.name === node)!.services.length > 0 ? ', its services running again' : '';
    process.stdout.write(`${node} of ${exercise.id} is back as the lab started it${services} (${seconds(started)}); the other nodes kept their state.\n`);
    return EXIT.pass;
  }
  const { fresh, kept } = await freshLab(ctx, lab);
  const variant = fresh.plan.exercise.variant === null ? '' : ` (variant ${fresh.plan.exercise.variant})`;
  const history = kept === 0 ? '' : `; your shell history (${kept} command${kept === 1 ? '' : 's'}) is kept`;
  process.stdout.write(`${exercise.id} is a fresh lab again${variant} (${fresh.id}, ${seconds(started)}): every node is as \`grade start\` made it${history}.\n`);
  return EXIT.pass;
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

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
