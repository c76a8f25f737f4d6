import { describe, expect, it } from 'vitest';
import { checkConditions, effectiveMatches, findMatchingRules, parseNatSpec, type PacketClass, type WantedTarget } from './match-rule.js';
import { UFW_IPTABLES_SAVE } from './fixtures.js';
import { parseIptablesSave, type Rule } from './parse-iptables-save.js';

const LAN = '192.168.15.0/24';

function nat(...lines: string[]) {
  return parseIptablesSave(`*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n${lines.join('\n')}\nCOMMIT\n`);
}

function filter(...lines: string[]) {
  return parseIptablesSave(`*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n${lines.join('\n')}\nCOMMIT\n`);
}

const masquerade = (packet: PacketClass, targets: WantedTarget[] = [{ target: 'MASQUERADE' }]) => ({ table: 'nat', chain: 'POSTROUTING', packet, targets });
const dnat = (packet: PacketClass, toDestination = '10.0.0.2:80') => ({
  table: 'nat', chain: 'PREROUTING', packet, targets: [{ target: 'DNAT', toDestination }],
});
const forwarded: PacketClass = { protocol: 'tcp', dport: 8080, inInterface: 'eth0' };
const lines = (rules: readonly { rule: Rule }[]) => rules.map((m) => m.rule.line);

function rule(line: string): Rule {
  const parsed = nat(line);
  const found = parsed.tables[0]?.chains.flatMap((c) => c.rules)[0];
  if (found === undefined) throw new Error(`no rule in ${line}`);
  return found;
}

describe('findMatchingRules: the lab cases', () => {
  it('passes MASQUERADE for the LAN leaving eth0', () => {
    const report = findMatchingRules(nat(`-A POSTROUTING -s ${LAN} -o eth0 -j MASQUERADE`), masquerade({ source: LAN, outInterface: 'eth0' }));
    expect(lines(effectiveMatches(report))).toEqual([`-A POSTROUTING -s ${LAN} -o eth0 -j MASQUERADE`]);
    expect(report).toMatchObject({ chainFound: true, policy: 'ACCEPT', ruleCount: 1, searched: ['POSTROUTING'], nearMisses: [] });
  });

  it('a rule with no -s covers every source', () => {
    const report = findMatchingRules(nat('-A POSTROUTING -o eth0 -j MASQUERADE'), masquerade({ source: LAN, outInterface: 'eth0' }));
    expect(effectiveMatches(report)).toHaveLength(1);
  });

  it('a wider network covers the LAN, a single host in it too', () => {
    const ruleset = nat('-A POSTROUTING -s 192.168.0.0/16 -j MASQUERADE');
    expect(effectiveMatches(findMatchingRules(ruleset, masquerade({ source: LAN })))).toHaveLength(1);
    expect(effectiveMatches(findMatchingRules(ruleset, masquerade({ source: '192.168.15.7' })))).toHaveLength(1);
  });

  it('fails MASQUERADE for 10.0.0.0/24 when 192.168.15.0/24 is wanted, and says why', () => {
    const report = findMatchingRules(nat('-A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE'), masquerade({ source: LAN, outInterface: 'eth0' }));
    expect(report.matches).toEqual([]);
    expect(report.nearMisses.map((n) => n.reasons)).toEqual([['-s covers 10.0.0.0/24, not 192.168.15.0/24']]);
  });

  it('fails a rule for part of the LAN only', () => {
    const report = findMatchingRules(nat('-A POSTROUTING -s 192.168.15.0/25 -j MASQUERADE'), masquerade({ source: LAN }));
    expect(report.matches).toEqual([]);
  });

  it('accepts SNAT --to-source 192.168.1.2 as an alternative', () => {
    const wanted = [{ target: 'MASQUERADE' }, { target: 'SNAT', toSource: '192.168.1.2' }];
    const ok = findMatchingRules(nat(`-A POSTROUTING -s ${LAN} -o eth0 -j SNAT --to-source 192.168.1.2`), masquerade({ source: LAN, outInterface: 'eth0' }, wanted));
    expect(effectiveMatches(ok)).toHaveLength(1);
    const wrong = findMatchingRules(nat(`-A POSTROUTING -s ${LAN} -o eth0 -j SNAT --to-source 192.168.1.3`), masquerade({ source: LAN, outInterface: 'eth0' }, wanted));
    expect(wrong.matches).toEqual([]);
    expect(wrong.nearMisses[0]?.reasons).toEqual(['translates the source to 192.168.1.3, not 192.168.1.2']);
  });

  it('passes the DNAT port forward', () => {
    const report = findMatchingRules(nat('-A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80'), dnat(forwarded));
    expect(effectiveMatches(report)).toHaveLength(1);
  });

  it('fails DNAT to the wrong port', () => {
    const report = findMatchingRules(nat('-A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:8080'), dnat(forwarded));
    expect(report.matches).toEqual([]);
    expect(report.nearMisses[0]?.reasons).toEqual(['sends to 10.0.0.2:8080, not 10.0.0.2:80']);
  });

  it('fails DNAT on -i eth1 when the packet arrives on eth0', () => {
    const report = findMatchingRules(nat('-A PREROUTING -i eth1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80'), dnat(forwarded));
    expect(report.matches).toEqual([]);
    expect(report.nearMisses[0]?.reasons).toEqual(['matches -i eth1, the packet arrives on eth0']);
  });

  it('fails REDIRECT where DNAT is wanted, naming the REDIRECT', () => {
    const report = findMatchingRules(nat('-A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j REDIRECT --to-ports 80'), dnat(forwarded));
    expect(report.matches).toEqual([]);
    expect(report.nearMisses[0]?.reasons).toEqual(['does REDIRECT, not DNAT']);
  });

  it('fails DNAT for the wrong port or protocol', () => {
    const other = findMatchingRules(nat('-A PREROUTING -i eth0 -p tcp -m tcp --dport 8081 -j DNAT --to-destination 10.0.0.2:80'), dnat(forwarded));
    expect(other.nearMisses[0]?.reasons).toEqual(['matches --dport 8081, the packet goes to port 8080']);
    const udp = findMatchingRules(nat('-A PREROUTING -i eth0 -p udp -m udp --dport 8080 -j DNAT --to-destination 10.0.0.2:80'), dnat(forwarded));
    expect(udp.nearMisses[0]?.reasons).toEqual(['matches -p udp, the packet is tcp']);
  });
});

