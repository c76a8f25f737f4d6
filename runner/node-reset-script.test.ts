import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { shippedExercise } from '../test/support/exercises.js';
import { labBuildScript } from './lab-build-script.js';
import { nodeResetScript } from './node-reset-script.js';
import { planLinks } from './plan-lab.js';

const ex03 = shippedExercise('ex03-bridge-masquerade');
const links = planLinks(ex03);

describe('nodeResetScript', () => {
  test('is valid bash', () => {
    for (const node of ex03.nodes) expect(spawnSync('bash', ['-n', '-c', nodeResetScript(ex03, links, node.name)]).status).toBe(0);
  });

  test("unplugs, remakes and plugs back only the node's own switch ports, into their own bridges", () => {
    const host = nodeResetScript(ex03, links, 'host');
    expect(host.match(/link del n\dp\d/g)).toEqual(['link del n0p0', 'link del n1p0', 'link del n2p0']);
    expect(host).toContain(`ip link add 'veth-red-br' \${mac_n1p0:+address "$mac_n1p0"} netns "$holder" type veth peer name n1p0 netns "$SW_NS"`);
    expect(host).toContain('ip -n "$SW_NS" link set n2p0 master br2 up');
    const red = nodeResetScript(ex03, links, 'red');
    expect(red.match(/link del n\dp\d/g)).toEqual(['link del n1p1']);
    expect(red).not.toMatch(/'host'|'blue'/);
  });

  test('ends the old node before making it again, then configures it exactly as the build script does', () => {
    const red = nodeResetScript(ex03, links, 'red');
    const order = ['link del n1p1', 'node_down "$dir"', "lab_node 'red'", "lab_bind 'red'", 'ip link add', "lab_configure 'red'"].map((s) => red.lastIndexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const config = /lab_configure 'red' <<'(\w+)'\n([\s\S]*?)\n\1\n/.exec(red)![2]!;
    expect(labBuildScript(ex03, links)).toContain(`lab_configure 'red' <<'GRADE_NODE_CONFIG' &\n${config}\nGRADE_NODE_CONFIG`);
  });

  test("a lab-owned node's services start again; a learner's node starts none", () => {
    expect(nodeResetScript(ex03, links, 'lan-server')).toMatch(/^lab_service 'lan-server' 'whoami' 7000 'socat TCP-LISTEN:7000/m);
    expect(nodeResetScript(ex03, links, 'red')).not.toContain('lab_service ');
  });

  test('an unknown node is a programming error', () => {
    expect(() => nodeResetScript(ex03, links, 'green')).toThrow('ex03 has no node green');
  });
});
