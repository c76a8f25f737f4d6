import type { Exercise } from '../core/exercise.js';
import { planLab } from '../core/plan-lab.js';
import type { Engine } from './engine.js';
import { LABEL } from './labels.js';
import { StartedLab } from './started-lab.js';

/** The running lab that `grade start` left for an exercise, re-attached from its labels; null if none. */
export async function findKeptLab(engine: Engine, exercise: Exercise, image: string): Promise<StartedLab | null> {
  const found = await engine.listLabelled(LABEL.exercise, exercise.id);
  const kept = found.containers.filter((c) => c.labels[LABEL.keep] === 'true');
  const first = kept[0];
  if (!first) return null;
  const labId = first.labels[LABEL.lab]!;
  const plan = planLab(exercise, { image, keep: true, labId, token: first.labels[LABEL.token] ?? '' });
  const lab = new StartedLab(engine, plan);
  for (const c of kept.filter((c) => c.labels[LABEL.lab] === labId)) {
    const node = c.labels[LABEL.node];
    if (node) lab.adoptContainer(node, c.id);
  }
  for (const n of found.networks.filter((n) => n.labels[LABEL.lab] === labId)) lab.adoptNetwork(n.id);
  return lab;
}
