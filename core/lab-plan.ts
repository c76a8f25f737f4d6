import type { Exercise, NodeSpec } from './exercise.js';

/** Everything needed to provision one lab, decided before Docker is touched. */
export interface LabPlan {
  readonly labId: string;
  readonly exercise: Exercise;
  readonly image: string;
  /** Random per run: services print it, checks expect it, so no answer can be hard-coded. */
  readonly token: string;
  readonly keep: boolean;
  readonly networks: readonly PlannedNetwork[];
  readonly nodes: readonly PlannedNode[];
}

export interface PlannedNetwork {
  readonly name: string;
  readonly dockerName: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface PlannedNode {
  readonly spec: NodeSpec;
  readonly containerName: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Docker network names in the order they are attached; the first is given at create time. */
  readonly dockerNetworks: readonly string[];
  /** Shell that turns a fresh container into this node; reads GRADE_IFMAP ("mac=ifname ..."). */
  readonly setupScript: string;
}
