import type { Exercise } from '../core/exercise.js';
import type { Engine } from './engine.js';
import { LABEL } from './labels.js';
import { planLab } from './plan-lab.js';
import { StartedLab } from './started-lab.js';

/** The running lab that `grade start` left for an exercise, re-attached from its labels; null if none. */
export async function findKeptLab(engine: Engine, exercise: Exercise, image: string): Promise<StartedLab | null> {
  const found = await engine.listLabelled(LABEL.exercise, exercise.id);
  const kept = found.containers.find((c) => c.labels[LABEL.keep] === 'true' && c.labels[LABEL.lab]);
  if (!kept) return null;
  const plan = planLab(exercise, { image, keep: true, labId: kept.labels[LABEL.lab]!, token: kept.labels[LABEL.token] ?? '' });
  const lab = new StartedLab(engine, plan);
  lab.adoptContainer(kept.id);
  return lab;
}