describe('findMatchingRules: conditions', () => {
  it('is independent of spelling and option order', () => {
    for (const line of [
      '-A PREROUTING --in-interface eth0 --protocol 6 --destination-port 8080 --jump DNAT --to 10.0.0.2:80',
      '-A PREROUTING -j DNAT --to-destination 10.0.0.2:80 -p tcp --dport 8080 -i eth0',
      '-A PREROUTING -p tcp -m multiport --dports 22,8080 -i eth0 -j DNAT --to-destination 10.0.0.2:80',
      '-A PREROUTING -p tcp -m tcp --dport 8000:9000 -j DNAT --to-destination 10.0.0.2-10.0.0.2:80-80',
    ]) {
      expect(effectiveMatches(findMatchingRules(nat(line), dnat(forwarded))), line).toHaveLength(1);
    }
  });

  it('packet fields left out only match rules without that condition', () => {
    const report = findMatchingRules(nat('-A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80'), dnat({}));
    expect(report.nearMisses[0]?.reasons).toEqual([
      "matches only -p tcp, the packet's protocol is not specified",
      "matches only -i eth0, the packet's incoming interface is not specified",
      "matches only --dport 8080, the packet's destination port is not specified",
    ]);
    const anyDestination = findMatchingRules(nat('-A POSTROUTING -d 8.8.8.8 -j MASQUERADE'), masquerade({ source: LAN }));
    expect(anyDestination.nearMisses[0]?.reasons).toEqual(['-d covers 8.8.8.8/32, not every destination']);
  });

  it('negated addresses match only disjoint packet classes', () => {
    const ruleset = nat('-A POSTROUTING ! -d 192.168.0.0/16 -j MASQUERADE');
    expect(effectiveMatches(findMatchingRules(ruleset, masquerade({ source: LAN, destination: '8.8.8.8' })))).toHaveLength(1);
    const inside = findMatchingRules(ruleset, masquerade({ destination: '192.168.16.0/24' }));
    expect(inside.nearMisses[0]?.reasons).toEqual(['! -d excludes 192.168.0.0/16, which overlaps 192.168.16.0/24']);
    const open = findMatchingRules(ruleset, masquerade({ source: LAN }));
    expect(open.nearMisses[0]?.reasons).toEqual(['! -d excludes 192.168.0.0/16, so not every destination matches']);
  });

  it('interfaces: exact, + wildcard and negation', () => {
    const packet = { source: LAN, outInterface: 'eth0' };
    expect(effectiveMatches(findMatchingRules(nat('-A POSTROUTING -o eth+ -j MASQUERADE'), masquerade(packet)))).toHaveLength(1);
    expect(effectiveMatches(findMatchingRules(nat('-A POSTROUTING -o + -j MASQUERADE'), masquerade({ source: LAN })))).toHaveLength(1);
    expect(effectiveMatches(findMatchingRules(nat('-A POSTROUTING ! -o eth1 -j MASQUERADE'), masquerade(packet)))).toHaveLength(1);
    const excluded = findMatchingRules(nat('-A POSTROUTING ! -o eth0 -j MASQUERADE'), masquerade(packet));
    expect(excluded.nearMisses[0]?.reasons).toEqual(['excludes -o eth0, the packet leaves on eth0']);
    const veth = findMatchingRules(nat('-A POSTROUTING -o veth+ -j MASQUERADE'), masquerade(packet));
    expect(veth.nearMisses[0]?.reasons).toEqual(['matches -o veth+, the packet leaves on eth0']);
  });

  it('protocols: negation and a protocol-less packet', () => {
    const notUdp = nat('-A POSTROUTING ! -p udp -j MASQUERADE');
    expect(effectiveMatches(findMatchingRules(notUdp, masquerade({ protocol: 'tcp' })))).toHaveLength(1);
    expect(findMatchingRules(notUdp, masquerade({ protocol: 'udp' })).nearMisses[0]?.reasons).toEqual(['excludes -p udp, the packet is udp']);
    expect(findMatchingRules(notUdp, masquerade({})).matches).toEqual([]);
    expect(effectiveMatches(findMatchingRules(nat('-A POSTROUTING -p 6 -j MASQUERADE'), masquerade({ protocol: 'tcp' })))).toHaveLength(1);
  });

  it('ports: ranges, negation, multiport lists and --ports', () => {
    const tcp = (dport: number, sport?: number): PacketClass => ({ protocol: 'tcp', dport, ...(sport === undefined ? {} : { sport }) });
    const accept = (line: string, packet: PacketClass) =>
      effectiveMatches(findMatchingRules(filter(line), { table: 'filter', chain: 'INPUT', packet, targets: [{ target: 'ACCEPT' }] })).length;
    expect(accept('-A INPUT -p tcp -m tcp --dport 1000:2000 -j ACCEPT', tcp(1500))).toBe(1);
    expect(accept('-A INPUT -p tcp -m tcp --dport 1000:2000 -j ACCEPT', tcp(2001))).toBe(0);
    expect(accept('-A INPUT -p tcp -m tcp ! --dport 22 -j ACCEPT', tcp(80))).toBe(1);
    expect(accept('-A INPUT -p tcp -m tcp ! --dport 22 -j ACCEPT', tcp(22))).toBe(0);
    expect(accept('-A INPUT -p tcp -m multiport --dports 80,443,8000:8100 -j ACCEPT', tcp(8050))).toBe(1);
    expect(accept('-A INPUT -p tcp -m multiport --dports 80,443 -j ACCEPT', tcp(22))).toBe(0);
    expect(accept('-A INPUT -p tcp -m tcp --sport 1024:65535 -j ACCEPT', tcp(80, 40000))).toBe(1);
    expect(accept('-A INPUT -p tcp -m tcp --sport 1024:65535 -j ACCEPT', tcp(80))).toBe(0);
    expect(accept('-A INPUT -p tcp -m multiport --ports 80 -j ACCEPT', tcp(80))).toBe(1);
    expect(accept('-A INPUT -p tcp -m multiport --ports 80 -j ACCEPT', tcp(22, 80))).toBe(1);
    expect(accept('-A INPUT -p tcp -m multiport --ports 80 -j ACCEPT', tcp(22))).toBe(0);
    expect(accept('-A INPUT -p tcp -m multiport ! --ports 80 -j ACCEPT', tcp(22, 40000))).toBe(1);
    expect(accept('-A INPUT -p tcp -m multiport ! --ports 80 -j ACCEPT', tcp(22))).toBe(0);
  });

  it('ignores neutral modules; a rule with conditions it cannot judge may not match, and never counts', () => {
    const neutral = checkConditions(rule('-A POSTROUTING -m conntrack --ctstate NEW -m comment --comment "lan" -m state --state NEW -j MASQUERADE'), {});
    expect(neutral).toEqual({ problems: [], assumptions: [] });
    const unknown = checkConditions(rule('-A POSTROUTING -m addrtype --dst-type LOCAL -p tcp -m tcp --tcp-flags SYN SYN --dport 80 -f -j MASQUERADE'), { protocol: 'tcp', dport: 80 });
    expect(unknown).toEqual({ problems: [], assumptions: ['-m addrtype --dst-type LOCAL', '-m tcp --tcp-flags SYN SYN', '-f'] });
    const report = findMatchingRules(nat('-A POSTROUTING -m mark --mark 0x1 -j MASQUERADE'), masquerade({ source: LAN }));
    expect(report.matches).toEqual([]);
    expect(report.possible[0]?.assumptions).toEqual(['-m mark --mark 0x1']);
    expect(report.nearMisses[0]?.reasons[0]).toMatch(/^may not match: grade cannot tell whether -m mark --mark 0x1 lets/);
  });

  it('never silently matches options of known modules it does not read, nor rules that can never match', () => {
    const hostile = [
      '-A POSTROUTING -m conntrack --ctstate NEW --ctorigdst 10.9.9.9 -j MASQUERADE',
      '-A POSTROUTING -m time --datestop 2001-01-01T00:00:00 -j MASQUERADE',
      '-A POSTROUTING -m statistic --mode random --probability 0.00000000000 -j MASQUERADE',
      '-A POSTROUTING -m tcp --tcp-option 5 -j MASQUERADE',
      '-A POSTROUTING -m comment --comment x --bogus -j MASQUERADE',
      '-A POSTROUTING -m u32 --u32 "0>>22&0x3C@ 12>>26&0x3C@ 0=0x0" -j MASQUERADE',
    ];
    for (const line of hostile) {
      const report = findMatchingRules(nat(line), masquerade({ source: LAN }));
      expect(report.matches, line).toEqual([]);
      expect(report.possible, line).toHaveLength(1);
    }
  });

  it('judges -m icmp --icmp-type against the packets\' ICMP type, and only when the check names one', () => {
    const ping = (line: string, icmpType?: number) => checkConditions(rule(line), { protocol: 'icmp', ...(icmpType === undefined ? {} : { icmpType }) });
    expect(ping('-A FORWARD -p icmp -m icmp --icmp-type 8 -j ACCEPT', 8)).toEqual({ problems: [], assumptions: [] });
    expect(ping('-A FORWARD -p icmp -m icmp --icmp-type echo-request -j ACCEPT', 8)).toEqual({ problems: [], assumptions: [] });
    expect(ping('-A FORWARD -p icmp -m icmp --icmp-type 0 -j ACCEPT', 8).problems).toHaveLength(1);
    expect(ping('-A FORWARD -p icmp -m icmp ! --icmp-type 8 -j ACCEPT', 8).problems).toHaveLength(1);
    expect(ping('-A FORWARD -p icmp -m icmp --icmp-type 8 -j ACCEPT').assumptions).toEqual(['-m icmp --icmp-type 8']);
  });

  it('a state match must include the packets\' state: NEW unless the packet class says otherwise', () => {
    expect(checkConditions(rule('-A POSTROUTING -m conntrack --ctstate INVALID -j MASQUERADE'), {}).problems).toEqual([
      'matches only --ctstate INVALID, the packets are NEW',
    ]);
    expect(checkConditions(rule('-A POSTROUTING -m state ! --state NEW -j MASQUERADE'), {}).problems).toEqual(['excludes --state NEW, the packets are NEW']);
    expect(checkConditions(rule('-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'), { state: 'ESTABLISHED' }).problems).toEqual([]);
    expect(checkConditions(rule('-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'), {}).problems).toHaveLength(1);
  });

  it('an address it cannot read never matches', () => {
    const report = findMatchingRules(nat('-A POSTROUTING -s example.com -j MASQUERADE'), masquerade({ source: LAN }));
    expect(report.nearMisses[0]?.reasons).toEqual(['-s example.com is not an IPv4 network this check can compare']);
  });
});

