import type { NodeSpec } from '../core/exercise.js';
import { shq } from './shell-quote.js';

// Docker gives every interface an address from its own subnet, a default route, a DNS forwarder and
// its own interface names. This script replaces all of that with the exercise's own network, so a lab
// has no route out of itself and two labs with the same addresses never meet.
const PRELUDE = `
set -eu
for _ in $(seq 1 400); do [ -e /run/grade-node-ready ] && break; sleep 0.025; done
[ -e /run/grade-node-ready ] || { echo "the node's init did not finish" >&2; exit 1; }
ifname_of() { for d in /sys/class/net/*; do [ "$(cat "$d/address")" = "$1" ] && { echo "\${d##*/}"; return; }; done; echo "no interface has MAC $1" >&2; return 1; }
n=0
for pair in $GRADE_IFMAP; do
  cur=$(ifname_of "\${pair%%=*}")
  ip addr flush dev "$cur"
  ip link set dev "$cur" down
  ip link set dev "$cur" name "gtmp$n"
  n=$((n+1))
done
n=0
for pair in $GRADE_IFMAP; do
  ip link set dev "gtmp$n" name "\${pair#*=}"
  n=$((n+1))
done
ip route flush table main
ip link set lo up
# A host with br_netfilter would send frames crossing a learner's bridge through iptables: not on a real Linux box.
for f in /proc/sys/net/bridge/bridge-nf-call-iptables /proc/sys/net/bridge/bridge-nf-call-ip6tables /proc/sys/net/bridge/bridge-nf-call-arptables; do
  if [ -e "$f" ]; then echo 0 > "$f"; fi
done
iptables -t nat -F && iptables -t nat -X
: > /etc/resolv.conf
`;

export function nodeSetupScript(node: NodeSpec, hosts: readonly { name: string; address: string }[]): string {
  const lines: string[] = [PRELUDE.trim()];
  const hostsFile = ['127.0.0.1\tlocalhost', ...hosts.map((h) => `${h.address}\t${h.name}`)].join('\n');
  lines.push(`printf '%s\\n' ${shq(hostsFile)} > /etc/hosts`);
  const sysctls = { 'net.ipv4.ip_forward': '0', ...node.sysctls };
  for (const [key, value] of Object.entries(sysctls)) {
    lines.push(`echo ${shq(value)} > ${shq(`/proc/sys/${key.replace(/\./g, '/')}`)}`);
  }
  for (const iface of node.interfaces) {
    for (const address of iface.addresses) lines.push(`ip addr add ${shq(address)} dev ${shq(iface.name)}`);
    lines.push(`ip link set dev ${shq(iface.name)} up`);
  }
  for (const route of node.routes) {
    const via = route.via ? ` via ${shq(route.via)}` : '';
    const dev = route.dev ? ` dev ${shq(route.dev)}` : '';
    lines.push(`ip route add ${shq(route.to)}${via}${dev}`);
  }
  if (node.setup) lines.push(node.setup);
  for (const service of node.services) {
    const log = `/var/log/grade-${service.name}.log`;
    lines.push(`setsid bash -c ${shq(service.command)} > ${shq(log)} 2>&1 < /dev/null &`);
  }
  for (const service of node.services) {
    if (!service.port) continue;
    lines.push(
      `for _ in $(seq 1 200); do ss -Hltn 'sport = :${service.port}' | grep -q . && break; sleep 0.025; done`,
      `ss -Hltn 'sport = :${service.port}' | grep -q . || { echo ${shq(`service ${service.name} is not listening on port ${service.port}`)} >&2; cat ${shq(`/var/log/grade-${service.name}.log`)} >&2; exit 1; }`,
    );
  }
  return lines.join('\n') + '\n';
}
