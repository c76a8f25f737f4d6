import type { Exercise } from '../core/exercise.js';
import { hostsFile, nodeConfig, terminator } from './lab-build-script.js';
import type { PlannedLink } from './lab-plan.js';
import { shq } from './shell-quote.js';

// The bash program that puts one node of a running lab back as the build script left it, leaving the
// other nodes alone. It runs like the build script (container root, lab-lib.sh, GRADE_TOKEN set):
//   1. unplug: deleting the switch's end of each of the node's veths deletes the node's end too;
//   2. end the node: SIGKILL to its PID 1 ends every process of its PID namespace (the learner's,
//      those in namespaces they made), and grade's own processes in its network namespace (the lab's
//      services, a check's listener) are ended by namespace; the bind mounts that kept its
//      namespaces go, so the kernel frees them with their interfaces, routes, rules, sysctls and the
//      learner's /run/netns;
//   3. make it again with lab_node and lab_bind, plug it back into the same switch ports (with the
//      MAC addresses its interfaces had, so the other nodes' ARP caches stay right), configure it
//      and start its services, as the build did.
export function nodeResetScript(exercise: Exercise, links: readonly PlannedLink[], name: string): string {
  return ['source /usr/local/lib/grade/lab-lib.sh', NODE_DOWN, ...nodeReset(exercise, links, name)].join('\n') + '\n';
}

/**
 * Every node of the lab put back, all at once, in the same container (`grade reset exNN`): a
 * fresh lab without a new container, so what lives beside the nodes (the shell history, the switch)
 * stays, and it takes a fraction of a second.
 */
export function labResetScript(exercise: Exercise, links: readonly PlannedLink[]): string {
  // The nodes share nothing but the switch, and each has its own ports there: they go back at once.
  const each = exercise.nodes.map((n) => `(\n${nodeReset(exercise, links, n.name).join('\n')}\n) &\npids+=($!)`);
  return ['source /usr/local/lib/grade/lab-lib.sh', NODE_DOWN, 'pids=()', ...each, 'wait_all "${pids[@]}"'].join('\n') + '\n';
}

function nodeReset(exercise: Exercise, links: readonly PlannedLink[], name: string): string[] {
  const node = exercise.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`${exercise.id} has no node ${name}`);
  const ends = links.flatMap((l) => l.ends.filter((e) => e.node === name).map((e) => ({ ...e, bridge: l.bridge })));
  const config = nodeConfig(node, hostsFile(exercise));
  const end = terminator(config);
  return [
    `dir=$(node_dir ${shq(name)})`,
    ...ends.map((e) => `mac_${e.port}=$(mac_of "$dir" ${shq(e.ifname)})`),
    ...ends.map((e) => `ip -n "$SW_NS" link del ${e.port} 2>/dev/null || true`),
    'node_down "$dir"',
    `lab_budget_renew ${shq(name)}`,
    `lab_node ${shq(name)}`,
    `lab_bind ${shq(name)}`,
    `read -r holder <"$dir/holder"`,
    ...ends.flatMap((e) => [
      `ip link add ${shq(e.ifname)} \${mac_${e.port}:+address "$mac_${e.port}"} netns "$holder" type veth peer name ${e.port} netns "$SW_NS"`,
      `ip -n "$SW_NS" link set ${e.port} master ${e.bridge} up`,
    ]),
    `lab_configure ${shq(name)} <<'${end}'\n${config}${end}`,
    ...node.services.map((s) => `lab_service ${shq(name)} ${shq(s.name)} ${s.port ?? 0} ${shq(s.command)}`),
  ];
}

const NODE_DOWN = String.raw`
# The MAC address of a node's interface, if it is still there under its name; else nothing.
mac_of() {
  nsenter --net="$1/ns/net" ip -o link show dev "$2" 2>/dev/null | sed -n 's/.* link\/ether \([0-9a-f:]*\) .*/\1/p' || true
}
node_down() {
  local dir=$1 pid1 net ns
  # SIGKILL to the node's PID 1 ends every process of its PID namespace: all the learner's.
  read -r pid1 <"$dir/pid1"
  net=$(stat -L -c %i "$dir/ns/net")
  kill -KILL "$pid1" 2>/dev/null || true
  # grade holds no CAP_KILL: each owner (nobody, for the services) signals its own processes.
  ps -e -o netns=,uid=,pid= | awk -v net="$net" '$1 == net { p[$2] = p[$2] " " $3 } END { for (u in p) print u p[u] }' |
    while read -r uid pids; do setpriv --reuid="$uid" --regid="$uid" --clear-groups kill -KILL $pids 2>/dev/null || true; done
  for ns in uts ipc pid user net; do umount -l "$dir/ns/$ns"; done
  rm -f "$dir/ns/mnt"
}
`;