describe('findMatchingRules: targets', () => {
  it('DNAT without a port keeps the packet port', () => {
    const ruleset = nat('-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2');
    expect(effectiveMatches(findMatchingRules(ruleset, dnat({ protocol: 'tcp', dport: 80 }, '10.0.0.2:80')))).toHaveLength(1);
    expect(effectiveMatches(findMatchingRules(ruleset, dnat({ protocol: 'tcp', dport: 80 }, '10.0.0.2')))).toHaveLength(1);
    const portful = nat('-A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:8080');
    expect(effectiveMatches(findMatchingRules(portful, dnat({ protocol: 'tcp', dport: 8080 }, '10.0.0.2')))).toHaveLength(1);
    expect(findMatchingRules(nat('-A PREROUTING -j DNAT --to-destination 10.0.0.3:80'), dnat({})).nearMisses[0]?.reasons).toEqual([
      'sends to 10.0.0.3:80, not 10.0.0.2:80',
    ]);
  });

  it('SNAT: a single-address range equals the address, ports only count when asked for', () => {
    const want = (toSource: string) => masquerade({ source: LAN }, [{ target: 'SNAT', toSource }]);
    expect(effectiveMatches(findMatchingRules(nat('-A POSTROUTING -j SNAT --to-source 192.168.1.2-192.168.1.2'), want('192.168.1.2')))).toHaveLength(1);
    expect(effectiveMatches(findMatchingRules(nat('-A POSTROUTING -j SNAT --to-source 192.168.1.2:1024-2000'), want('192.168.1.2')))).toHaveLength(1);
    expect(findMatchingRules(nat('-A POSTROUTING -j SNAT --to-source 192.168.1.2:1024-2000'), want('192.168.1.2:3000')).matches).toEqual([]);
    expect(findMatchingRules(nat('-A POSTROUTING -j SNAT --to-source 192.168.1.2-192.168.1.5'), want('192.168.1.2')).matches).toEqual([]);
    expect(effectiveMatches(findMatchingRules(nat('-A POSTROUTING -j snat --to 192.168.1.2'), want('192.168.1.2')))).toHaveLength(0);
  });

  it('REDIRECT --to-ports, with and without a port given', () => {
    const want = (toPorts: string) => ({ table: 'nat', chain: 'PREROUTING', packet: { protocol: 'tcp' as const, dport: 80 }, targets: [{ target: 'REDIRECT', toPorts }] });
    expect(effectiveMatches(findMatchingRules(nat('-A PREROUTING -p tcp --dport 80 -j REDIRECT --to-port 3128'), want('3128')))).toHaveLength(1);
    expect(findMatchingRules(nat('-A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 3129'), want('3128')).nearMisses[0]?.reasons).toEqual([
      'uses --to-ports 3129, not 3128',
    ]);
    expect(effectiveMatches(findMatchingRules(nat('-A PREROUTING -p tcp --dport 80 -j REDIRECT'), want('80')))).toHaveLength(1);
  });

  it('target names compare case-insensitively; rules without -j never match', () => {
    expect(effectiveMatches(findMatchingRules(nat('-A POSTROUTING -j MASQUERADE'), masquerade({}, [{ target: 'masquerade' }])))).toHaveLength(1);
    expect(findMatchingRules(nat('-A POSTROUTING -s 10.0.0.1'), masquerade({})).matches).toEqual([]);
  });

  it('parseNatSpec normalises ranges that are one value', () => {
    expect(parseNatSpec('10.0.0.2-10.0.0.2:80-80')).toEqual({ addresses: '10.0.0.2', ports: '80' });
    expect(parseNatSpec(':53')).toEqual({ addresses: null, ports: '53' });
    expect(parseNatSpec('10.0.0.2-10.0.0.9')).toEqual({ addresses: '10.0.0.2-10.0.0.9', ports: null });
    expect(parseNatSpec(undefined)).toEqual({ addresses: null, ports: null });
  });
});

