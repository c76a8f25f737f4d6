// Small handmade lab states for the path tracer's tests, written the way `ip addr`, `ip route` and
// `iptables-save` print them in a lab node.

import type { NodeState, Topology } from '../../core/result.js';

/** `ip addr` text: lo, then each [name, address/prefix or null, master or null, up]. */
export function addrText(ifaces: readonly (readonly [string, string | null, string?, boolean?])[]): string {
  const lines = ['1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000', '    inet 127.0.0.1/8 scope host lo'];
  ifaces.forEach(([name, address, master, up = true], i) => {
    const flags = up ? '<BROADCAST,MULTICAST,UP,LOWER_UP>' : '<BROADCAST,MULTICAST>';
    lines.push(`${i + 2}: ${name}@if${i + 10}: ${flags} mtu 1500 qdisc noqueue${master ? ` master ${master}` : ''} state ${up ? 'UP' : 'DOWN'} group default qlen 1000`);
    lines.push('    link/ether 02:00:00:00:00:0' + i + ' brd ff:ff:ff:ff:ff:ff link-netns grade-switch');
    if (address !== null) lines.push(`    inet ${address} scope global ${name}`, '       valid_lft forever preferred_lft forever');
  });
  return lines.join('\n');
}

/** A filter table with these policies and rules (and a nat table when given). */
export function rulesText(filter: { input?: string; forward?: string; output?: string; rules?: readonly string[] } = {}, nat: readonly string[] = []): string {
  const out = [
    '*filter',
    `:INPUT ${filter.input ?? 'ACCEPT'} [0:0]`,
    `:FORWARD ${filter.forward ?? 'ACCEPT'} [0:0]`,
    `:OUTPUT ${filter.output ?? 'ACCEPT'} [0:0]`,
    ...(filter.rules ?? []),
    'COMMIT',
  ];
  if (nat.length > 0) out.push('*nat', ':PREROUTING ACCEPT [0:0]', ':INPUT ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]', ':POSTROUTING ACCEPT [0:0]', ...nat, 'COMMIT');
  return out.join('\n');
}

export function nodeState(addresses: string, routes: readonly string[], iptables = '', forwarding = false): NodeState {
  return { addresses, routes: routes.join('\n'), iptables, forwarding };
}

/** ex02's lab: network01 - net1 - router - net2 - network02. */
export const TWO_NETS: Topology = {
  networks: [{ name: 'net1', subnet: '192.168.150.0/24' }, { name: 'net2', subnet: '192.168.100.0/24' }],
  nodes: [
    { name: 'router', role: 'router', interfaces: [{ name: 'eth0', network: 'net1', addresses: ['192.168.150.3/24'] }, { name: 'eth1', network: 'net2', addresses: ['192.168.100.3/24'] }] },
    { name: 'network01', role: 'host', interfaces: [{ name: 'eth0', network: 'net1', addresses: ['192.168.150.2/24'] }] },
    { name: 'network02', role: 'server', interfaces: [{ name: 'eth0', network: 'net2', addresses: ['192.168.100.2/24'] }] },
  ],
};

/** ex02 solved: routes both ways, forwarding on; `change` replaces some nodes' state. */
export function twoNets(change: Readonly<Record<string, NodeState>> = {}): Map<string, NodeState> {
  const states: Record<string, NodeState> = {
    router: nodeState(
      addrText([['eth0', '192.168.150.3/24'], ['eth1', '192.168.100.3/24']]),
      ['192.168.100.0/24 dev eth1 proto kernel scope link src 192.168.100.3', '192.168.150.0/24 dev eth0 proto kernel scope link src 192.168.150.3'],
      rulesText(),
      true,
    ),
    network01: nodeState(addrText([['eth0', '192.168.150.2/24']]), ['default via 192.168.150.3 dev eth0', '192.168.150.0/24 dev eth0 proto kernel scope link src 192.168.150.2']),
    network02: nodeState(addrText([['eth0', '192.168.100.2/24']]), ['192.168.150.0/24 via 192.168.100.3 dev eth0', '192.168.100.0/24 dev eth0 proto kernel scope link src 192.168.100.2']),
    ...change,
  };
  return new Map(Object.entries(states));
}

/** ex03's lab: red and blue on their own links, joined by host's bridge v-net-0; host routes to the lan. */
export const BRIDGED: Topology = {
  networks: [{ name: 'lan', subnet: '192.168.1.0/24' }, { name: 'red-link', subnet: null }, { name: 'blue-link', subnet: null }],
  nodes: [
    {
      name: 'host',
      role: 'router',
      interfaces: [
        { name: 'eth0', network: 'lan', addresses: ['192.168.1.2/24'] },
        { name: 'veth-red-br', network: 'red-link', addresses: [] },
        { name: 'veth-blue-br', network: 'blue-link', addresses: [] },
      ],
    },
    { name: 'red', role: 'host', interfaces: [{ name: 'eth0', network: 'red-link', addresses: [] }] },
    { name: 'blue', role: 'host', interfaces: [{ name: 'eth0', network: 'blue-link', addresses: [] }] },
    { name: 'lan-server', role: 'server', interfaces: [{ name: 'eth0', network: 'lan', addresses: ['192.168.1.3/24'] }] },
  ],
};

export function bridged(nat: readonly string[] = ['-A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE']): Map<string, NodeState> {
  const host = (address: string) => [['eth0', '192.168.1.2/24'], ['veth-red-br', null, 'v-net-0'], ['veth-blue-br', null, 'v-net-0'], ['v-net-0', address]] as const;
  const pod = (address: string) =>
    nodeState(addrText([['eth0', `${address}/24`]]), ['default via 192.168.15.5 dev eth0', `192.168.15.0/24 dev eth0 proto kernel scope link src ${address}`]);
  return new Map(
    Object.entries({
      host: nodeState(
        addrText(host('192.168.15.5/24')),
        ['192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.2', '192.168.15.0/24 dev v-net-0 proto kernel scope link src 192.168.15.5'],
        rulesText({}, nat),
        true,
      ),
      red: pod('192.168.15.2'),
      blue: pod('192.168.15.3'),
      'lan-server': nodeState(addrText([['eth0', '192.168.1.3/24']]), ['192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.3']),
    }),
  );
}
