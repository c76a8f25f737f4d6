import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { NodeSpec } from '../core/exercise.js';
import { nodeSetupScript } from './node-setup-script.js';
import { shq } from './shell-quote.js';

const HOSTILE = [
  "it's",
  'a "double" quote',
  '$(touch /tmp/grade-pwned)',
  '`id`',
  '$HOME ${PATH}',
  'semi; colon && and || or',
  'back\\slash',
  'new\nline',
  "'''",
  '*?[glob]',
  ' leading and trailing ',
  '',
  '-n',
  '日本語 ✓',
];

/** What bash makes of a line, with `ip` replaced by a function printing each argument it got. */
function argsOf(line: string): string[] {
  const result = spawnSync('bash', ['-c', `ip() { printf '%s\\0' "$@"; }\n${line}`], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout.split('\0').slice(0, -1);
}

function bashParses(script: string): { ok: boolean; err: string } {
  const result = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return { ok: result.status === 0 && result.stderr === '', err: result.stderr };
}

const node = (over: Partial<NodeSpec> = {}): NodeSpec => ({
  name: 'router',
  role: 'router',
  interfaces: [
    { name: 'eth0', network: 'lan', addresses: ['192.168.1.1/24'] },
    { name: 'eth1', network: 'wan', addresses: ['192.168.2.1/24', '10.0.0.1/8'] },
    { name: 'eth2', network: 'dmz', addresses: [] },
  ],
  routes: [{ to: 'default', via: '192.168.2.254' }, { to: '172.16.0.0/12', dev: 'eth1' }],
  sysctls: {},
  services: [],
  ...over,
});
const HOSTS = [
  { name: 'router', address: '192.168.1.1' },
  { name: 'host-a', address: '192.168.1.10' },
];

describe('shq', () => {
  test.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('%s stays one word, unchanged', (_, value) => {
    const result = spawnSync('bash', ['-c', `printf '%s\\0' ${shq(value)}`], { encoding: 'utf8' });
    expect(result.stdout).toBe(`${value}\0`);
  });
});

describe('nodeSetupScript', () => {
  test('bash can parse the whole script', () => {
    const script = nodeSetupScript(
      node({
        sysctls: { 'net.ipv4.ip_forward': '1' },
        services: [
          { name: 'web', command: "python3 -m http.server 80 --bind 0.0.0.0 # it's here", port: 80 },
          { name: 'token', command: `socat TCP-LISTEN:12345,fork,reuseaddr SYSTEM:'echo "$GRADE_TOKEN"'`, port: 12345 },
          { name: 'quiet', command: 'sleep infinity' },
        ],
        setup: 'mkdir -p /srv/www\necho "$GRADE_TOKEN" > /srv/www/index.html',
      }),
      HOSTS,
    );
    expect(bashParses(script)).toEqual({ ok: true, err: '' });
  });

  test('addresses, up links and routes of the node, in interface order', () => {
    const script = nodeSetupScript(node(), HOSTS);
    const lines = script.split('\n');
    const mine = lines.filter((l) => /^ip (addr add|link set dev|route add) '/.test(l));
    expect(mine).toEqual([
      "ip addr add '192.168.1.1/24' dev 'eth0'",
      "ip link set dev 'eth0' up",
      "ip addr add '192.168.2.1/24' dev 'eth1'",
      "ip addr add '10.0.0.1/8' dev 'eth1'",
      "ip link set dev 'eth1' up",
      "ip link set dev 'eth2' up",
      "ip route add 'default' via '192.168.2.254'",
      "ip route add '172.16.0.0/12' dev 'eth1'",
    ]);
  });

  test('the prelude renames interfaces from GRADE_IFMAP, flushes Docker\'s routes and DNS, and fails loudly', () => {
    const script = nodeSetupScript(node(), HOSTS);
    expect(script.startsWith('set -eu\n')).toBe(true);
    expect(script).toContain('for pair in $GRADE_IFMAP; do');
    expect(script).toContain('ip route flush table main');
    expect(script).toContain(': > /etc/resolv.conf');
    expect(script).toContain('iptables -t nat -F && iptables -t nat -X');
    // The exercise's own configuration comes after Docker's is gone.
    expect(script.indexOf('ip route flush table main')).toBeLessThan(script.indexOf("ip addr add '192.168.1.1/24'"));
  });

  test('ip_forward is 0 unless the node sets it; other sysctls are written under /proc/sys', () => {
    const plain = nodeSetupScript(node(), HOSTS);
    expect(plain).toContain("echo '0' > '/proc/sys/net/ipv4/ip_forward'");
    const router = nodeSetupScript(node({ sysctls: { 'net.ipv4.ip_forward': '1', 'net.ipv4.conf.all.rp_filter': '2' } }), HOSTS);
    expect(router).toContain("echo '1' > '/proc/sys/net/ipv4/ip_forward'");
    expect(router).not.toContain("echo '0' > '/proc/sys/net/ipv4/ip_forward'");
    expect(router).toContain("echo '2' > '/proc/sys/net/ipv4/conf/all/rp_filter'");
  });

  test('/etc/hosts lists localhost and every node with an address', () => {
    const script = nodeSetupScript(node(), HOSTS);
    // The file's lines are one quoted word, so the command spans several lines of the script.
    const command = /^printf '%s\\n' '[\s\S]*?' > \/etc\/hosts$/m.exec(script)![0];
    const printed = spawnSync('bash', ['-c', command.replace(/ > \/etc\/hosts$/, '')], { encoding: 'utf8' }).stdout;
    expect(printed).toBe('127.0.0.1\tlocalhost\n192.168.1.1\trouter\n192.168.1.10\thost-a\n');
  });

  test('hostile-looking values reach their commands as single, unchanged words', () => {
    for (const value of HOSTILE.filter(Boolean)) {
      const script = nodeSetupScript(
        node({ interfaces: [{ name: value, network: 'lan', addresses: [value] }], routes: [{ to: value, via: value, dev: value }] }),
        HOSTS,
      );
      expect(bashParses(script).ok).toBe(true);
      // A value with a newline spans lines: cut each command out of the script by what follows it.
      const addrAdd = /^ip addr add [\s\S]*?(?=\nip link set dev )/m.exec(script)![0];
      const routeAdd = /^ip route add [\s\S]*(?=\n$)/m.exec(script)![0];
      expect(argsOf(addrAdd)).toEqual(['addr', 'add', value, 'dev', value]);
      expect(argsOf(routeAdd)).toEqual(['route', 'add', value, 'via', value, 'dev', value]);
    }
    expect(existsSync('/tmp/grade-pwned')).toBe(false);
  });

  test('a hostile sysctl value and key are written as they are, to the file they name', () => {
    const value = '1; touch /tmp/grade-pwned';
    const script = nodeSetupScript(node({ sysctls: { "net.ipv4.it's": value } }), HOSTS);
    expect(script).toContain(`echo ${shq(value)} > ${shq("/proc/sys/net/ipv4/it's")}`);
    expect(bashParses(script).ok).toBe(true);
  });

  test('a service runs in the background under setsid, its output to its own log, stdin closed', () => {
    const command = `socat TCP-LISTEN:12345,fork SYSTEM:'echo "$GRADE_TOKEN"'`;
    const script = nodeSetupScript(node({ services: [{ name: 'token', command }] }), HOSTS);
    const line = script.split('\n').find((l) => l.startsWith('setsid '))!;
    expect(line).toBe(`setsid bash -c ${shq(command)} > '/var/log/grade-token.log' 2>&1 < /dev/null &`);
    // The command is one argument to bash -c, untouched: its $GRADE_TOKEN is expanded by the service's own shell.
    const args = spawnSync('bash', ['-c', `setsid() { printf '%s\\0' "$@"; }\n${line.replace(/ > .*$/, '')}`], { encoding: 'utf8' }).stdout;
    expect(args.split('\0').slice(0, -1)).toEqual(['bash', '-c', command]);
  });

  test('a service without a port is started and not waited for', () => {
    const script = nodeSetupScript(node({ services: [{ name: 'quiet', command: 'sleep infinity' }] }), HOSTS);
    expect(script).toContain("setsid bash -c 'sleep infinity'");
    expect(script).not.toContain('ss -Hltn');
  });

  test('a service with a port is waited for until it listens, and its log is shown if it never does', () => {
    const script = nodeSetupScript(node({ services: [{ name: 'web', command: 'python3 -m http.server 8080', port: 8080 }] }), HOSTS);
    const lines = script.split('\n');
    const wait = lines.findIndex((l) => l.startsWith('for _ in $(seq 1 200); do ss -Hltn'));
    expect(lines[wait]).toBe("for _ in $(seq 1 200); do ss -Hltn 'sport = :8080' | grep -q . && break; sleep 0.025; done");
    expect(lines[wait + 1]).toBe(
      "ss -Hltn 'sport = :8080' | grep -q . || { echo 'service web is not listening on port 8080' >&2; cat '/var/log/grade-web.log' >&2; exit 1; }",
    );
    // Started first, waited for after.
    expect(lines.findIndex((l) => l.startsWith('setsid '))).toBeLessThan(wait);
  });

  test('every service starts before any wait, so two services may depend on each other', () => {
    const script = nodeSetupScript(
      node({ services: [{ name: 'a', command: 'run-a', port: 1000 }, { name: 'b', command: 'run-b', port: 2000 }] }),
      HOSTS,
    );
    const lines = script.split('\n');
    const lastStart = lines.findLastIndex((l) => l.startsWith('setsid '));
    const firstWait = lines.findIndex((l) => l.includes('ss -Hltn'));
    expect(lastStart).toBeLessThan(firstWait);
  });

  test('the setup snippet runs after addresses, routes and sysctls, before services', () => {
    const script = nodeSetupScript(
      node({ setup: 'echo configured > /etc/motd', services: [{ name: 'x', command: 'run-x' }], sysctls: { 'net.ipv4.ip_forward': '1' } }),
      HOSTS,
    );
    const at = (text: string) => script.indexOf(text);
    expect(at('echo configured > /etc/motd')).toBeGreaterThan(at("ip route add '172.16.0.0/12'"));
    expect(at('echo configured > /etc/motd')).toBeGreaterThan(at("echo '1' > '/proc/sys/net/ipv4/ip_forward'"));
    expect(at('echo configured > /etc/motd')).toBeLessThan(at('setsid '));
  });

  test('the script ends with a newline and has no undefined or [object Object] in it', () => {
    const script = nodeSetupScript(node({ services: [{ name: 'x', command: 'run-x', port: 1 }] }), HOSTS);
    expect(script.endsWith('\n')).toBe(true);
    expect(script).not.toMatch(/undefined|\[object Object\]/);
  });
});
