// Where a check runs: a node, or a network namespace the learner made inside it (`ip netns add NS1`),
// written NODE/NS1 for the lab (grade-enter's net mode opens such a namespace safely).

import { line, type Line } from './words/say.js';

/** The schema of a `netns:` parameter: the names `ip netns add` accepts. */
export const NETNS_SCHEMA = { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' } as const;

/** `node`, or `node/netns` when the check names a namespace inside the node. */
export function placeOf(node: string, netns: string | undefined): string {
  return netns ? `${node}/${netns}` : node;
}

/**
 * grade-enter's refusal of a learner's namespace ("no such namespace", "the node's own one under a
 * second name", ...) as one sentence for the report, or undefined when the command ran.
 */
export function missingNetns(output: string): Line | undefined {
  const refusal = /^grade-enter: network namespace (\S+): (.+)$/m.exec(output);
  return refusal ? line('common.netns-refused', { netns: refusal[1]!, why: refusal[2]! }) : undefined;
}
