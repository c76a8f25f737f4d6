import { cleanupFailed } from '../core/cleanup-failures.js';
import { InfraError } from '../core/errors.js';
import type { Engine } from './engine.js';
import { LAB_MEMORY_BYTES, labPidsLimit } from './lab-budget.js';
import type { LabPlan } from './lab-plan.js';
import { LabInProvision, type StartedLab, type TrackedLab } from './started-lab.js';

const BUILD_TIMEOUT_MS = 60_000;
export const TUN_DEVICE = '/dev/net/tun';

export interface ProvisionHooks {
  /** Told about the lab before anything exists, so Ctrl-C during provisioning can still tear it down (same id as the lab returned). */
  readonly onCreated?: (lab: TrackedLab) => void;
}

/** Create the lab's container and build its nodes and links inside it. On failure, removes what it made and rethrows. */
export async function provision(engine: Engine, plan: LabPlan, hooks: ProvisionHooks = {}): Promise<StartedLab> {
  return buildLab(await provisionContainer(engine, plan, hooks), plan);
}

/**
 * The lab's container, started, with nothing built in it yet: no node, no link, no process but its
 * PID 1 (a warm pool's lab for an exercise with variants, built for the learner's variant on join).
 */
export async function provisionContainer(engine: Engine, plan: LabPlan, hooks: ProvisionHooks = {}): Promise<StartedLab> {
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
      pidsLimit: labPidsLimit(plan.exercise),
      devices: plan.exercise.needs.includes('tun') ? [TUN_DEVICE] : [],
    });
    lab.containerCreated(id);
    await engine.startContainer(id);
    return lab.started();
  } catch (error) {
    await lab.dispose().catch((e: unknown) => cleanupFailed(`remove the half-built lab ${lab.id}`, e, { leftBehind: true }));
    throw error;
  }
}

/**
 * Build `plan`'s nodes and links in a started container where nothing was built yet; the lab is then
 * `plan`'s (its variant), under the container's lab id and token. On failure, removes it and rethrows.
 */
export async function buildLab(bare: StartedLab, plan: LabPlan): Promise<StartedLab> {
  const started = bare.withPlan(plan);
  try {
    const result = await started.build(plan.buildScript, BUILD_TIMEOUT_MS);
    if (result.exitCode !== 0) {
      const why = result.timedOut ? 'it took too long' : `it exited with ${result.exitCode}: ${result.output.trim().split('\n').slice(-3).join(' / ')}`;
      throw new InfraError(`Building the lab of ${plan.exercise.id} failed (${why}).`);
    }
    return started;
  } catch (error) {
    // The original error is the one to report; a failed removal is logged and counted, not thrown.
    await started.dispose().catch((e: unknown) => cleanupFailed(`remove the half-built lab ${started.id}`, e, { leftBehind: true }));
    throw error;
  }
}
