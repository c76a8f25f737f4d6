import type { Exercise, NodeSpec } from '../core/exercise.js';

/** Everything needed to provision one lab, decided before Docker is touched. */
export interface LabPlan {
  readonly labId: string;
  readonly exercise: Exercise;
  readonly image: string;
  /** Random per run: services print it, checks expect it, so no answer can be hard-coded. */
  readonly token: string;
  readonly keep: boolean;
  /** The lab's one container. */
  readonly containerName: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly nodes: readonly PlannedNode[];
  readonly links: readonly PlannedLink[];
  /** Bash run once inside the container (with lab-lib.sh) that makes the nodes and links and configures them. */
  readonly buildScript: string;
}

export interface PlannedNode {
  readonly spec: NodeSpec;
}

/** One end of a link: an interface of a node. */
export interface LinkEnd {
  readonly node: string;
  readonly ifname: string;
}

/**
 * A network of the exercise: a bridge in the lab's hidden switch namespace. Each member's interface
 * is a veth whose peer (`port`) is a port of that bridge, where grade's probes can watch it.
 */
export interface PlannedLink {
  readonly network: string;
  readonly bridge: string;
  readonly ends: readonly (LinkEnd & { readonly port: string })[];
}
