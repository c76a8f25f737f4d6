// Shared set-up for the suites that run against the real Docker engine and the real lab image.
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkKinds } from '../../checks/registry.js';
import type { Exercise } from '../../core/exercise.js';
import { loadExercise } from '../../core/load-exercise.js';
import { packageRoot } from '../../core/package-root.js';
import { DockerEngine } from '../../runner/docker-engine.js';
import type { ExecResult } from '../../runner/lab-exec.js';
import { labImageRef } from '../../runner/lab-image.js';
import { LABEL } from '../../runner/labels.js';
import { planLab } from '../../runner/plan-lab.js';
import { provision } from '../../runner/provision.js';
import type { StartedLab } from '../../runner/started-lab.js';

export const root = packageRoot();
export const kinds = checkKinds();
export const engine = new DockerEngine();
export const image = labImageRef();

export function exercise(slug: string): Exercise {
  return loadExercise(join(root, 'exercises', slug), kinds);
}

/** A fresh lab of an exercise, owned by this test process; dispose it (or `await using`). */
export function startLab(slug: string): Promise<StartedLab> {
  return provision(engine, planLab(exercise(slug), { image }));
}

/** A bash script run in a node as the learner runs commands there (`lab.runAsLearner`). */
export function asLearner(lab: StartedLab, node: string, script: string): Promise<ExecResult> {
  return lab.runAsLearner(node, ['bash', '-c', script]);
}

/** Every test file ends by proving it left no labelled container or network of its own behind. */
export async function expectNoLabsOfThisProcess(): Promise<void> {
  const found = await engine.listLabelled(LABEL.ownerPid, String(process.pid));
  expect([...found.containers.map((c) => c.name), ...found.networks.map((n) => n.name)]).toEqual([]);
}
