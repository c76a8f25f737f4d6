import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { LABEL } from '../runner/labels.js';
import { nodeSetupScript } from '../runner/node-setup-script.js';
import type { Exercise } from './exercise.js';
import { addressOf } from './ipv4.js';
import type { LabPlan } from './lab-plan.js';

export interface PlanOptions {
  readonly image: string;
  /** Keep the lab after this process exits (`grade start`). */
  readonly keep?: boolean;
  readonly labId?: string;
  readonly token?: string;
  readonly ownerPid?: number;
}

/** Turn an exercise into concrete Docker names, labels and setup scripts. Pure apart from the random ids. */
export function planLab(exercise: Exercise, options: PlanOptions): LabPlan {
  const labId = options.labId ?? `${exercise.id}-${randomBytes(3).toString('hex')}`;
  const token = options.token ?? randomBytes(8).toString('hex');
  const common: Record<string, string> = {
    [LABEL.lab]: labId,
    [LABEL.exercise]: exercise.id,
    [LABEL.ownerPid]: String(options.ownerPid ?? process.pid),
    [LABEL.ownerHost]: hostname(),
    [LABEL.keep]: options.keep ? 'true' : 'false',
    [LABEL.token]: token,
  };
  const dockerName = (name: string) => `grade-${labId}-${name}`;
  const hosts = exercise.nodes.flatMap((n) => {
    const first = n.interfaces.flatMap((i) => i.addresses)[0];
    return first ? [{ name: n.name, address: addressOf(first) }] : [];
  });
  return {
    labId,
    exercise,
    image: options.image,
    token,
    keep: options.keep ?? false,
    networks: exercise.networks.map((n) => ({
      name: n.name,
      dockerName: dockerName(n.name),
      labels: { ...common, [LABEL.network]: n.name },
    })),
    nodes: exercise.nodes.map((spec) => ({
      spec,
      containerName: dockerName(spec.name),
      labels: { ...common, [LABEL.node]: spec.name },
      dockerNetworks: spec.interfaces.map((i) => dockerName(i.network)),
      setupScript: nodeSetupScript(spec, hosts),
    })),
  };
}
