import { cleanupFailed } from '../core/cleanup-failures.js';
import type { Engine } from './engine.js';
import { planLab } from './plan-lab.js';
import { provision, type ProvisionHooks } from './provision.js';
import { readHistory, restoreHistory, type HistoryRecord } from './shell-history.js';
import type { StartedLab } from './started-lab.js';

/** Something kept with a lab that a fresh lab takes over (the shell history): read from the old lab, written into the new. */
export interface LabCarry<T> {
  read(lab: StartedLab): Promise<T>;
  restore(lab: StartedLab, kept: T): Promise<void>;
}

/** The lab's shell history (runner/shell-history.ts), each session's file written back at once: a reset is meant to be quick. */
export const shellHistoryCarry: LabCarry<HistoryRecord[]> = {
  read: (lab) => readHistory(lab),
  restore: async (lab, records) => {
    const sessions = new Map<string, HistoryRecord[]>();
    for (const r of records) sessions.set(`${r.node}/${r.session}`, [...(sessions.get(`${r.node}/${r.session}`) ?? []), r]);
    await Promise.all([...sessions.values()].map((own) => restoreHistory(lab, own)));
  },
};

/**
 * A running lab made again from scratch (`grade reset exNN`): the same exercise (the same variant),
 * a fresh container, a new lab id and token. The old lab stays until the new one stands (a failed
 * build leaves the learner's lab as it was); then the new one takes over what `carry` keeps while the
 * old one is removed. Reading the old lab and building the new one overlap, to stay under a second.
 */
export async function recreateLab<T>(engine: Engine, old: StartedLab, hooks: ProvisionHooks & { readonly carry?: LabCarry<T> } = {}): Promise<StartedLab> {
  const plan = planLab(old.plan.exercise, { image: old.plan.image, keep: old.plan.keep });
  const reading = hooks.carry?.read(old);
  reading?.catch(() => undefined); // awaited below; a failed build must not leave it unhandled
  const fresh = await provision(engine, plan, hooks.onCreated ? { onCreated: hooks.onCreated } : {});
  let kept: T;
  try {
    kept = (await reading) as T;
  } catch (error) {
    await fresh.dispose().catch((e: unknown) => cleanupFailed(`remove the new lab ${fresh.id}`, e, { leftBehind: true }));
    throw error;
  }
  const [restored, removed] = await Promise.allSettled([hooks.carry?.restore(fresh, kept), old.dispose()]);
  if (restored.status === 'rejected') throw restored.reason;
  if (removed.status === 'rejected') throw removed.reason;
  return fresh;
}
