// The validated, defaults-filled form of an exercise folder. Everything downstream reads these
// read-only objects and never re-checks them (the loader validated once, at the edge).

export type NodeRole = 'host' | 'router' | 'server';

/** Who configures a node: the learner, or the lab itself (its servers, which the learner may not touch). */
export type NodeOwner = 'learner' | 'lab';

/** Something of the host's that a lab must be given: `tun` is /dev/net/tun. */
export type LabNeed = 'tun';

export interface InterfaceSpec {
  /** Interface name inside the node, e.g. eth0 or veth-red-br. */
  readonly name: string;
  /** The exercise network (a veth pair or a bridge inside the lab) this interface is plugged into. */
  readonly network: string;
  /** Addresses in CIDR form, applied at provision time. Empty: the interface is up with no address. */
  readonly addresses: readonly string[];
}

export interface RouteSpec {
  /** `default` or a CIDR. */
  readonly to: string;
  readonly via?: string;
  readonly dev?: string;
}

export interface ServiceSpec {
  readonly name: string;
  /** Shell command run in the background on the node; GRADE_TOKEN holds the run's token. */
  readonly command: string;
  /** TCP port the service listens on; provisioning waits until it does. */
  readonly port?: number;
}

export interface NodeSpec {
  readonly name: string;
  readonly role: NodeRole;
  readonly owner: NodeOwner;
  readonly interfaces: readonly InterfaceSpec[];
  readonly routes: readonly RouteSpec[];
  /** Keys in dotted form (net.ipv4.ip_forward) with the value to write. */
  readonly sysctls: Readonly<Record<string, string>>;
  readonly services: readonly ServiceSpec[];
  /** Extra shell run once at provision time, after addresses, routes and sysctls. */
  readonly setup?: string;
}

export interface NetworkSpec {
  readonly name: string;
  /** Informational: the lab's own subnet on this link, shown in the topology. */
  readonly subnet?: string;
  readonly description?: string;
}

export interface CheckSpec {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly points: number;
  readonly hint?: string;
  /** Checks that explain this one when it fails too (say, ip_forward for a ping through a router). */
  readonly because: readonly string[];
  /** Kind-specific parameters, validated against the kind's own schema. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface WrongCase {
  readonly name: string;
  readonly description: string;
  /** Check ids this known-wrong solution must fail; every other check must pass. */
  readonly fails: readonly string[];
  /** Folder holding the case's <node>.sh files. */
  readonly dir: string;
}

export interface Limits {
  /** A single submitted command is cut off after this many seconds. */
  readonly commandSeconds: number;
  /** A node's whole submission is cut off after this many seconds. */
  readonly submissionSeconds: number;
}

export interface Exercise {
  readonly id: string;
  /** Folder name, e.g. ex01-default-gateway. */
  readonly slug: string;
  readonly dir: string;
  readonly title: string;
  readonly summary: string;
  /** The lesson's ideas this exercise practises (`grade list`). */
  readonly concepts: readonly string[];
  /** The lesson it follows, in words (`grade list --concepts`, README table). */
  readonly lesson?: string;
  /** Devices the lab hands to its nodes (`tun`: /dev/net/tun). */
  readonly needs: readonly LabNeed[];
  readonly networks: readonly NetworkSpec[];
  readonly nodes: readonly NodeSpec[];
  readonly checks: readonly CheckSpec[];
  readonly limits: Limits;
  readonly solutionDir: string;
  /** Other correct solutions (alternatives/<name>/), written differently; each must pass every check. */
  readonly alternatives: readonly { readonly name: string; readonly dir: string }[];
  readonly wrongCases: readonly WrongCase[];
  /** What a variant may vary (`params:`); empty: the exercise has no variants and nothing is rendered. */
  readonly params: readonly ParamSpec[];
  /** The variant's id (`--variant`), or null for the lesson's own values (each param's default). */
  readonly variant: string | null;
  /** Each param's value in this variant; the exercise's files were rendered with these. */
  readonly paramValues: Readonly<Record<string, ParamValue>>;
  /** The exercise's texts in other languages than English (ko.yaml), rendered like exercise.yaml. */
  readonly texts?: { readonly ko?: ExerciseTranslation };
}

/** An exercise's learner-facing texts in one more language: every check's title, and its hint when the English has one. */
export interface ExerciseTranslation {
  readonly title: string;
  readonly summary: string;
  readonly checks: Readonly<Record<string, { readonly title: string; readonly hint?: string }>>;
}

export type ParamType = 'subnet' | 'int' | 'port';

/** A value a variant picks: a subnet in CIDR form (192.168.7.0/24), or a whole number. */
export type ParamValue = string | number;

/** One parameter of an exercise with variants (`params:`): what may vary, and within what. */
export interface ParamSpec {
  /** The name templates use: `{{lan}}`, `{{addr lan gw}}`. */
  readonly name: string;
  readonly type: ParamType;
  /** The lesson's value, used when no variant is asked for. */
  readonly default: ParamValue;
  /** subnet: the blocks a variant picks from, each as large as the default's prefix allows. */
  readonly within: readonly string[];
  /** int and port: the inclusive range (subnet: 0). */
  readonly min: number;
  readonly max: number;
  /** int and port: params of one group always get different values (the host numbers on one subnet). */
  readonly group?: string;
  readonly description?: string;
}

export const DEFAULT_LIMITS: Limits = { commandSeconds: 20, submissionSeconds: 120 };
