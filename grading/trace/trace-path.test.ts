import { describe, expect, it } from 'vitest';
import { UFW_IPTABLES_SAVE } from '../../checks/iptables/fixtures.js';
import type { NodeState } from '../../core/result.js';
import { addrText, BRIDGED, bridged, nodeState, rulesText, TWO_NETS, twoNets } from './fixtures.js';
import { labWorld } from './lab-world.js';
import { tracePath, type Flow } from './trace-path.js';

const ping: Flow = { from: 'network01', to: '192.168.100.2', proto: 'icmp' };
const trace = (states: Map<string, NodeState>, flow: Flow = ping) => tracePath(labWorld(TWO_NETS, states), flow);
const hops = (t: ReturnType<typeof tracePath>) => t.hops.map((h) => `${h.from}>${h.to}@${h.network}${h.back ? '<' : ''}`);

const router = (iptables: string, forwarding = true): NodeState =>
  nodeState(
    addrText([['eth0', '192.168.150.3/24'], ['eth1', '192.168.100.3/24']]),
    ['192.168.100.0/24 dev eth1 proto kernel scope link src 192.168.100.3', '192.168.150.0/24 dev eth0 proto kernel scope link src 192.168.150.3'],
    iptables,
    forwarding,
  );

describe('tracePath', () => {
  it('follows a working ping there and back', () => {
    const t = trace(twoNets());
    expect(t.broken).toBeNull();
    expect(hops(t)).toEqual(['network01>router@net1', 'router>network02@net2', 'network02>router@net2<', 'router>network01@net1<']);
  });

  it('stops at a sender without a route', () => {
    const t = trace(twoNets({ network01: nodeState(addrText([['eth0', '192.168.150.2/24']]), ['192.168.150.0/24 dev eth0 proto kernel scope link src 192.168.150.2']) }));
    expect(t.broken).toMatchObject({ from: 'network01', to: null, network: null, kind: 'no-route', reason: 'network01 has no route to 192.168.100.2.' });
    expect(t.hops).toEqual([]);
  });

  it('stops at a gateway nobody holds, on the link to it', () => {
    const t = trace(twoNets({ network01: nodeState(addrText([['eth0', '192.168.150.2/24']]), ['default via 192.168.150.100 dev eth0', '192.168.150.0/24 dev eth0 scope link']) }));
    expect(t.broken).toMatchObject({ from: 'network01', network: 'net1', kind: 'no-route' });
    expect(t.broken?.reason).toContain('to 192.168.150.100 on net1, but no node there holds 192.168.150.100');
  });

  it('stops at a router that does not forward', () => {
    const t = trace(twoNets({ router: router(rulesText(), false) }));
    expect(t.broken).toMatchObject({ from: 'router', to: null, kind: 'forwarding-off' });
    expect(t.broken?.reason).toMatch(/^Forwarding is off on router \(net\.ipv4\.ip_forward = 0\)/);
    expect(hops(t)).toEqual(['network01>router@net1']);
  });

  it('stops at the far end when it has no way back', () => {
    const t = trace(twoNets({ network02: nodeState(addrText([['eth0', '192.168.100.2/24']]), ['192.168.100.0/24 dev eth0 proto kernel scope link']) }));
    expect(t.broken).toMatchObject({ from: 'network02', to: null, network: null, kind: 'no-way-back', reason: 'network02 has no route back to 192.168.150.2.' });
    expect(hops(t)).toEqual(['network01>router@net1', 'router>network02@net2']);
  });

  it('stops at a FORWARD chain whose policy drops, naming the next node and network', () => {
    const t = trace(twoNets({ router: router(rulesText({ forward: 'DROP' })) }));
    expect(t.broken).toMatchObject({ from: 'router', to: 'network02', network: 'net2', kind: 'dropped' });
    expect(t.broken?.reason).toBe("router's FORWARD chain drops the echo requests from 192.168.150.2 to 192.168.100.2 (policy DROP: no rule accepts them).");
  });

  it('lets requests through one rule and stops the replies at the policy, on the way back', () => {
    const t = trace(twoNets({ router: router(rulesText({ forward: 'DROP', rules: ['-A FORWARD -s 192.168.150.0/24 -i eth0 -o eth1 -j ACCEPT'] })) }));
    expect(t.broken).toMatchObject({ from: 'router', to: 'network01', network: 'net1', kind: 'dropped' });
    expect(t.broken?.reason).toContain('echo replies from 192.168.100.2 to 192.168.150.2');
  });

  it('lets the replies through a conntrack rule', () => {
    const rules = ['-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', '-A FORWARD -i eth0 -o eth1 -p tcp -m tcp --dport 12345 -j ACCEPT'];
    const t = trace(twoNets({ router: router(rulesText({ forward: 'DROP', rules })) }), { ...ping, proto: 'tcp', port: 12345 });
    expect(t.broken).toBeNull();
    expect(trace(twoNets({ router: router(rulesText({ forward: 'DROP', rules })) })).broken?.kind).toBe('dropped');
  });

  it('names a DROP or REJECT rule that matches, and passes one that does not', () => {
    const drop = trace(twoNets({ router: router(rulesText({ rules: ['-A FORWARD -d 192.168.100.2/32 -p icmp -j REJECT --reject-with icmp-port-unreachable'] })) }));
    expect(drop.broken?.reason).toContain('chain rejects the echo requests from 192.168.150.2 to 192.168.100.2 (rule -A FORWARD -d 192.168.100.2/32 -p icmp -j REJECT');
    expect(trace(twoNets({ router: router(rulesText({ rules: ['-A FORWARD -p tcp --dport 22 -j DROP', '-A FORWARD -i eth1 -o eth0 -s 10.0.0.0/8 -j DROP'] })) })).broken).toBeNull();
  });

  it('says unknown rather than guess at a rule it cannot judge', () => {
    const t = trace(twoNets({ router: router(rulesText({ forward: 'DROP', rules: ['-A FORWARD -m time --timestart 08:00 -j ACCEPT'] })) }));
    expect(t.broken).toMatchObject({ from: 'router', kind: 'unknown' });
    expect(t.broken?.reason).toContain('-m time');
    // A rule it cannot judge that ends the same way either way changes nothing.
    expect(trace(twoNets({ router: router(rulesText({ rules: ['-A FORWARD -m limit --limit 3/min -j LOG'] })) })).broken).toBeNull();
  });

  it('follows ufw chains on the far end: the allowed port passes, another is dropped by the INPUT policy', () => {
    const far = (iptables: string) => nodeState(addrText([['eth0', '192.168.100.2/24']]), ['default via 192.168.100.3 dev eth0', '192.168.100.0/24 dev eth0 scope link'], iptables);
    const states = twoNets({ network02: far(UFW_IPTABLES_SAVE) });
    expect(trace(states, { ...ping, proto: 'tcp', port: 12345 }).broken).toBeNull();
    expect(trace(states).broken).toBeNull(); // ufw lets pings in
    const closed = trace(states, { ...ping, proto: 'tcp', port: 8080 });
    expect(closed.broken).toMatchObject({ from: 'network02', network: null, kind: 'dropped' });
    expect(closed.broken?.reason).toContain("network02's INPUT chain drops the packets of the connection from 192.168.150.2 to 192.168.100.2 port 8080 (policy DROP");
  });

  it('follows DNAT on arrival and in nat OUTPUT, and says where packets end without it', () => {
    const web: Flow = { from: 'network01', to: '192.168.150.3', proto: 'tcp', port: 8080, far: 'network02' };
    const dnat = (chain: string) => router(rulesText({}, [`-A ${chain} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.168.100.2:80`]));
    const t = trace(twoNets({ router: dnat('PREROUTING') }), web);
    expect(t.broken).toBeNull();
    expect(hops(t)).toEqual(['network01>router@net1', 'router>network02@net2', 'network02>router@net2<', 'router>network01@net1<']);
    expect(trace(twoNets({ router: dnat('OUTPUT') }), { ...web, from: 'router' }).broken).toBeNull();
    const none = trace(twoNets(), web);
    expect(none.broken).toMatchObject({ from: 'router', kind: 'unknown' });
    expect(none.broken?.reason).toBe('The packets of the connection from 192.168.150.2 to 192.168.150.3 port 8080 end at router, which holds 192.168.150.3 itself: nothing there passes them on to network02 (DNAT).');
    expect(trace(twoNets(), { from: 'network01', to: '192.168.150.2', proto: 'icmp' }).broken?.reason).toBe('network01 holds 192.168.150.2 itself, so the packets never leave it.');
  });

  it('says when a node state is missing', () => {
    const states = twoNets();
    const t = tracePath(labWorld(TWO_NETS, new Map([...states, ['router', null]])), ping);
    expect(t.broken).toMatchObject({ kind: 'unknown', from: 'network01' });
  });
});

