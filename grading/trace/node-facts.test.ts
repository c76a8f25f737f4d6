import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../checks/iptables/cidr.js';
import { addrText } from './fixtures.js';
import { lookupRoute, parseAddresses, parseRoutes } from './node-facts.js';

describe('parseAddresses', () => {
  it('reads interfaces, their state, bridge master and addresses, peers included', () => {
    const text = `${addrText([['eth0', '10.0.0.2/24'], ['veth-a', null, 'br0'], ['br0', '192.168.15.5/24'], ['eth9', '10.9.0.1/24', undefined, false]])}
7: tun0: <POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UNKNOWN group default qlen 500
    inet 10.244.0.1 peer 10.244.1.1/32 scope global tun0`;
    const ifaces = parseAddresses(text);
    expect(ifaces.map((i) => [i.name, i.usable, i.master, i.addresses.map((a) => a.text)])).toEqual([
      ['lo', true, null, ['127.0.0.1']],
      ['eth0', true, null, ['10.0.0.2']],
      ['veth-a', true, 'br0', []],
      ['br0', true, null, ['192.168.15.5']],
      ['eth9', false, null, ['10.9.0.1']],
      ['tun0', true, null, ['10.244.0.1']],
    ]);
    expect(ifaces[5]?.addresses[0]?.net).toEqual({ base: parseIpv4('10.244.1.1'), prefix: 32 });
  });
});

describe('parseRoutes and lookupRoute', () => {
  const routes = parseRoutes(
    [
      'default via 192.168.1.1 dev eth0 onlink',
      '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 linkdown',
      '10.0.0.0/8 via 192.168.1.254 dev eth0',
      'blackhole 10.1.0.0/16',
      'unreachable 10.2.0.0/16',
      '10.3.0.0/16 proto static',
      '\tnexthop via 192.168.1.2 dev eth0 weight 1',
      '\tnexthop via 192.168.1.3 dev eth0 weight 1',
    ].join('\n'),
  );
  const pick = (a: string) => lookupRoute(routes, parseIpv4(a)!);

  it('takes the longest prefix, with types, gateways, devices and sources', () => {
    expect(pick('8.8.8.8')).toMatchObject({ type: 'unicast', via: '192.168.1.1', dev: 'eth0', unreadable: false });
    expect(pick('192.168.1.7')).toMatchObject({ via: null, dev: 'eth0', src: '192.168.1.10' });
    expect(pick('10.9.9.9')).toMatchObject({ via: '192.168.1.254' });
    expect(pick('10.1.2.3')?.type).toBe('blackhole');
    expect(pick('10.2.2.3')?.type).toBe('unreachable');
    expect(pick('10.3.2.3')?.unreadable).toBe(true);
    expect(lookupRoute(parseRoutes('192.168.1.0/24 dev eth0'), parseIpv4('8.8.8.8')!)).toBeNull();
  });
});

describe('parseAddresses: what a device leads to, where the tracer stops', () => {
  const text = [
    '5: tundudp: <POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UNKNOWN group default qlen 500',
    '    link/none ',
    '    inet 10.254.0.1/24 scope global tundudp',
    '7: veth10@if6: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master jk-br0 state UP group default qlen 1000',
    '    link/ether 3a:1c:00:00:00:01 brd ff:ff:ff:ff:ff:ff link-netns NS1',
    '8: veth30@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
    '    link/ether 3a:1c:00:00:00:03 brd ff:ff:ff:ff:ff:ff link-netnsid 2',
    '9: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
    '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff',
  ].join('\n');
  it('a TUN device, a veth into a named or numbered namespace; nothing said of a plain interface', () => {
    expect(parseAddresses(text).map((i) => [i.name, i.leadsTo])).toEqual([
      ['tundudp', 'a TUN device, whose packets a program on the node carries'],
      ['veth10', 'a link whose other end is in the network namespace NS1'],
      ['veth30', 'a link whose other end is in another network namespace'],
      ['eth0', null],
    ]);
  });
});
