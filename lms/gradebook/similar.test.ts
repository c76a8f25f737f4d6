import { describe, expect, it } from 'vitest';
import { isInspection, normaliseCommand, scriptLines } from './command-lines.js';
import { findSimilar, jaccard, similarTo, submissionLines } from './similar.js';
import { EX01_BASE_LINES, exerciseFrom, entry, resultFor, sampleBook } from './test-book.js';

describe('normaliseCommand', () => {
  it.each([
    ['sudo  ip   route add default via 192.168.1.1   # the gateway', 'ip route add default via 192.168.1.1'],
    ['sudo sudo sysctl -w net.ipv4.ip_forward=1', 'sysctl -w net.ipv4.ip_forward=1'],
    ['echo 1 > /proc/sys/net/ipv4/ip_forward', 'echo 1 > /proc/sys/net/ipv4/ip_forward'],
    ["echo 'a # not a comment' > /tmp/x", "echo 'a # not a comment' > /tmp/x"],
    ['ip route add 10.0.0.0/8 \\\n  via 192.168.1.1', 'ip route add 10.0.0.0/8 via 192.168.1.1'],
    ['for i in 1 2; do\n  ip link set eth$i up # bring up\ndone', 'for i in 1 2; do ip link set eth$i up done'],
    ['ip netns exec NS1 ip link set lo up', 'ip netns exec NS1 ip link set lo up'],
    ['iptables -t nat -A POSTROUTING -j MASQUERADE', 'iptables -t nat -A POSTROUTING -j MASQUERADE'],
  ])('keeps configuration: %j', (text, want) => {
    expect(normaliseCommand(text)).toBe(want);
  });

  it.each([
    'ip a', 'ip addr show eth0', 'ip -4 route', 'ip r get 203.0.113.80', 'ip -n NS1 link show', 'ip netns', 'ip netns exec NS1 ip a',
    'ping -c 3 203.0.113.80', 'sudo cat /etc/hosts', 'cat /etc/resolv.conf | grep nameserver', 'iptables -t nat -nvL', 'iptables -S',
    'iptables-save', 'sysctl net.ipv4.ip_forward', 'curl -s http://203.0.113.80/ 2>/dev/null', 'ip a && ping -c1 192.168.1.1',
    'brctl show', 'ufw status', '# only a comment', '   ',
  ])('drops inspection and empty lines: %j', (text) => {
    expect(normaliseCommand(text)).toBeNull();
  });

  it('never treats a write as inspection', () => {
    expect(isInspection('cat > /etc/hosts <<EOF')).toBe(false);
    expect(isInspection('iptables-save > /etc/iptables/rules.v4')).toBe(false);
    expect(isInspection('echo nameserver 10.0.0.53 | tee /etc/resolv.conf')).toBe(false);
    expect(isInspection('iptables -L -A FORWARD -j ACCEPT')).toBe(false);
  });

  it('splits a reference script into lines, joining continuations', () => {
    expect(scriptLines('ip route add 1.0.0.0/8 \\\n via 10.0.0.1\n# c\nip a')).toEqual(['ip route add 1.0.0.0/8   via 10.0.0.1', '# c', 'ip a']);
  });
});

describe('findSimilar', () => {
  const book = sampleBook();

  it('groups learners whose remaining commands are the same, whatever sudo, spacing, comments and inspection', () => {
    const similarity = findSimilar(book, { baseLines: { ex01: EX01_BASE_LINES } });
    expect(similarity.groups).toEqual([{ exercise: 'ex01', learners: ['erin', 'frank'], similarity: 1, lines: 4 }]);
    expect(similarTo(similarity, 'erin', 'ex01')).toEqual(['frank']);
    expect(similarTo(similarity, 'alice', 'ex01')).toEqual([]);
  });

  it('never flags tiny or empty submissions (gina and hank share one line)', () => {
    const similarity = findSimilar(book, { baseLines: { ex01: EX01_BASE_LINES } });
    expect(similarity.groups.flatMap((g) => g.learners)).not.toContain('gina');
    expect(findSimilar(book, { minLines: 1 }).groups.map((g) => g.learners)).toContainEqual(['gina', 'hank']);
  });

  it('drops the base code everyone shares: the reference solution lines', () => {
    const result = resultFor('ex01-pass', 'x', { nodes: { 'host-a': ['sudo ip route add default via 192.168.1.1', 'ip link set eth0 up'] } });
    expect([...submissionLines(result, new Set())]).toEqual(['host-a: ip route add default via 192.168.1.1', 'host-a: ip link set eth0 up', 'host-b: ip route add default via 192.168.1.1']);
    const base = new Set(EX01_BASE_LINES.map(normaliseCommand).filter((l) => l !== null));
    expect([...submissionLines(result, base)]).toEqual(['host-a: ip link set eth0 up']);
  });

  it('links nearly identical sets at the threshold and not below', () => {
    const lines = (extra: string[]) => ['ip link set eth0 mtu 1400', 'ip route add 10.1.0.0/16 via 192.168.1.1', 'ip route add 10.2.0.0/16 via 192.168.1.1',
      'ip route add 10.3.0.0/16 via 192.168.1.1', 'ip route add 10.4.0.0/16 via 192.168.1.1', 'ip route add 10.5.0.0/16 via 192.168.1.1', ...extra];
    const a = resultFor('ex01-pass', 'a', { nodes: { 'host-a': lines([]), 'host-b': [] } });
    const b = resultFor('ex01-pass', 'b', { nodes: { 'host-a': lines(['ip link set eth0 up']), 'host-b': [] } });
    const c = resultFor('ex01-pass', 'c', { nodes: { 'host-a': lines(['ip link set eth0 up', 'ip link set eth0 promisc on']), 'host-b': [] } });
    const small = { exercises: [exerciseFrom(a)], entries: [entry('a', a), entry('b', b), entry('c', c)] };
    // a-b: 6/7 = 0.857, b-c: 7/8 = 0.875, a-c: 6/8 = 0.75: one group through b.
    const similarity = findSimilar(small);
    expect(similarity.groups).toHaveLength(1);
    expect(similarity.groups[0]!.learners).toEqual(['a', 'b', 'c']);
    expect(similarity.groups[0]!.similarity).toBeCloseTo(6 / 7);
    expect(similarTo(similarity, 'a', 'ex01')).toEqual(['b']);
    expect(findSimilar(small, { threshold: 0.86 }).groups[0]!.learners).toEqual(['b', 'c']);
  });

  it('computes the Jaccard index', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });
});
