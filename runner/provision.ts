import { cleanupFailed } from '../core/cleanup-failures.js';
import { InfraError } from '../core/errors.js';
import type { Engine } from './engine.js';
import type { LabPlan } from './lab-plan.js';
import { LabInProvision, type StartedLab, type TrackedLab } from './started-lab.js';

const BUILD_TIMEOUT_MS = 60_000;
/** The whole lab, all nodes together: enough for a handful of nodes with tools and services. */
const LAB_MEMORY_BYTES = 768 * 1024 * 1024;
/** Each node's processes are capped at 256 (grade-enter.sh); grade's own checks get the rest. */
const NODE_PROCS = 256;
const GRADE_PROCS = 512;
export const TUN_DEVICE = '/dev/net/tun';

export interface ProvisionHooks {
  /** Told about the lab before anything exists, so Ctrl-C during provisioning can still tear it down (same id as the lab returned). */
  readonly onCreated?: (lab: TrackedLab) => void;
}

/** Create the lab's container and build its nodes and links inside it. On failure, removes what it made and rethrows. */
export async function provision(engine: Engine, plan: LabPlan, hooks: ProvisionHooks = {}): Promise<StartedLab> {
  if (!(await engine.imageExists(plan.image))) {
    throw new InfraError(`The lab image ${plan.image} is missing or out of date: run \`npm run setup\` to build it.`);
  }
  const lab = new LabInProvision(engine, plan);
  hooks.onCreated?.(lab);
  try {
    const id = await engine.createContainer({
      name: plan.containerName,
      image: plan.image,
      labels: plan.labels,
      memoryBytes: LAB_MEMORY_BYTES,
      pidsLimit: GRADE_PROCS + NODE_PROCS * plan.nodes.length,
      devices: plan.exercise.needs.includes('tun') ? [TUN_DEVICE] : [],
    });
    lab.containerCreated(id);
    await engine.startContainer(id);
    const started = lab.started();
    const result = await started.build(plan.buildScript, BUILD_TIMEOUT_MS);
    if (result.exitCode !== 0) {
      const why = result.timedOut ? 'it took too long' : `it exited with ${result.exitCode}: ${result.output.trim().split('\n').slice(-3).join(' / ')}`;
      throw new InfraError(`Building the lab of ${plan.exercise.id} failed (${why}).`);
    }
    return started;
  } catch (error) {
    // The original error is the one to report; a failed removal is logged and counted, not thrown.
    await lab.dispose().catch((e: unknown) => cleanupFailed(`remove the half-built lab ${lab.id}`, e, { leftBehind: true }));
    throw error;
  }
}
