import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Exercise } from '../core/exercise.js';
import { labBuildScript } from './lab-build-script.js';
import type { LabPlan, LinkEnd, PlannedLink } from './lab-plan.js';
import { LABEL } from './labels.js';
import { labScope } from './lab-scope.js';

export interface PlanOptions {
  readonly image: string;
  /** Keep the lab after this process exits (`grade start`). */
  readonly keep?: boolean;
  readonly labId?: string;
  readonly token?: string;
  readonly ownerPid?: number;
  /** More labels (the serve state folder of a `grade serve` lab). */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Turn an exercise into the lab's container name, labels, links and build script. Pure apart from the random ids. */
export function planLab(exercise: Exercise, options: PlanOptions): LabPlan {
  const labId = options.labId ?? `${exercise.id}-${randomBytes(3).toString('hex')}`;
  const token = options.token ?? randomBytes(8).toString('hex');
  const labels: Record<string, string> = {
    [LABEL.lab]: labId,
    [LABEL.exercise]: exercise.id,
    [LABEL.ownerPid]: String(options.ownerPid ?? process.pid),
    [LABEL.ownerHost]: hostname(),
    [LABEL.keep]: options.keep ? 'true' : 'false',
    [LABEL.token]: token,
    ...(exercise.variant !== null ? { [LABEL.variant]: exercise.variant } : {}),
    ...(labScope() !== '' ? { [LABEL.scope]: labScope() } : {}),
    ...options.labels,
  };
  const nodes = exercise.nodes.map((spec) => ({ spec }));
  const links = planLinks(exercise);
  return {
    labId,
    exercise,
    image: options.image,
    token,
    keep: options.keep ?? false,
    containerName: `grade-${labId}`,
    labels,
    nodes,
    links,
    buildScript: labBuildScript(exercise, links),
  };
}

/**
 * Each network of the exercise as a bridge in the lab's hidden switch namespace, each member's
 * interface a veth whose peer is a port of that bridge. Even a two-member link goes through the
 * switch: there grade sees every frame cross, where the learner cannot reach.
 */
export function planLinks(exercise: Exercise): PlannedLink[] {
  return exercise.networks.map((network, n) => {
    const ends: LinkEnd[] = exercise.nodes.flatMap((node) =>
      node.interfaces.filter((i) => i.network === network.name).map((i) => ({ node: node.name, ifname: i.name })),
    );
    // Names inside the switch namespace only: short, unique, and never seen by the learner.
    return { network: network.name, bridge: `br${n}`, ends: ends.map((e, p) => ({ ...e, port: `n${n}p${p}` })) };
  });
}
