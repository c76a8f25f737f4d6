import type { Exercise } from '../core/exercise.js';
import { shq } from './shell-quote.js';

// What a lab may use, and how much of it the learner's processes get (lab_budgets in
// runner/image/lab-lib.sh). The learners' share sits below the lab's own limit, so whatever a
// learner exhausts (a filled tmpfs, a fork bomb, a memory hog) grade's checks, probes, services
// and runner still have the headroom between the two.

const MIB = 1024 * 1024;
/** The whole lab, all nodes together: enough for a handful of nodes with tools and services. */
export const LAB_MEMORY_BYTES = 768 * MIB;
/** All the learner's nodes together; the other 256 MiB are grade's. */
export const LEARNERS_MEMORY_BYTES = 512 * MIB;
/** One learner node; two such nodes reach the learners' share, never the lab's. */
export const NODE_MEMORY_BYTES = 256 * MIB;
/** Processes of one node (its cgroup; RLIMIT_NPROC where the host gives no cgroup to write). */
export const NODE_PROCS = 256;
/** Processes kept for grade above all the nodes' shares. */
export const GRADE_PROCS = 512;

/** The lab container's process limit: every node's share plus grade's own. */
export function labPidsLimit(exercise: Exercise): number {
  return GRADE_PROCS + NODE_PROCS * exercise.nodes.length;
}

/** The build script's line that gives each learner node its budget (lab-owned nodes run as grade). */
export function budgetLine(exercise: Exercise): string {
  const learners = exercise.nodes.filter((n) => n.owner === 'learner').map((n) => shq(n.name));
  return ['lab_budgets', LEARNERS_MEMORY_BYTES, NODE_MEMORY_BYTES, NODE_PROCS, ...learners].join(' ');
}
