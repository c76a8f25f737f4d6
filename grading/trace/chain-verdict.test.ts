import { describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../checks/iptables/cidr.js';
import { parseIptablesSave } from '../../checks/iptables/parse-iptables-save.js';
import { chainVerdict, type TracedPacket } from './chain-verdict.js';
import { rulesText } from './fixtures.js';

const packet = (over: Partial<TracedPacket> = {}): TracedPacket => ({
  src: parseIpv4('10.0.0.2')!, srcText: '10.0.0.2', dst: parseIpv4('10.0.1.2')!, dstText: '10.0.1.2', proto: 'icmp', icmpType: 8, state: 'NEW', ...over,
});
const local = new Set([parseIpv4('10.0.1.2')!]);
const verdict = (rules: readonly string[], p = packet(), policy = 'DROP', chain = 'INPUT') =>
  chainVerdict(parseIptablesSave(rulesText({ input: policy, forward: policy, rules })), 'filter', chain, p, { inIface: 'eth0', local });
const target = (v: ReturnType<typeof verdict>) => (v.sure ? v.ending.target : `unsure: ${v.why}`);

describe('chainVerdict', () => {
  it('takes the policy when no rule matches, and a missing chain accepts', () => {
    expect(verdict([])).toMatchObject({ sure: true, ending: { target: 'DROP', rule: null } });
    expect(chainVerdict(parseIptablesSave(''), 'filter', 'FORWARD', packet(), { local })).toMatchObject({ sure: true, ending: { target: 'ACCEPT' } });
  });

  it('judges ICMP types, address types and --syn', () => {
    expect(target(verdict(['-A INPUT -p icmp -m icmp --icmp-type echo-request -j ACCEPT']))).toBe('ACCEPT');
    expect(target(verdict(['-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT'], packet({ icmpType: 0 })))).toBe('DROP');
    expect(target(verdict(['-A INPUT -m addrtype --dst-type LOCAL -j ACCEPT']))).toBe('ACCEPT');
    expect(target(verdict(['-A INPUT -m addrtype ! --dst-type LOCAL -j ACCEPT']))).toBe('DROP');
    const syn = ['-A INPUT -p tcp -m tcp --dport 80 --syn -j ACCEPT'];
    expect(target(verdict(syn, packet({ proto: 'tcp', dport: 80, icmpType: undefined })))).toBe('ACCEPT');
    expect(target(verdict(syn, packet({ proto: 'tcp', dport: 80, state: 'ESTABLISHED', icmpType: undefined })))).toBe('DROP');
  });

  it('follows jumps, RETURN and goto into user chains', () => {
    const rules = ['-A INPUT -j mine', '-A mine -s 10.0.0.0/24 -j RETURN', '-A mine -j ACCEPT'];
    expect(target(verdict(rules))).toBe('DROP');
    expect(target(verdict(rules, packet({ src: parseIpv4('10.9.0.2')!, srcText: '10.9.0.2' })))).toBe('ACCEPT');
    expect(target(verdict(['-A INPUT -g mine', '-A INPUT -j ACCEPT', '-A mine -j RETURN']))).toBe('DROP');
  });

  it('is unsure only when a rule it cannot judge changes the outcome', () => {
    expect(target(verdict(['-A INPUT -m limit --limit 3/min -j ACCEPT']))).toMatch(/^unsure: the tracer cannot judge -m limit/);
    expect(target(verdict(['-A INPUT -m limit --limit 3/min -j DROP']))).toBe('DROP');
    expect(target(verdict(['-A INPUT -p tcp --sport 5000 -j ACCEPT'], packet({ proto: 'tcp', dport: 80, icmpType: undefined })))).toMatch(/^unsure: the rule names a port/);
  });
});
