import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Exercise } from '../core/exercise.js';
import { packageRoot } from '../core/package-root.js';
import { exerciseOf, nodeSpec, shippedExercise } from '../test/support/exercises.js';
import { removeTempDirs, tempDir } from '../test/support/temp-dir.js';
import { labBuildScript } from './lab-build-script.js';
import { planLinks } from './plan-lab.js';

const LAB_LIB = join(packageRoot(), 'runner', 'image', 'lab-lib.sh');
const ex01 = shippedExercise('ex01-default-gateway');
const ex03 = shippedExercise('ex03-bridge-masquerade');

afterAll(removeTempDirs);

// The script runs under bash with the real lab-lib.sh (its shell options and wait_all), but every
// function that would touch namespaces only records its arguments; lab_configure keeps its stdin.
// lab_node waits a moment at random, so a script that did not wait for all nodes would be caught.
const STUBS = String.raw`
source() {
  builtin source "$GRADE_TEST_LAB_LIB"
  record() { local IFS=$'\x1f'; printf '%s\n' "$*" >> "$GRADE_TEST_DIR/calls"; }
  lab_node() { sleep "0.0$((RANDOM % 5))"; [ "$1" != "$GRADE_TEST_FAIL_NODE" ] || return 3; record lab_node "$@"; }
  lab_bind() { record lab_bind "$@"; }
  lab_switch() { record lab_switch "$@"; }
  lab_switch_port() { record lab_switch_port "$@"; }
  lab_links() { record lab_links "$@"; }
  lab_configure() { cat > "$GRADE_TEST_DIR/config-$1"; sleep "0.0$((RANDOM % 5))"; record lab_configure "$@"; }
  lab_service() { record lab_service "$@"; }
  lab_tun() { record lab_tun "$@"; }
  lab_budgets() { record lab_budgets "$@"; }
}
`;

interface Build {
  readonly status: number | null;
  readonly calls: string[][];
  configOf(node: string): string;
}

function build(exercise: Exercise, failNode = ''): Build {
  const dir = tempDir('grade-build-');
  const script = labBuildScript(exercise, planLinks(exercise));
  const run = spawnSync('bash', ['-c', `${STUBS}\n${script}`], {
    env: { PATH: process.env.PATH, GRADE_TEST_LAB_LIB: LAB_LIB, GRADE_TEST_DIR: dir, GRADE_TEST_FAIL_NODE: failNode, GRADE_TOKEN: 'tok' },
    encoding: 'utf8',
  });
  let log = '';
  try {
    log = readFileSync(join(dir, 'calls'), 'utf8');
  } catch {
    // nothing was recorded
  }
  return {
    status: run.status,
    calls: log.split('\n').filter(Boolean).map((l) => l.split('\x1f')),
    configOf: (node) => readFileSync(join(dir, `config-${node}`), 'utf8'),
  };
}

const named = (calls: string[][], fn: string) => calls.filter((c) => c[0] === fn).map((c) => c.slice(1));
const firstIndex = (calls: string[][], fn: string) => calls.findIndex((c) => c[0] === fn);
const lastIndex = (calls: string[][], fn: string) => calls.map((c) => c[0]).lastIndexOf(fn);

