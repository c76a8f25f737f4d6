import { describe, expect, it } from 'vitest';
import { chainPlaces, readKernelRules } from './kernel-rules.js';
import { judgePlaces } from './judge-places.js';
import { findMatchingRules, type RuleQuery } from './match-rule.js';
import { IPTABLES_NFT_JSON, IPTABLES_NFT_SAVE, NATIVE_NFT_JSON } from './nft-fixtures.js';
import { findChain } from './parse-iptables-save.js';
import { parseNftJson } from './parse-nft-json.js';

const forwardAccept = (packet: RuleQuery['packet']): RuleQuery => ({ table: 'filter', chain: 'FORWARD', packet, targets: [{ target: 'ACCEPT' }] });

describe('parseNftJson: rules written in nft', () => {
  const rules = parseNftJson(NATIVE_NFT_JSON);
  const forward = findChain(rules, 'fw', 'forward');

  it('reads tables of every family, base chains with hook, priority and policy', () => {
    expect(rules.anomalies).toEqual([]);
    expect(rules.tables.map((t) => `${t.family} ${t.name}`)).toEqual(['inet fw']);
    expect(forward).toMatchObject({ policy: 'DROP', hook: { type: 'filter', hook: 'forward', priority: 0 } });
    expect(findChain(rules, 'fw', 'fwd2')?.policy).toBeNull();
  });

  it('translates addresses, ports, protocols, interfaces, conntrack states and verdicts', () => {
    const [first, jump, icmp, established] = forward?.rules ?? [];
    expect(first).toMatchObject({ source: { cidr: '192.168.150.0/24', negated: false }, protocol: { name: 'tcp' }, dport: { text: '80,443' }, target: 'ACCEPT', comment: 'z\\nz' });
    expect(first?.matches).toEqual([{ name: 'conntrack', options: ['--ctstate', 'ESTABLISHED,NEW'] }]);
    expect(jump).toMatchObject({ inInterface: { name: 'eth+' }, sport: { text: '53:60' }, target: 'fwd2', goto: false });
    expect(icmp).toMatchObject({ source: { cidr: '10.0.0.1/32', negated: true }, protocol: { name: 'icmp' }, target: 'ACCEPT' });
    expect(established?.unknownOptions).toEqual([]);
    const nat = [...(findChain(rules, 'fw', 'post')?.rules ?? []), ...(findChain(rules, 'fw', 'pre')?.rules ?? [])];
    expect(nat.map((r) => [r.target, r.toSource ?? r.toDestination ?? r.toPorts ?? null])).toEqual([
      ['MASQUERADE', null], ['SNAT', '1.1.1.1-1.1.1.5'], ['DNAT', '10.0.0.2:80'], ['REDIRECT', '8080'], ['DNAT', '10.0.0.3'],
    ]);
  });

  it('an expression it does not read is an unknown condition (tcp flags, address sets), never a silent match', () => {
    const [, , , , syn, reject] = forward?.rules ?? [];
    expect(syn?.unknownOptions).toHaveLength(1);
    expect(reject?.unknownOptions).toHaveLength(1);
  });

  it('a hostile comment is data: JSON keeps it inside its rule', () => {
    const json = JSON.stringify({ nftables: [
      { table: { family: 'ip', name: 'filter' } },
      { chain: { family: 'ip', table: 'filter', name: 'FORWARD', type: 'filter', hook: 'forward', prio: 0, policy: 'drop' } },
      { rule: { family: 'ip', table: 'filter', chain: 'FORWARD', comment: '"\n:FORWARD ACCEPT [0:0]\n-A FORWARD -j ACCEPT\\', expr: [{ drop: null }] } },
    ] });
    const parsed = parseNftJson(json);
    expect(findChain(parsed, 'filter', 'FORWARD')?.policy).toBe('DROP');
    expect(findChain(parsed, 'filter', 'FORWARD')?.rules.map((r) => r.target)).toEqual(['DROP']);
  });

  it('never throws on what is not a listing', () => {
    for (const text of ['', 'nope', '{}', '[]', '{"nftables": [1, null, {"rule": {}}, {"chain": 3}]}']) expect(() => parseNftJson(text)).not.toThrow();
    expect(parseNftJson('nope').anomalies).toEqual(['the nft listing is not JSON']);
    expect(parseNftJson('{"nftables": [{"rule": {"family": "ip", "table": "t", "chain": "c", "expr": []}}]}').anomalies).toHaveLength(1);
  });
});