describe('tracePath through a bridge and NAT', () => {
  const world = (states: Map<string, NodeState>) => labWorld(BRIDGED, states);

  it('crosses host\'s bridge from red to blue as two hops through host', () => {
    const t = tracePath(world(bridged()), { from: 'red', to: '192.168.15.3', proto: 'icmp' });
    expect(t.broken).toBeNull();
    expect(hops(t)).toEqual(['red>host@red-link', 'host>blue@blue-link', 'blue>host@blue-link<', 'host>red@red-link<']);
  });

  it('reaches the LAN through MASQUERADE, and the reply comes back through it', () => {
    const t = tracePath(world(bridged()), { from: 'red', to: '192.168.1.3', proto: 'tcp', port: 7000 });
    expect(t.broken).toBeNull();
    expect(hops(t)).toEqual(['red>host@red-link', 'host>lan-server@lan', 'lan-server>host@lan<', 'host>red@red-link<']);
  });

  it('without NAT the far end has no way back; a lab-owned far end hears that NAT is missing', () => {
    const t = tracePath(world(bridged([])), { from: 'red', to: '192.168.1.3', proto: 'icmp', labOwned: new Set(['lan-server']) });
    expect(t.broken).toMatchObject({
      from: 'lan-server',
      to: null,
      network: null,
      kind: 'no-way-back',
      reason: 'lan-server has no route back to 192.168.15.2: host passed the requests on without rewriting their source (no NAT).',
    });
  });

  it('stops at a bridge without the gateway address', () => {
    const states = bridged();
    const host = states.get('host')!;
    states.set('host', { ...host, addresses: host.addresses.replace('    inet 192.168.15.5/24 scope global v-net-0\n', '') });
    const t = tracePath(world(states), { from: 'red', to: '192.168.1.3', proto: 'icmp' });
    expect(t.broken).toMatchObject({ from: 'red', network: 'red-link', kind: 'no-route' });
  });
});