describe('labBuildScript', () => {
  test('nodes start in parallel, and all are up before the first is bound; then each is bound in order', () => {
    const script = labBuildScript(ex01, planLinks(ex01));
    for (const node of ex01.nodes) expect(script).toContain(`lab_node '${node.name}' &\n`);
    const { status, calls } = build(ex01);
    expect(status).toBe(0);
    expect(named(calls, 'lab_node').flat().sort()).toEqual(['host-a', 'host-b', 'router', 'server-c', 'web']);
    expect(lastIndex(calls, 'lab_node')).toBeLessThan(firstIndex(calls, 'lab_bind'));
    expect(named(calls, 'lab_bind').flat()).toEqual(['router', 'host-a', 'host-b', 'server-c', 'web']);
  });

  test("ex01's links: a bridge for each network with a port for each member, after the binds", () => {
    const { calls } = build(ex01);
    const links = calls.filter((c) => ['lab_switch', 'lab_switch_port'].includes(c[0]!));
    expect(links).toEqual([
      ['lab_switch', 'lan', 'br0'],
      ['lab_switch_port', 'br0', 'router', 'eth0', 'n0p0'],
      ['lab_switch_port', 'br0', 'host-a', 'eth0', 'n0p1'],
      ['lab_switch_port', 'br0', 'host-b', 'eth0', 'n0p2'],
      ['lab_switch', 'wan', 'br1'],
      ['lab_switch_port', 'br1', 'router', 'eth1', 'n1p0'],
      ['lab_switch_port', 'br1', 'server-c', 'eth0', 'n1p1'],
      ['lab_switch', 'internet', 'br2'],
      ['lab_switch_port', 'br2', 'router', 'eth2', 'n2p0'],
      ['lab_switch_port', 'br2', 'web', 'eth0', 'n2p1'],
    ]);
    expect(lastIndex(calls, 'lab_bind')).toBeLessThan(firstIndex(calls, 'lab_switch'));
    expect(lastIndex(calls, 'lab_switch_port')).toBeLessThan(firstIndex(calls, 'lab_configure'));
  });

  test('every node is configured from its own here-document: /etc/hosts, then addresses and routes', () => {
    const { calls, configOf } = build(ex01);
    expect(named(calls, 'lab_configure').flat().sort()).toEqual(['host-a', 'host-b', 'router', 'server-c', 'web']);
    const hosts = "printf '%s\\n' '127.0.0.1\tlocalhost\n192.168.1.1\trouter\n192.168.1.10\thost-a\n192.168.1.11\thost-b\n192.168.2.10\tserver-c\n203.0.113.10\tweb' > /etc/hosts";
    for (const node of ex01.nodes) expect(configOf(node.name)).toContain(hosts);
    expect(configOf('router')).toContain(
      ["ip -batch - <<'GRADE_IP'", 'addr add 192.168.1.1/24 dev eth0', 'link set dev eth0 up', 'addr add 192.168.2.1/24 dev eth1', 'link set dev eth1 up', 'addr add 203.0.113.1/24 dev eth2', 'link set dev eth2 up', 'GRADE_IP'].join('\n'),
    );
    expect(configOf('server-c')).toContain("ip -batch - <<'GRADE_IP'\naddr add 192.168.2.10/24 dev eth0\nlink set dev eth0 up\nroute add default via 192.168.2.1\nGRADE_IP\n");
    expect(configOf('host-a')).not.toContain('route add');
  });

  test('a node without an address is up but not in /etc/hosts', () => {
    const { configOf } = build(ex03);
    expect(configOf('red')).toContain('link set dev eth0 up');
    expect(configOf('red')).not.toContain('addr add');
    expect(configOf('red')).toContain("printf '%s\\n' '127.0.0.1\tlocalhost\n192.168.1.2\thost\n192.168.1.3\tlan-server' > /etc/hosts");
  });

  test('ip_forward is written once per node: 0 unless the exercise sets it', () => {
    const forwarding = (b: Build, node: string) => b.configOf(node).split('\n').filter((l) => l.includes('ip_forward'));
    const one = build(ex01);
    expect(forwarding(one, 'router')).toEqual(["echo '1' > '/proc/sys/net/ipv4/ip_forward'"]);
    for (const node of ['host-a', 'host-b', 'server-c', 'web']) expect(forwarding(one, node)).toEqual(["echo '0' > '/proc/sys/net/ipv4/ip_forward'"]);
    expect(forwarding(build(ex03), 'host')).toEqual(["echo '0' > '/proc/sys/net/ipv4/ip_forward'"]);
  });

  test("services start with lab_service once every node is configured; only a node with services may bind low ports", () => {
    const { status, calls, configOf } = build(ex03);
    expect(status).toBe(0);
    const whoami = ex03.nodes.find((n) => n.name === 'lan-server')!.services[0]!;
    expect(named(calls, 'lab_service')).toEqual([['lan-server', 'whoami', '7000', whoami.command]]);
    expect(lastIndex(calls, 'lab_configure')).toBeLessThan(firstIndex(calls, 'lab_service'));
    const lowPorts = 'echo 0 > /proc/sys/net/ipv4/ip_unprivileged_port_start';
    expect(configOf('lan-server')).toContain(lowPorts);
    for (const node of ['host', 'red', 'blue']) expect(configOf(node)).not.toContain(lowPorts);
  });

  test("a node's setup runs last in its configuration; a service without a port is started with port 0", () => {
    const exercise = exerciseOf({
      networks: [{ name: 'lan' }],
      nodes: [
        nodeSpec('a', {
          interfaces: [{ name: 'eth0', network: 'lan', addresses: ['10.0.0.1/24'] }],
          services: [{ name: 'loop', command: 'sleep infinity' }],
          setup: 'touch /tmp/ready\n',
        }),
        nodeSpec('b', { interfaces: [{ name: 'eth0', network: 'lan', addresses: ['10.0.0.2/24'] }], sysctls: { 'net.ipv4.conf.all.rp_filter': '2' } }),
      ],
    });
    const { status, calls, configOf } = build(exercise);
    expect(status).toBe(0);
    expect(configOf('a').trimEnd().split('\n').at(-1)).toBe('touch /tmp/ready');
    expect(configOf('b')).toContain("echo '2' > '/proc/sys/net/ipv4/conf/all/rp_filter'");
    expect(named(calls, 'lab_service')).toEqual([['a', 'loop', '0', 'sleep infinity']]);
  });

  test('/dev/net/tun is opened to the nodes only when the exercise needs it, before any node starts', () => {
    expect(named(build(ex01).calls, 'lab_tun')).toEqual([]);
    const { status, calls } = build({ ...ex01, needs: ['tun'] });
    expect(status).toBe(0);
    expect(calls[0]).toEqual(['lab_tun']);
  });

  test('a node that fails to start stops the build before anything is bound', () => {
    const { status, calls } = build(ex01, 'host-b');
    expect(status).not.toBe(0);
    expect(named(calls, 'lab_node').length).toBe(4);
    expect(calls.filter((c) => c[0] !== 'lab_node')).toEqual([]);
  });

  test('every function the script calls is one lab-lib.sh defines', () => {
    const defined = spawnSync('bash', ['-c', `source ${LAB_LIB}; declare -F`], { encoding: 'utf8' }).stdout;
    const functions = new Set(defined.split('\n').map((l) => l.replace(/^declare -f /, '')));
    const called = new Set(
      [ex01, ex03].flatMap((e) => labBuildScript(e, planLinks(e)).split('\n').map((l) => /^(lab_\w+|wait_all)\b/.exec(l)?.[1] ?? '')).filter(Boolean),
    );
    expect([...called].sort()).toEqual(['lab_bind', 'lab_budgets', 'lab_configure', 'lab_links', 'lab_node', 'lab_service', 'lab_switch', 'lab_switch_port', 'wait_all']);
    for (const fn of called) expect(functions).toContain(fn);
  });
});