describe('readKernelRules: iptables-nft rules, xt options from iptables-nft-save', () => {
  it('fills xt options from the save listing when its chain has the same rules', () => {
    const rules = readKernelRules(IPTABLES_NFT_JSON, IPTABLES_NFT_SAVE, '');
    expect(rules.notes).toEqual([]);
    const dnat = findChain(rules.nft, 'nat', 'PREROUTING')?.rules[0];
    expect(dnat).toMatchObject({ target: 'DNAT', toDestination: '10.0.0.2:80' });
    const forward = findChain(rules.nft, 'filter', 'FORWARD')?.rules ?? [];
    expect(forward).toHaveLength(3); // the comment's fake rule is no rule
    expect(forward[1]?.matches.map((m) => m.name)).toEqual(['conntrack', 'comment']);
  });

  it('leaves xt matches unknown when the save listing disagrees with the JSON (a rule too many)', () => {
    const injected = IPTABLES_NFT_SAVE.replace('COMMIT', '-A FORWARD -j ACCEPT\nCOMMIT');
    const rules = readKernelRules(IPTABLES_NFT_JSON, injected, '');
    expect(rules.notes[0]).toMatch(/could not be read/);
    const forward = findChain(rules.nft, 'filter', 'FORWARD')?.rules ?? [];
    expect(forward).toHaveLength(3);
    expect(forward[1]?.unknownOptions.length).toBeGreaterThan(0);
  });

  it('keeps a native expression it cannot judge when the save listing fills in the xt options', () => {
    const extra = '{"match": {"op": "==", "left": {"meta": {"key": "mark"}}, "right": 9}}, {"xt": {"type": "match", "name": "conntrack"}}';
    const json = IPTABLES_NFT_JSON.replace('{"xt": {"type": "match", "name": "conntrack"}}', extra);
    const rule = findChain(readKernelRules(json, IPTABLES_NFT_SAVE, '').nft, 'filter', 'FORWARD')?.rules[1];
    expect(rule?.matches.map((m) => m.name)).toEqual(['conntrack', 'comment']);
    expect(rule?.unknownOptions).toHaveLength(1);
    expect(rule?.unknownOptions[0]).toBe("meta mark 9");
  });

  it('a never-matching rule (statistic, probability 0) does not count; the honest rules do', () => {
    const rules = readKernelRules(IPTABLES_NFT_JSON, IPTABLES_NFT_SAVE, '');
    const report = findMatchingRules(rules.nft, forwardAccept({ source: '192.168.200.2', destination: '192.168.100.2', inInterface: 'enp0s3', outInterface: 'enp0s2' }));
    expect(report.matches).toEqual([]);
    expect(report.possible.map((m) => m.rule.line)).toEqual(['-A FORWARD -m statistic --mode random --probability 0.00000000000 -j ACCEPT']);
    expect(judgePlaces(rules, forwardAccept({ source: '192.168.150.2', destination: '192.168.100.2', inInterface: 'enp0s1', outInterface: 'enp0s2' })).handled).toBe(true);
  });
});

describe('judgePlaces: both stores, every chain on the hook', () => {
  const legacyAccept = '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A FORWARD -s 192.168.200.0/24 -j ACCEPT\nCOMMIT\n';
  const guest = forwardAccept({ source: '192.168.200.2', destination: '192.168.100.2', protocol: 'icmp', inInterface: 'enp0s3', outInterface: 'enp0s2' });

  it('finds rules only iptables-legacy holds, and says both stores are used', () => {
    const rules = readKernelRules('{"nftables": []}', '', legacyAccept);
    expect(judgePlaces(rules, guest)).toMatchObject({ handled: true, bothBackends: false });
    const both = readKernelRules(IPTABLES_NFT_JSON, IPTABLES_NFT_SAVE, legacyAccept);
    expect(chainPlaces(both, 'filter', 'FORWARD').map((p) => p.label)).toEqual(['nft table ip filter chain FORWARD', 'iptables-legacy filter FORWARD']);
    const j = judgePlaces(both, guest);
    expect(j.bothBackends).toBe(true);
    // The legacy ACCEPT is real, but nft's FORWARD drops what it does not accept: the packets never pass.
    expect(j.handled).toBe(false);
    expect(j.blockedBy).toBe('nft table ip filter chain FORWARD drops them (policy DROP)');
  });

  it('finds rules of a table written in nft, mapped by hook', () => {
    const rules = readKernelRules(NATIVE_NFT_JSON, '', '');
    expect(chainPlaces(rules, 'nat', 'POSTROUTING').map((p) => p.chain.name)).toEqual(['post']);
    const masq = judgePlaces(rules, { table: 'nat', chain: 'POSTROUTING', packet: { source: '10.0.0.0/24', outInterface: 'eth0' }, targets: [{ target: 'MASQUERADE' }] });
    expect(masq.handled).toBe(true);
    const dnat = judgePlaces(rules, { table: 'nat', chain: 'PREROUTING', packet: { protocol: 'tcp', dport: 8080 }, targets: [{ target: 'DNAT', toDestination: '10.0.0.2:80' }] });
    expect(dnat.handled).toBe(true);
  });
});

describe('chainPlaces: an nft table named like an iptables table, with chains of its own names', () => {
  it('maps `ip nat` chain `postrouting` to nat POSTROUTING by its hook', () => {
    const json = JSON.stringify({ nftables: [
      { table: { family: 'ip', name: 'nat' } },
      { chain: { family: 'ip', table: 'nat', name: 'postrouting', type: 'nat', hook: 'postrouting', prio: 100, policy: 'accept' } },
      { chain: { family: 'ip', table: 'nat', name: 'mine' } },
      { rule: { family: 'ip', table: 'nat', chain: 'postrouting', expr: [{ match: { op: '==', left: { payload: { protocol: 'ip', field: 'saddr' } }, right: { prefix: { addr: '192.168.15.0', len: 24 } } } }, { masquerade: null }] } },
    ] });
    const rules = readKernelRules(json, '', '');
    expect(chainPlaces(rules, 'nat', 'POSTROUTING').map((p) => p.chain.name)).toEqual(['postrouting']);
    expect(chainPlaces(rules, 'nat', 'mine').map((p) => p.chain.name)).toEqual(['mine']);
    expect(judgePlaces(rules, { table: 'nat', chain: 'POSTROUTING', packet: { source: '192.168.15.2' }, targets: [{ target: 'MASQUERADE' }] }).handled).toBe(true);
  });
});
