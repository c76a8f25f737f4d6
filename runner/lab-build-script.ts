import type { Exercise, NodeSpec } from '../core/exercise.js';
import { addressOf } from '../core/ipv4.js';
import { budgetLine } from './lab-budget.js';
import type { PlannedLink } from './lab-plan.js';
import { shq } from './shell-quote.js';

// The bash program that turns a fresh lab container into the exercise's network. It runs once, as the
// container's root, with the functions of runner/image/lab-lib.sh; GRADE_TOKEN holds the run's token.
// Nodes start in parallel, then links are made, then each node is configured as its own root would
// (addresses, routes, sysctls, /etc/hosts), then the lab's services start. The learner's nodes get
// their memory and process budgets before anything runs in them.
export function labBuildScript(exercise: Exercise, links: readonly PlannedLink[]): string {
  const hosts = hostsFile(exercise);
  return [
    'source /usr/local/lib/grade/lab-lib.sh',
    ...(exercise.needs.includes('tun') ? ['lab_tun'] : []),
    parallel(exercise.nodes.map((n) => `lab_node ${shq(n.name)}`)),
    ...exercise.nodes.map((n) => `lab_bind ${shq(n.name)}`),
    // Before any learner process: node set-up below already runs in the node's budget.
    budgetLine(exercise),
    ...links.flatMap(linkLines),
    'lab_links',
    parallel(exercise.nodes.map((n) => `lab_configure ${shq(n.name)}`), exercise.nodes.map((n) => nodeConfig(n, hosts))),
    ...exercise.nodes.flatMap((n) => n.services.map((s) => `lab_service ${shq(n.name)} ${shq(s.name)} ${s.port ?? 0} ${shq(s.command)}`)),
  ].join('\n') + '\n';
}

/** Run commands at once (each optionally fed a here-document), then fail if any failed. */
function parallel(commands: readonly string[], stdin: readonly string[] = []): string {
  const started = commands.map((c, i) => {
    const body = stdin[i];
    if (body === undefined) return `${c} &`;
    const end = terminator(body);
    return `${c} <<'${end}' &\n${body}${end}`;
  });
  return ['pids=()', ...started.map((c) => `${c}\npids+=($!)`), 'wait_all "${pids[@]}"'].join('\n');
}

/** A here-document terminator that no line of the body equals, so no `setup:` text can end it early. */
export function terminator(body: string): string {
  const lines = new Set(body.split('\n'));
  let end = 'GRADE_NODE_CONFIG';
  for (let n = 1; lines.has(end); n++) end = `GRADE_NODE_CONFIG_${n}`;
  return end;
}

function linkLines(link: PlannedLink): string[] {
  return [
    `lab_switch ${shq(link.network)} ${link.bridge}`,
    ...link.ends.map((e) => `lab_switch_port ${link.bridge} ${shq(e.node)} ${shq(e.ifname)} ${e.port}`),
  ];
}

export function hostsFile(exercise: Exercise): string {
  const lines = exercise.nodes.flatMap((n) => {
    const first = n.interfaces.flatMap((i) => i.addresses)[0];
    return first ? [`${addressOf(first)}\t${n.name}`] : [];
  });
  return ['127.0.0.1\tlocalhost', ...lines].join('\n');
}

/** What a node's own root runs before the learner arrives (as a here-document: see terminator). */
/**
 * The node's addresses, links and routes. One `ip -batch` process does them all (a lab is built for
 * every submission a batch grades, so each process saved counts); it stops at the first failure, as
 * `set -e` would. Its batch syntax has no quoting, so a word that would need any goes the long way.
 */
function ipCommands(node: NodeSpec): string[] {
  const commands: string[] = [];
  for (const iface of node.interfaces) {
    for (const address of iface.addresses) commands.push(`addr add ${address} dev ${iface.name}`);
    commands.push(`link set dev ${iface.name} up`);
  }
  for (const route of node.routes) commands.push(`route add ${route.to}${route.via ? ` via ${route.via}` : ''}${route.dev ? ` dev ${route.dev}` : ''}`);
  if (commands.length === 0) return [];
  if (commands.every((c) => /^[A-Za-z0-9 ./:@_-]+$/.test(c))) return [`ip -batch - <<'GRADE_IP'`, ...commands, 'GRADE_IP'];
  return commands.map((c) => `ip ${c.split(' ').map(shq).join(' ')}`);
}

export function nodeConfig(node: NodeSpec, hosts: string): string {
  const lines = [
    'set -eu',
    `printf '%s\\n' ${shq(hosts)} > /etc/hosts`,
    ': > /etc/resolv.conf',
    // A host with br_netfilter would send frames crossing a learner's bridge through iptables: not on a real Linux box.
    'for f in /proc/sys/net/bridge/bridge-nf-call-iptables /proc/sys/net/bridge/bridge-nf-call-ip6tables /proc/sys/net/bridge/bridge-nf-call-arptables; do if [ -e "$f" ]; then echo 0 > "$f"; fi; done',
  ];
  for (const [key, value] of Object.entries({ 'net.ipv4.ip_forward': '0', ...node.sysctls })) {
    lines.push(`echo ${shq(value)} > ${shq(`/proc/sys/${key.replace(/\./g, '/')}`)}`);
  }
  lines.push(...ipCommands(node));
  // The lab's services run as nobody (see lab_service in lab-lib.sh) and may serve port 80.
  if (node.services.length > 0) lines.push('echo 0 > /proc/sys/net/ipv4/ip_unprivileged_port_start');
  if (node.setup) lines.push(node.setup.trimEnd());
  return lines.join('\n') + '\n';
}
