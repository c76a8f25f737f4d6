import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExecResult } from '../../runner/lab-exec.js';
import type { StartedLab } from '../../runner/started-lab.js';
import { asLearner, engine, expectNoLabsOfThisProcess, startLab } from './lab-fixture.js';

// A lab is one container; its nodes are namespaces inside it. A learner is root of their node's user
// namespace (host uid 100000 outside it); checks enter only a node's network namespace with the lab
// image's tools and NET_ADMIN + NET_RAW; lab-owned nodes and services are out of the learner's reach.

// CAP_NET_ADMIN is bit 12, CAP_NET_RAW bit 13.
const NET_ADMIN = 1n << 12n;
const NET_RAW = 1n << 13n;
const ENTER = '/usr/local/sbin/grade-enter';

/** CapInh, CapPrm, CapEff, CapBnd and CapAmb of a `grep Cap /proc/self/status`, as numbers. */
function capsOf(result: ExecResult): Record<string, bigint> {
  const lines = result.stdout.trim().split('\n').map((l) => l.split(/:\s+/) as [string, string]);
  return Object.fromEntries(lines.map(([name, hex]) => [name, BigInt(`0x${hex.trim()}`)]));
}

/** Lines "rc-NAME=N" a script printed, as { NAME: N }. */
function statusesOf(result: ExecResult): Record<string, number> {
  return Object.fromEntries([...result.stdout.matchAll(/^rc-(\S+)=(\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

/** A command as the container's root runs it: for what only the lab itself can see. */
function inContainer(lab: StartedLab, argv: readonly string[]): Promise<ExecResult> {
  return engine.exec(lab.containerId, argv, { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 });
}

const hostSysctl = (path: string) => readFileSync(`/proc/sys/${path}`, 'utf8').trim();

describe('ex01: what a learner may and may not do in a node, and what checks run with', () => {
  let lab: StartedLab;
  beforeAll(async () => {
    lab = await startLab('ex01-default-gateway');
  });
  afterAll(async () => {
    await lab?.dispose();
    await expectNoLabsOfThisProcess();
  });
  const learner = (node: string, script: string) => asLearner(lab, node, script);

  describe('the learner may do what the lessons do', () => {
    test('is root in the node, and that root is an unprivileged uid outside it', async () => {
      const r = await learner('host-a', 'id -u; cat /proc/self/uid_map');
      const [uid, ...map] = r.stdout.trim().split('\n');
      expect(uid).toBe('0');
      expect(map.map((l) => l.trim().split(/\s+/))).toEqual([['0', '100000', '65536']]);
    });

    test('writes /proc/sys/net with echo and sysctl -w; the setting is the node\'s own and checks see it', async () => {
      const echo = await learner('host-a', 'echo 1 > /proc/sys/net/ipv4/ip_forward && cat /proc/sys/net/ipv4/ip_forward');
      expect([echo.exitCode, echo.stdout.trim()]).toEqual([0, '1']);
      expect((await lab.exec('host-a', ['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('1');
      expect((await lab.exec('host-b', ['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('0');
      const sysctl = await learner('host-a', 'sysctl -w net.ipv4.ip_forward=0 && sysctl -n net.ipv4.ip_forward');
      expect([sysctl.exitCode, sysctl.stdout.trim().split('\n').at(-1)]).toEqual([0, '0']);
      expect((await lab.exec('host-a', ['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('0');
    });

    test('creates a bridge, a network namespace and a veth pair into it, and runs commands there', async () => {
      const bridge = await learner('host-a', 'ip link add v-net-0 type bridge && ip link set v-net-0 up && ip -d link show v-net-0');
      expect(bridge.exitCode, bridge.output).toBe(0);
      expect(bridge.stdout).toMatch(/\bbridge\b/);
      const netns = await learner(
        'host-a',
        'ip netns add red && ip link add veth-red type veth peer name veth-red-br && ip link set veth-red netns red && ip netns list && ip netns exec red ip -br link',
      );
      expect(netns.exitCode, netns.output).toBe(0);
      expect(netns.stdout).toMatch(/^red\b/m);
      expect(netns.stdout).toMatch(/^lo\s/m);
      expect(netns.stdout).toMatch(/^veth-red@/m);
      // The checks' view of the node (its network namespace) shows what the learner made.
      const seen = await lab.exec('host-a', ['ip', '-br', 'link']);
      expect(seen.stdout).toMatch(/^v-net-0\s/m);
      expect(seen.stdout).toMatch(/^veth-red-br@/m);
    });

    test('sudo works as the lessons type it', async () => {
      const r = await learner('host-a', 'sudo id -u && sudo ip link add v-net-1 type bridge && sudo bash -c "echo 1 > /proc/sys/net/ipv4/conf/all/forwarding" && ip -br link show v-net-1');
      expect(r.exitCode, r.output).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('0');
      expect(r.stdout).toMatch(/^v-net-1\s/m);
    });

    test('tcpdump captures, as the lessons use it', async () => {
      const r = await learner('host-a', '(sleep 0.5; ping -n -c 1 127.0.0.1 >/dev/null) & sudo tcpdump -n -i lo -c 1 icmp 2>&1; wait');
      expect(r.output).toMatch(/1 packet captured/);
      expect(r.output).toContain('127.0.0.1 > 127.0.0.1: ICMP echo request');
    });
  });

  describe('the learner may not', () => {
    test('change the lab image: /usr is read-only', async () => {
      const r = await learner('host-a', 'touch /usr/local/sbin/ip; echo rc-touch=$?; rm -f /usr/sbin/ip; echo rc-rm=$?; test -x /usr/sbin/ip; echo rc-still=$?');
      const rc = statusesOf(r);
      expect(rc.touch).not.toBe(0);
      expect(rc.rm).not.toBe(0);
      expect(rc.still).toBe(0);
      expect(r.stderr).toMatch(/Read-only file system/);
      expect((await inContainer(lab, ['test', '-e', '/usr/local/sbin/ip'])).exitCode).not.toBe(0);
    });

    test('write /proc/sys outside net, even after trying to remount or unmount it', async () => {
      const r = await learner(
        'host-a',
        [
          'echo 1 > /proc/sys/vm/overcommit_memory; echo rc-vm=$?',
          'echo "|/tmp/x" > /proc/sys/kernel/core_pattern; echo rc-kernel=$?',
          'sysctl -w vm.overcommit_memory=1; echo rc-sysctl=$?',
          'mount -o remount,rw /proc/sys; echo rc-remount=$?',
          'mount -o remount,bind,rw /proc/sys; echo rc-remount-bind=$?',
          'umount /proc/sys; echo rc-umount=$?',
          'umount -l /proc/sys/net; echo rc-umount-net=$?',
          'echo 1 > /proc/sys/vm/overcommit_memory; echo rc-vm-after=$?',
          'echo 0 > /proc/sys/net/ipv4/ip_forward; echo rc-net-after=$?',
        ].join('\n'),
      );
      const rc = statusesOf(r);
      expect(Object.keys(rc)).toEqual(['vm', 'kernel', 'sysctl', 'remount', 'remount-bind', 'umount', 'umount-net', 'vm-after', 'net-after']);
      const { 'net-after': netAfter, ...refused } = rc;
      expect(Object.entries(refused).filter(([, status]) => status === 0)).toEqual([]);
      // /proc/sys/net stays writable: the refusals above are not a broken procfs.
      expect(netAfter).toBe(0);
      expect(r.stderr).toMatch(/\/proc\/sys\/vm\/overcommit_memory: Read-only file system/);
      expect(hostSysctl('kernel/core_pattern')).not.toBe('|/tmp/x');
    });

    test('mount a procfs of its own, with or without new namespaces', async () => {
      const r = await learner(
        'host-a',
        [
          'mkdir -p /tmp/p && mount -t proc proc /tmp/p; echo rc-proc=$?',
          'unshare --pid --fork --mount --mount-proc true; echo rc-pidns=$?',
          'unshare --user --map-root-user --pid --fork --mount --mount-proc true; echo rc-userns=$?',
          'test -e /tmp/p/sys/vm; echo rc-mounted=$?',
        ].join('\n'),
      );
      const rc = statusesOf(r);
      expect(Object.keys(rc)).toEqual(['proc', 'pidns', 'userns', 'mounted']);
      expect(Object.entries(rc).filter(([, status]) => status === 0)).toEqual([]);
      expect(r.stderr).toMatch(/permission denied|Operation not permitted/i);
      expect(r.stderr).not.toMatch(/command not found/);
    });

    test('see the processes of other nodes', async () => {
      const start = (n: number) => `setsid sleep ${n} </dev/null >/dev/null 2>&1 & for i in $(seq 100); do pgrep -fx "sleep ${n}" && break; sleep 0.05; done`;
      expect((await learner('host-b', start(4242))).exitCode, 'host-b sees its own process').toBe(0);
      expect((await learner('host-a', start(4241))).exitCode, 'host-a sees its own process').toBe(0);
      const a = await learner('host-a', 'ps -e -o args=');
      expect(a.exitCode).toBe(0);
      expect(a.stdout).toContain('sleep 4241');
      expect(a.stdout).not.toContain('sleep 4242');
      // The lab container, which sees every node, sees both: host-b's process is real.
      const all = await inContainer(lab, ['ps', '-e', '-o', 'args=']);
      expect(all.stdout).toContain('sleep 4241');
      expect(all.stdout).toContain('sleep 4242');
    });

    test("read another node's files", async () => {
      const secret = `grade-secret-${randomBytes(6).toString('hex')}`;
      const b = await learner('host-b', `echo ${secret} > /tmp/${secret}.txt && echo ${secret} > /root/${secret}.txt && cat /tmp/${secret}.txt`);
      expect(b.stdout.trim()).toBe(secret);
      // The same search, run on host-b itself, finds both files: it would find them on host-a too.
      const search = `find / \\( -path /proc -o -path /sys \\) -prune -o -name '${secret}*' -print 2>/dev/null; grep -rls ${secret} /tmp /root /etc /var /run /home /dev/shm 2>/dev/null`;
      const own = (await learner('host-b', search)).stdout;
      expect(own).toContain(`/tmp/${secret}.txt`);
      expect(own).toContain(`/root/${secret}.txt`);
      const a = await learner('host-a', `${search}; echo searched`);
      expect(a.stdout.trim()).toBe('searched');
      expect((await lab.probe('files', ['host-b', `/tmp/${secret}.txt`])).stdout).toContain(secret);
      expect((await lab.probe('files', ['host-a', `/tmp/${secret}.txt`, `/root/${secret}.txt`])).stdout).not.toContain(secret);
    });

    test("enter another node's namespaces or reach the lab's handles on them", async () => {
      const r = await learner(
        'host-a',
        [
          'nsenter --net=/proc/1/ns/net ip -br addr; echo rc-nsenter-net=$?',
          'nsenter -t 1 -a true; echo rc-nsenter-all=$?',
          'ls /run/grade/nodes; echo rc-handles=$?',
          'ip -br addr',
        ].join('\n'),
      );
      const rc = statusesOf(r);
      expect(rc['nsenter-net']).not.toBe(0);
      expect(rc['nsenter-all']).not.toBe(0);
      expect(rc.handles).not.toBe(0);
      // Whatever was printed, only host-a's own addresses appear: no other node's network was entered.
      const addresses = [...r.stdout.matchAll(/\b(\d+\.\d+\.\d+\.\d+)\/\d+/g)].map((m) => m[1]);
      expect(new Set(addresses)).toEqual(new Set(['127.0.0.1', '192.168.1.10']));
    });

    test('end the node by signalling its PID 1', async () => {
      const pid1 = 'ps -o lstart=,args= -p 1';
      const r = await learner('host-a', `${pid1}; kill -9 1; kill -TERM 1; kill -INT 1; kill -HUP 1; sleep 0.2; ${pid1}`);
      const [before, after, ...rest] = r.stdout.trim().split('\n');
      expect(rest).toEqual([]);
      expect(before).toMatch(/\S/);
      expect(after).toBe(before);
      // The node still works: the learner's commands run there, and a ping from it reaches the far end.
      expect((await learner('host-a', 'ip -br addr show eth0')).stdout).toContain('192.168.1.10/24');
      const ping = await lab.probe('ping', ['host-a', 'host-b', '192.168.1.11']);
      expect(ping.exitCode, ping.output).toBe(0);
      expect(Number(/@@probe sent=\d+ into=(-?\d+)/.exec(ping.stdout)?.[1])).toBeGreaterThan(0);
    });

    test('change a setting of the machine running the lab', async () => {
      const before = { swappiness: hostSysctl('vm/swappiness'), somaxconn: hostSysctl('net/core/somaxconn') };
      const swappiness = String((Number(before.swappiness) + 7) % 100);
      const somaxconn = String(Number(before.somaxconn) + 7);
      const r = await learner(
        'host-a',
        [
          `sysctl -w vm.swappiness=${swappiness}; echo ${swappiness} > /proc/sys/vm/swappiness`,
          `sysctl -w net.core.somaxconn=${somaxconn}; echo ${somaxconn} > /proc/sys/net/core/somaxconn`,
          'cat /proc/sys/net/core/somaxconn',
        ].join('\n'),
      );
      // net.core.somaxconn belongs to each network namespace: the learner changed the node's own.
      expect(r.stdout.trim().split('\n').at(-1)).toBe(somaxconn);
      expect({ swappiness: hostSysctl('vm/swappiness'), somaxconn: hostSysctl('net/core/somaxconn') }).toEqual(before);
    });
  });

  describe('checks', () => {
    test('hold exactly NET_ADMIN and NET_RAW', async () => {
      const caps = capsOf(await lab.exec('host-a', ['grep', 'Cap', '/proc/self/status']));
      expect(caps).toEqual({ CapInh: 0n, CapPrm: NET_ADMIN | NET_RAW, CapEff: NET_ADMIN | NET_RAW, CapBnd: NET_ADMIN | NET_RAW, CapAmb: 0n });
      // The learner is root of the node's own user namespace: all of its capabilities, none outside.
      expect(capsOf(await learner('host-a', 'grep CapEff /proc/self/status')).CapEff! & NET_ADMIN).toBe(NET_ADMIN);
    });

    test("do not run a learner's shims: PATH, alias or a bind mount over the real tool", async () => {
      const shim = await learner(
        'host-a',
        [
          'mkdir -p /root/bin',
          'printf "#!/bin/sh\\necho FAKE-IP-OUTPUT\\n" > /root/bin/ip && chmod +x /root/bin/ip',
          'echo "export PATH=/root/bin:\\$PATH" >> /root/.bashrc',
          'echo "alias ip=/root/bin/ip" >> /root/.bashrc',
          'mount --bind /root/bin/ip /usr/sbin/ip',
        ].join('\n'),
      );
      expect(shim.exitCode, shim.output).toBe(0);
      try {
        // The shims work for the learner...
        expect((await learner('host-a', '/usr/sbin/ip -br addr')).stdout.trim()).toBe('FAKE-IP-OUTPUT');
        expect((await lab.runAsLearner('host-a', ['bash', '-lc', 'ip -br addr'])).stdout.trim()).toBe('FAKE-IP-OUTPUT');
        // ...and not for the checks.
        const real = await lab.exec('host-a', ['ip', '-br', 'addr']);
        expect(real.stdout).not.toContain('FAKE');
        expect(real.stdout).toMatch(/^eth0@\S+\s+UP\s+192\.168\.1\.10\/24/m);
      } finally {
        await learner('host-a', 'umount /usr/sbin/ip; rm -rf /root/bin; sed -i "/root\\/bin/d" /root/.bashrc');
      }
    });
  });

  describe('a shell on a lab-owned node', () => {
    const look = (argv: readonly string[]) => inContainer(lab, [ENTER, 'look', 'router', ...argv]);

    test('can look (ip, ping) but not change the node', async () => {
      const show = await look(['ip', '-br', 'addr']);
      expect(show.exitCode).toBe(0);
      expect(show.stdout).toMatch(/^eth0@\S+\s+UP\s+192\.168\.1\.1\/24/m);
      expect((await look(['ping', '-n', '-c', '1', '-W', '2', '192.168.1.10'])).exitCode).toBe(0);
      const add = await look(['ip', 'addr', 'add', '1.2.3.4/32', 'dev', 'eth0']);
      expect(add.exitCode).not.toBe(0);
      expect(add.output).toMatch(/Operation not permitted/);
      const sysctl = await look(['sysctl', '-w', 'net.ipv4.ip_forward=0']);
      expect(sysctl.exitCode).not.toBe(0);
      expect((await lab.exec('router', ['ip', '-br', 'addr'])).stdout).not.toContain('1.2.3.4');
      expect((await lab.exec('router', ['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('1');
    });

    test('runs as nobody with NET_RAW only', async () => {
      expect((await look(['id', '-u'])).stdout.trim()).toBe('65534');
      const caps = capsOf(await look(['grep', 'Cap', '/proc/self/status']));
      expect([caps.CapEff, caps.CapBnd]).toEqual([NET_RAW, NET_RAW]);
    });
  });
});

describe("ex05: the lab's services on a learner's node are out of the learner's sight and reach", () => {
  let lab: StartedLab;
  beforeAll(async () => {
    lab = await startLab('ex05-firewalls');
  });
  afterAll(async () => {
    await lab?.dispose();
    await expectNoLabsOfThisProcess();
  });
  // The service (runner/image/tcp-answer.sh) answers with the token, the line it got and the peer.
  const answer = () => lab.exec('network02', ['bash', '-c', 'echo hello | nc -N -w 2 127.0.0.1 8080']);
  const token = async () => (await answer()).stdout.trim().split(' ')[0];

  test("the token service keeps answering after `pkill socat; kill -9 -1` in its node", async () => {
    expect(await token()).toBe(lab.plan.token);
    expect((await answer()).stdout).toMatch(/ hello seen from 127\.0\.0\.1 port \d+/);
    const r = await asLearner(lab, 'network02', 'pgrep -a socat; echo rc-pgrep=$?; pkill socat; echo rc-pkill=$?; kill -9 -1; echo rc-kill=$?');
    expect(statusesOf(r)).toEqual({ pgrep: 1, pkill: 1, kill: 0 });
    expect(await token()).toBe(lab.plan.token);
    // The service runs as nobody on the lab container, outside every node's PID namespace.
    const ps = await inContainer(lab, ['ps', '-C', 'socat', '-o', 'user=']);
    expect(ps.stdout.trim().split('\n')).toContain('nobody');
  });
});

describe("ex06: a check enters a learner's namespace only when it is one the learner made in that node", () => {
  let lab: StartedLab;
  beforeAll(async () => {
    lab = await startLab('ex06-namespaces-by-hand');
    // NS1 is real; the rest are the tricks a learner can play with /run/netns.
    const made = await asLearner(
      lab,
      'node',
      [
        'ip netns add NS1',
        'ln -s /etc/passwd /run/netns/FILE',
        'ln -s ../../../../proc/1/ns/net /run/netns/UPWARDS',
        'touch /run/netns/SELF && mount --bind /proc/self/ns/net /run/netns/SELF',
        'unshare --user --map-root-user --net sleep 600 </dev/null >/dev/null 2>&1 & sleep 0.3; touch /run/netns/NESTED && mount --bind /proc/$!/ns/net /run/netns/NESTED',
        'ls /run/netns | tr "\\n" " "',
      ].join('\n'),
    );
    expect(made.output).toContain('FILE NESTED NS1 SELF UPWARDS');
  });
  afterAll(async () => {
    await lab?.dispose();
    await expectNoLabsOfThisProcess();
  });

  test('NS1 is entered: its own interfaces, not the node\'s', async () => {
    const r = await lab.exec('node/NS1', ['ip', '-br', 'link']);
    expect([r.exitCode, r.stdout.trim()]).toEqual([0, expect.stringMatching(/^lo +DOWN/)]);
  });

  test.each([
    ['FILE', 'is not a network namespace'],
    ['UPWARDS', 'cannot be opened'],
    ['SELF', "is the node's own network namespace"],
    ['NESTED', 'was not made inside this node'],
    ['GONE', 'does not exist in the node'],
  ])('%s is refused: %s', async (name, why) => {
    const r = await lab.exec(`node/${name}`, ['ip', '-br', 'link']);
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toContain(`grade-enter: network namespace ${name}: ${why}`);
  });
});
