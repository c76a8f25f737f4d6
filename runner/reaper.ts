import { hostname } from 'node:os';
import type { Engine, LabelledResources } from './engine.js';
import { claimed } from './lab-claims.js';
import { LABEL } from './labels.js';
import { inScope } from './lab-scope.js';

export interface ReapOptions {
  /** Also remove labs that `grade start` keeps for learners (`grade clean`): those of this process's scope only. */
  readonly includeKept?: boolean;
}

/** Remove labs whose owning process is gone (crashed or killed runs); returns the ids of the labs it removed something of. */
export async function reapLabs(engine: Engine, options: ReapOptions = {}): Promise<string[]> {
  const found = await engine.listLabelled(LABEL.lab);
  const here = hostname();
  const doomed = new Set<string>();
  for (const labels of [...found.containers, ...found.networks].map((r) => r.labels)) {
    const lab = labels[LABEL.lab];
    if (!lab) continue;
    const orphan = labels[LABEL.keep] !== 'true' && labels[LABEL.ownerHost] === here && !alive(Number(labels[LABEL.ownerPid])) && !claimed(labels);
    if ((options.includeKept && inScope(labels)) || orphan) {
      doomed.add(lab);
    }
  }
  return removeLabs(engine, found, doomed);
}

/** Remove the listed labs' containers, then any Docker networks older versions of grade made; returns the labs actually touched. */
export async function removeLabs(engine: Engine, found: LabelledResources, labs: ReadonlySet<string>): Promise<string[]> {
  const removed = new Set<string>();
  const mine = (labels: Record<string, string>) => labs.has(labels[LABEL.lab] ?? '');
  const note = (labels: Record<string, string>) => (gone: boolean) => {
    if (gone) removed.add(labels[LABEL.lab]!);
  };
  await Promise.all(found.containers.filter((c) => mine(c.labels)).map((c) => engine.removeContainer(c.id).then(note(c.labels))));
  await Promise.all(found.networks.filter((n) => mine(n.labels)).map((n) => engine.removeNetwork(n.id).then(note(n.labels))));
  return [...removed].sort();
}

/** Whether a process of this machine still runs (EPERM: it does, as another user). */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