describe('findMatchingRules: chains, jumps and order', () => {
  it('follows a matching jump into a user chain', () => {
    const ruleset = parseIptablesSave('*nat\n:POSTROUTING ACCEPT [0:0]\n:LANNAT - [0:0]\n-A POSTROUTING -s 192.168.0.0/16 -j LANNAT\n-A LANNAT -o eth0 -j MASQUERADE\nCOMMIT\n');
    const report = findMatchingRules(ruleset, masquerade({ source: LAN, outInterface: 'eth0' }));
    expect(report.searched).toEqual(['POSTROUTING', 'LANNAT']);
    expect(effectiveMatches(report).map((m) => [m.rule.line, m.via.map((v) => v.line)])).toEqual([
      ['-A LANNAT -o eth0 -j MASQUERADE', ['-A POSTROUTING -s 192.168.0.0/16 -j LANNAT']],
    ]);
  });

  it('does not follow a jump the packets do not take, but explains it', () => {
    const ruleset = parseIptablesSave('*nat\n:POSTROUTING ACCEPT [0:0]\n:LANNAT - [0:0]\n-A POSTROUTING -s 10.0.0.0/8 -j LANNAT\n-A LANNAT -j MASQUERADE\nCOMMIT\n');
    const report = findMatchingRules(ruleset, masquerade({ source: LAN }));
    expect(report.matches).toEqual([]);
    expect(report.searched).toEqual(['POSTROUTING']);
    expect(report.nearMisses.map((n) => [n.rule.line, n.reasons])).toEqual([['-A POSTROUTING -s 10.0.0.0/8 -j LANNAT', ['-s covers 10.0.0.0/8, not 192.168.15.0/24']]]);
  });

  it('survives chains that jump into each other', () => {
    const ruleset = parseIptablesSave('*filter\n:INPUT ACCEPT [0:0]\n:A - [0:0]\n:B - [0:0]\n-A INPUT -j A\n-A A -j B\n-A B -j A\n-A B -p tcp -j ACCEPT\nCOMMIT\n');
    const report = findMatchingRules(ruleset, { table: 'filter', chain: 'INPUT', packet: { protocol: 'tcp' }, targets: [{ target: 'ACCEPT' }] });
    expect(report.searched).toEqual(['INPUT', 'A', 'B']);
    expect(effectiveMatches(report).map((m) => m.via.length)).toEqual([2]);
  });

  it('an earlier rule that takes every packet first shadows a later match', () => {
    const shadowed = findMatchingRules(filter('-A INPUT -p tcp -j DROP', '-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT'), {
      table: 'filter', chain: 'INPUT', packet: { protocol: 'tcp', dport: 22 }, targets: [{ target: 'ACCEPT' }],
    });
    expect(shadowed.matches[0]?.shadowedBy?.line).toBe('-A INPUT -p tcp -j DROP');
    expect(effectiveMatches(shadowed)).toEqual([]);
    expect(shadowed.nearMisses.map((n) => n.reasons)).toEqual([['does DROP, not ACCEPT']]);
  });

  it('partial overlaps, non-terminating targets and unknown modules do not shadow', () => {
    const query = { table: 'filter', chain: 'INPUT', packet: { protocol: 'tcp' as const, dport: 22 }, targets: [{ target: 'ACCEPT' }] };
    const later = '-A INPUT -p tcp --dport 22 -j ACCEPT';
    for (const earlier of ['-A INPUT -s 10.0.0.0/8 -j DROP', '-A INPUT -j LOG', '-A INPUT -m recent --rcheck -j DROP']) {
      expect(effectiveMatches(findMatchingRules(filter(earlier, later), query)), earlier).toHaveLength(1);
    }
  });

  it('RETURN and goto end only their own chain', () => {
    const text = '*filter\n:INPUT ACCEPT [0:0]\n:SUB - [0:0]\n:GO - [0:0]\n-A INPUT -j SUB\n-A INPUT -g GO\n-A INPUT -j DROP\n-A SUB -j RETURN\n-A SUB -j ACCEPT\n-A GO -j ACCEPT\nCOMMIT\n';
    const report = findMatchingRules(parseIptablesSave(text), { table: 'filter', chain: 'INPUT', packet: {}, targets: [{ target: 'ACCEPT' }] });
    expect(report.matches.map((m) => [m.rule.line, m.shadowedBy?.line])).toEqual([
      ['-A SUB -j ACCEPT', '-A SUB -j RETURN'],
      ['-A GO -j ACCEPT', undefined],
    ]);
    expect(report.nearMisses.map((n) => n.rule.line)).toEqual(['-A INPUT -j DROP']);
  });

  it('a terminating rule inside a user chain shadows the rest of the caller', () => {
    const text = '*filter\n:INPUT ACCEPT [0:0]\n:SUB - [0:0]\n-A INPUT -j SUB\n-A INPUT -j ACCEPT\n-A SUB -j DROP\nCOMMIT\n';
    const report = findMatchingRules(parseIptablesSave(text), { table: 'filter', chain: 'INPUT', packet: {}, targets: [{ target: 'ACCEPT' }] });
    expect(report.matches[0]?.shadowedBy?.line).toBe('-A SUB -j DROP');
  });

  it('reports a missing or empty chain', () => {
    expect(findMatchingRules(nat(), masquerade({}))).toMatchObject({ chainFound: true, ruleCount: 0, matches: [], nearMisses: [] });
    expect(findMatchingRules(filter(), masquerade({}))).toMatchObject({ chainFound: false, policy: null, searched: [] });
  });

  it('ignores Docker DNS rules in the same table', () => {
    const ruleset = nat('-A POSTROUTING -d 127.0.0.11/32 -j DOCKER_POSTROUTING', ':DOCKER_POSTROUTING - [0:0]', '-A DOCKER_POSTROUTING -j SNAT --to-source :53');
    expect(findMatchingRules(ruleset, masquerade({}, [{ target: 'SNAT' }]))).toMatchObject({ ruleCount: 0, matches: [] });
  });

  it('throws on a packet address that is not IPv4 (the check validates first)', () => {
    expect(() => findMatchingRules(nat('-A POSTROUTING -s 10.0.0.0/8 -j MASQUERADE'), masquerade({ source: 'lan' }))).toThrow(/not an IPv4/);
  });
});

describe('findMatchingRules: a ruleset ufw made', () => {
  const ufw = parseIptablesSave(UFW_IPTABLES_SAVE);
  const input = (dport: number) => ({
    table: 'filter',
    chain: 'INPUT',
    packet: { protocol: 'tcp', source: '192.168.150.2', destination: '192.168.100.2', dport, inInterface: 'enp0s1', state: 'NEW' } as PacketClass,
    targets: [{ target: 'ACCEPT' }],
  });

  it("finds `ufw allow 12345/tcp` unshadowed: ufw-not-local's final DROP is not certain to take every packet", () => {
    const effective = lines(effectiveMatches(findMatchingRules(ufw, input(12345))));
    expect(effective).toContain('-A ufw-user-input -p tcp -m tcp --dport 12345 -j ACCEPT');
  });

  it('finds no rule of ufw-user-input accepting a port ufw was never told about', () => {
    const effective = lines(effectiveMatches(findMatchingRules(ufw, input(8080))));
    expect(effective.filter((l) => l.startsWith('-A ufw-user-input'))).toEqual([]);
  });
});
