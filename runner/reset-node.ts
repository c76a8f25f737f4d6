import { InfraError } from '../core/errors.js';
import { labResetScript, nodeResetScript } from './node-reset-script.js';
import type { StartedLab } from './started-lab.js';

const RESET_TIMEOUT_MS = 30_000;

/** Put one node of a running lab back as it was built (see node-reset-script.ts); the other nodes keep their state. */
export async function resetNode(lab: StartedLab, node: string): Promise<void> {
  const result = await lab.build(nodeResetScript(lab.plan.exercise, lab.plan.links, node), RESET_TIMEOUT_MS);
  if (result.exitCode !== 0) {
    const why = result.timedOut ? 'it took too long' : `it exited with ${result.exitCode}: ${result.output.trim().split('\n').slice(-3).join(' / ')}`;
    throw new InfraError(`Resetting ${node} of the ${lab.plan.exercise.id} lab failed (${why}); \`grade reset ${lab.plan.exercise.id}\` makes the whole lab again.`);
  }
}

/** Put every node of a running lab back as it was built, in the same container (see labResetScript). */
export async function resetAllNodes(lab: StartedLab): Promise<void> {
  const result = await lab.build(labResetScript(lab.plan.exercise, lab.plan.links), RESET_TIMEOUT_MS);
  if (result.exitCode !== 0) {
    const why = result.timedOut ? 'it took too long' : `it exited with ${result.exitCode}: ${result.output.trim().split('\n').slice(-3).join(' / ')}`;
    throw new InfraError(`Resetting the nodes of the ${lab.plan.exercise.id} lab failed (${why}).`);
  }
}
