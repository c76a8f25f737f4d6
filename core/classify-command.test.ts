import { describe, expect, test } from 'vitest';
import { classifyCommand } from './classify-command.js';
import { readCommandLine } from './shell-words.js';

describe('readCommandLine', () => {
  test('splits simple commands at operators, with quotes, escapes, comments and redirections understood', () => {
    const line = readCommandLine(`sudo ip a | grep "inet 1;0" && echo 'a|b' > /tmp/x 2>&1; ls 2>/dev/null # ; rm -rf /\nsocat a b &`);
    expect(line.commands.map((c) => [c.words.join(' '), c.writesFile, c.inputGiven, c.background])).toEqual([
      ['sudo ip a', false, false, false],
      ['grep inet 1;0', false, true, false],
      ['echo a|b', true, false, false],
      ['ls', false, false, false],
      ['socat a b', false, false, true],
    ]);
    expect(line.substitution).toBe(false);
  });

  test("skips here-document bodies and flags command substitutions", () => {
    const line = readCommandLine("cat <<'EOF' > /etc/hosts\nrm -rf / ; reboot\nEOF\necho $(ip link add x type dummy)");
    expect(line.commands.map((c) => c.words[0])).toEqual(['cat', 'echo']);
    expect(line.commands[0]).toMatchObject({ writesFile: true, inputGiven: true });
    expect(line.substitution).toBe(true);
  });
});

const looks = (text: string) => classifyCommand(text).looksOnly;

describe('classifyCommand: commands that only look', () => {
  test.each([
    'ip a', 'ip addr', 'ip -br a', 'ip a s', 'ip addr show dev eth0', 'ip r', 'ip route show', 'ip route get 8.8.8.8', 'ip -4 r l',
    'ip link', 'ip link show eth0', 'ip netns', 'ip netns list', 'ip -n NS1 addr', 'ip netns exec NS1 ip route', 'ip neigh', 'bridge link', 'bridge fdb show',
    'ping -c 3 192.168.15.5', 'ping 8.8.8.8', 'sudo ping -c1 10.0.0.1', 'traceroute 1.1.1.1', 'tcpdump -ni eth0', 'ss -tlnp', 'netstat -rn',
    'cat /etc/sysctl.conf', 'ls -la /etc', 'less /etc/hosts', 'cat /proc/sys/net/ipv4/ip_forward', 'ip a | grep inet', 'head -3 /etc/hosts | tail -1',
    'iptables -L', 'iptables -nvL', 'iptables -t nat -L -n -v --line-numbers', 'sudo iptables -S', 'iptables -t nat -S POSTROUTING', 'iptables-save',
    'sysctl net.ipv4.ip_forward', 'sysctl -a', 'route -n', 'arp -n', 'ifconfig', 'ifconfig eth0', 'brctl show', 'ufw status verbose',
    'curl http://192.168.1.3/', 'curl -sS --max-time 2 http://x', 'wget -qO- http://x', 'nslookup web', 'dig @10.0.0.1 web', 'getent hosts web',
    'history', 'clear', 'man ip', 'echo hello', 'hostname', 'hostname -I', 'env', 'for i in 1 2; do ping -c1 10.0.0.$i; done', 'ip a 2>/dev/null',
  ])('%s', (text) => expect(looks(text)).toBe(true));
});

describe('classifyCommand: commands that change something', () => {
  test.each([
    'sudo ip addr add 192.168.15.2/24 dev eth0', 'ip link set eth0 up', 'ip l s eth0 up', 'ip r a default via 10.0.0.1', 'ip route add default via 10.0.0.1',
    'ip link add v-net-0 type bridge', 'ip netns add NS1', 'ip netns exec NS1 ip link set lo up', 'ip -n NS1 addr add 10.0.0.1/24 dev veth0', 'ip route flush cache',
    'bridge fdb add 00:11:22:33:44:55 dev vxlan0', 'echo 1 > /proc/sys/net/ipv4/ip_forward', "echo 'net.ipv4.ip_forward = 1' | sudo tee -a /etc/sysctl.conf",
    'iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE', 'iptables -P FORWARD DROP', 'iptables -F', 'iptables -L -Z', 'iptables-restore < rules',
    'sysctl -w net.ipv4.ip_forward=1', 'sysctl net.ipv4.ip_forward=1', 'sysctl -p', 'route add default gw 10.0.0.1', 'arp -s 10.0.0.1 00:11:22:33:44:55',
    'ifconfig eth0 10.0.0.1 up', 'brctl addbr br0', 'ufw allow 80/tcp', 'curl -o page.html http://x', 'wget http://x/file', 'cd /etc', 'X=1',
    'socat TUN:10.1.0.1/24,up UDP:192.168.1.2:9000 &', 'ping -c1 10.0.0.1 &', "sed -i 's/a/b/' /etc/hosts", 'hostname web', 'dnsmasq --no-daemon',
    'cat > /etc/resolv.conf <<EOF\nnameserver 10.0.0.1\nEOF', 'echo $(ip link add x type dummy)', 'mystery-tool --do-things', 'sleep 2',
    'ip a; ip addr add 10.0.0.1/24 dev eth0',
  ])('%s', (text) => expect(looks(text)).toBe(false));
});

describe('classifyCommand: what cannot run again from a file', () => {
  test.each([
    ['nano /etc/sysctl.conf', /editor/],
    ['sudo vi /etc/hosts', /editor/],
    ['bash', /interactive shell/],
    ['ip netns exec NS1 bash', /interactive shell/],
    ['sudo -i', /interactive shell/],
    ['cat > /etc/hosts', /terminal/],
    ['tee /etc/hosts', /terminal/],
    ['ping 10.0.0.1', /runs until/],
    ['tcpdump -i eth0 -n', /runs until/],
    ['nc -l 8080', /runs until/],
    ['tail -f /var/log/x', /runs until/],
    ['ip monitor', /runs until/],
    ['watch ip a', /runs until/],
  ])('%s', (text, why) => expect(classifyCommand(text).replayProblem).toMatch(why));

  test.each(['ping -c 3 10.0.0.1', 'ping -w 5 10.0.0.1', 'timeout 5 tcpdump -ni eth0', 'tcpdump -c 10 -ni eth0', 'cat <<EOF > /etc/hosts\nx\nEOF', 'cat /etc/hosts', 'echo x | nc 10.0.0.1 80', 'nc -zv 10.0.0.1 80', 'bash script.sh', 'socat TUN:10.1.0.1/24 UDP:1.2.3.4:9000 &', 'ip addr add 10.0.0.1/24 dev eth0'])(
    '%s runs again as it did',
    (text) => expect(classifyCommand(text).replayProblem).toBeNull(),
  );
});
