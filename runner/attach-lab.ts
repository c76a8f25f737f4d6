import type { Exercise } from '../core/exercise.js';
import type { Engine } from './engine.js';
import { LABEL } from './labels.js';
import { inScope } from './lab-scope.js';
import { planLab } from './plan-lab.js';
import { StartedLab } from './started-lab.js';

/**
 * The running lab that `grade start` left for an exercise, re-attached from its labels; null if none.
 * A lab started for a variant is planned from that variant: `variantOf` renders it (without it, the
 * exercise as given, which is enough to stop the lab or open a shell).
 */
export async function findKeptLab(engine: Engine, exercise: Exercise, image: string, variantOf?: (variant: string) => Exercise): Promise<StartedLab | null> {
  const found = await engine.listLabelled(LABEL.exercise, exercise.id);
  const kept = found.containers.find((c) => c.labels[LABEL.keep] === 'true' && c.labels[LABEL.lab] && inScope(c.labels));
  if (!kept) return null;
  const variant = kept.labels[LABEL.variant];
  const planned = variant !== undefined && variantOf ? variantOf(variant) : exercise;
  const plan = planLab(planned, { image, keep: true, labId: kept.labels[LABEL.lab]!, token: kept.labels[LABEL.token] ?? '' });
  return new StartedLab(engine, plan, kept.id);
}
