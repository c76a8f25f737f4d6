import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { CheckKindSpec } from './check-kind-spec.js';
import { UserError } from './errors.js';
import { DEFAULT_LIMITS } from './exercise.js';
import { loadExercise } from './load-exercise.js';
import { renderTemplate } from './render-template.js';

const EX01 = fileURLToPath(new URL('../exercises/ex01-default-gateway', import.meta.url));
const SLUG = 'ex01-default-gateway';
const FILE = `${SLUG}/exercise.yaml`;
// Stand-ins for the registered kinds, which core may not import: just the schema the cases below need.
const IPV4 = { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' };
const onNode = (name: string, schema: object): CheckKindSpec => ({ name, schema, nodesOf: (p) => [String(p.node)] });
const kinds: ReadonlyMap<string, CheckKindSpec> = new Map(
  [
    onNode('reach', { type: 'object', additionalProperties: false, required: ['node', 'to'], properties: { node: { type: 'string' }, to: IPV4 } }),
    onNode('route', {
      type: 'object',
      additionalProperties: false,
      required: ['node', 'to'],
      anyOf: [{ required: ['via'] }, { required: ['dev'] }],
      properties: { node: { type: 'string' }, to: IPV4, via: IPV4, dev: { type: 'string' } },
    }),
    onNode('iptables', { type: 'object', required: ['node', 'chain'], oneOf: [{ required: ['target'] }, { required: ['anyOf'] }] }),
  ].map((k) => [k.name, k]),
);
const roots: string[] = [];

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** ex01's exercise.yaml as the lesson reads it: rendered with its params' defaults, without its params. */
function lessonYaml(): string {
  const rendered = renderTemplate(readFileSync(join(EX01, 'exercise.yaml'), 'utf8'), loadExercise(EX01, kinds).paramValues, FILE);
  return rendered.replace(/^(#.*\n)*params:\n([ #].*\n|\n)*/m, '');
}

/** A copy of ex01 in a temp folder, its exercise.yaml (the lesson's, no params) passed through `edit`. Errors name paths relative to `root`. */
function copyEx01(edit: (yaml: string) => string = (y) => y): { root: string; dir: string; yaml: string } {
  const root = mkdtempSync(join(tmpdir(), 'grade-load-'));
  roots.push(root);
  const dir = join(root, SLUG);
  cpSync(EX01, dir, { recursive: true });
  const yaml = edit(lessonYaml());
  writeFileSync(join(dir, 'exercise.yaml'), yaml);
  return { root, dir, yaml };
}

/** Replace exactly one occurrence (the first), failing loudly if the text is not there. */
function replaceFirst(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`test setup: "${from}" is not in the file`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`test setup: "${needle}" is not in the file`);
  return index + 1;
}

/** The UserError message loading fails with, checked to be one clean sentence. */
function loadError(dir: string, root: string): string {
  let caught: unknown;
  try {
    loadExercise(dir, kinds, root);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UserError);
  const message = (caught as UserError).message;
  expect(message).not.toMatch(/\n/);
  expect(message).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(message).not.toContain('[object Object]');
  expect(message).not.toContain('undefined');
  expect(message).not.toMatch(/must match (exactly one )?schema|must NOT have|must have required property/);
  return message;
}

describe('loadExercise: ex01 as shipped', () => {
  const ex = loadExercise(EX01, kinds, join(EX01, '..'));

  test('reads the top-level fields and fills in the default limits', () => {
    expect(ex.id).toBe('ex01');
    expect(ex.slug).toBe(SLUG);
    expect(ex.title).toBe('The default gateway');
    expect(ex.limits).toEqual(DEFAULT_LIMITS);
    expect(ex.limits).toEqual({ commandSeconds: 20, submissionSeconds: 120 });
  });

  test('networks and nodes keep the order of the file', () => {
    expect(ex.networks.map((n) => n.name)).toEqual(['lan', 'wan', 'internet']);
    expect(ex.networks[0]).toEqual({ name: 'lan', subnet: '192.168.1.0/24', description: 'the switch that host-a, host-b and the router share' });
    expect(ex.nodes.map((n) => n.name)).toEqual(['router', 'host-a', 'host-b', 'server-c', 'web']);
    const router = ex.nodes[0]!;
    expect(router.interfaces).toEqual([
      { name: 'eth0', network: 'lan', addresses: ['192.168.1.1/24'] },
      { name: 'eth1', network: 'wan', addresses: ['192.168.2.1/24'] },
      { name: 'eth2', network: 'internet', addresses: ['203.0.113.1/24'] },
    ]);
    expect(ex.nodes.find((n) => n.name === 'web')!.routes).toEqual([{ to: 'default', via: '203.0.113.1' }]);
    expect(ex.nodes.find((n) => n.name === 'host-a')!.routes).toEqual([]);
    expect(ex.nodes.find((n) => n.name === 'host-a')!.services).toEqual([]);
  });

  test('sysctl values become strings', () => {
    expect(ex.nodes[0]!.sysctls).toEqual({ 'net.ipv4.ip_forward': '1' });
    expect(ex.nodes.find((n) => n.name === 'host-a')!.sysctls).toEqual({});
  });

  test('checks carry their points, trimmed hint and kind-specific params', () => {
    expect(ex.checks).toHaveLength(8);
    const first = ex.checks[0]!;
    expect(first).toMatchObject({ id: 'host-a-reaches-server-c', kind: 'reach', points: 2 });
    expect(first.params).toEqual({ node: 'host-a', to: '192.168.2.10' });
    expect(first.hint).toMatch(/^host-a only knows/);
    expect(first.hint).not.toMatch(/\s$/);
    expect(ex.checks[4]!.params).toEqual({ node: 'host-a', to: '192.168.2.10', via: '192.168.1.1' });
  });

  test('finds the solution, the alternatives and the wrong cases', () => {
    expect(ex.solutionDir).toBe(join(EX01, 'solution'));
    expect(ex.alternatives).toEqual([
      { name: 'default-route-net-tools', dir: join(EX01, 'alternatives', 'default-route-net-tools') },
      { name: 'per-network-routes-mixed', dir: join(EX01, 'alternatives', 'per-network-routes-mixed') },
    ]);
    expect(ex.wrongCases.map((w) => w.name)).toEqual(['gateway-typo', 'one-host-only', 'wan-only']);
    const wanOnly = ex.wrongCases.find((w) => w.name === 'wan-only')!;
    expect(wanOnly.fails).toEqual(['host-a-reaches-web', 'host-a-route-internet', 'host-b-reaches-web', 'host-b-route-internet']);
    expect(wanOnly.dir).toBe(join(EX01, 'wrong', 'wan-only'));
    expect(wanOnly.description).toMatch(/route to the wan only/);
  });
});

describe('loadExercise: defaults for fields left out', () => {
  test('points default to 1 and roles are inferred from the interface count', () => {
    const { dir, root } = copyEx01((y) => y.replace(/^ {4}role: .*\n/gm, '').replace(/^ {4}points: .*\n/gm, ''));
    const ex = loadExercise(dir, kinds, root);
    expect(ex.checks.every((c) => c.points === 1)).toBe(true);
    expect(Object.fromEntries(ex.nodes.map((n) => [n.name, n.role]))).toEqual({
      router: 'router',
      'host-a': 'host',
      'host-b': 'host',
      'server-c': 'host',
      web: 'host',
    });
  });

  test('limits override the defaults one by one; booleans in sysctls become 1/0; a network may be written with no fields', () => {
    const { dir, root } = copyEx01((y) =>
      replaceFirst(
        replaceFirst(replaceFirst(y, 'networks:\n', 'limits:\n  commandSeconds: 5\n\nnetworks:\n'), '      net.ipv4.ip_forward: 1', '      net.ipv4.ip_forward: true\n      net.ipv4.conf.all.rp_filter: false'),
        'internet:\n    subnet: 203.0.113.0/24\n    description: stands in for the internet\n',
        'internet:\n',
      ),
    );
    const ex = loadExercise(dir, kinds, root);
    expect(ex.limits).toEqual({ commandSeconds: 5, submissionSeconds: 120 });
    expect(ex.nodes[0]!.sysctls).toEqual({ 'net.ipv4.ip_forward': '1', 'net.ipv4.conf.all.rp_filter': '0' });
    expect(ex.networks[2]).toEqual({ name: 'internet' });
  });

  test('an interface may list several addresses, or none', () => {
    const { dir, root } = copyEx01((y) =>
      replaceFirst(
        replaceFirst(y, 'eth0: { network: lan, address: 192.168.1.10/24 }', 'eth0: { network: lan, address: [192.168.1.10/24, 192.168.1.20/24] }'),
        'eth0: { network: lan, address: 192.168.1.11/24 }',
        'eth0: { network: lan }',
      ),
    );
    const ex = loadExercise(dir, kinds, root);
    expect(ex.nodes[1]!.interfaces[0]!.addresses).toEqual(['192.168.1.10/24', '192.168.1.20/24']);
    expect(ex.nodes[2]!.interfaces[0]!.addresses).toEqual([]);
  });
});

describe('loadExercise: one sentence naming file, line, place and fix', () => {
  test('a file that is not valid YAML', () => {
    const { dir, root } = copyEx01(() => 'id: ex01\ntitle: [a list that never closes\nsummary: x\n');
    expect(loadError(dir, root)).toMatch(new RegExp(`^${FILE}:\\d+:\\d+: this is not valid YAML \\(.+[^:]\\)\\.$`));
  });

  test('a file of prose, which YAML reads as one text', () => {
    const { dir, root } = copyEx01(() => 'This exercise is about default gateways.\n');
    expect(loadError(dir, root)).toBe(`${FILE}:1: the file must be a mapping of fields (key: value lines)`);
  });

  test('an empty file', () => {
    const { dir, root } = copyEx01(() => '');
    expect(loadError(dir, root)).toBe(`${FILE}: the file must be a mapping of fields (key: value lines)`);
  });

  test('an unknown top-level field', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'networks:\n', 'difficulty: hard\n\nnetworks:\n'));
    expect(loadError(dir, root)).toBe(`${FILE}:${lineOf(yaml, 'difficulty')}: difficulty: is not a known field here`);
  });

  test('a missing nodes section', () => {
    const { dir, root, yaml } = copyEx01((y) => y.slice(0, y.indexOf('nodes:\n')) + y.slice(y.indexOf('checks:\n')));
    expect(yaml).not.toContain('nodes:');
    expect(loadError(dir, root)).toBe(`${FILE}:1: the file needs the field "nodes"`);
  });

  test('a badly formed address', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'address: 192.168.1.10/24', 'address: 192.168.1/24'));
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, '192.168.1/24')}: nodes.host-a.interfaces.eth0.address: must be an IPv4 address with a prefix length, like 192.168.1.10/24`,
    );
  });

  test('a well formed but impossible address', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'address: 192.168.1.10/24', 'address: 192.168.1.300/24'));
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, '192.168.1.300/24')}: nodes.host-a.interfaces.eth0.address: "192.168.1.300/24" is not a valid IPv4 address with prefix`,
    );
  });

  test('an interface on a network that is not declared lists the known networks', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, '{ network: lan, address: 192.168.1.11/24 }', '{ network: lann, address: 192.168.1.11/24 }'));
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, 'network: lann')}: nodes.host-b.interfaces.eth0.network: names "lann", which is not under networks (known: lan, wan, internet)`,
    );
  });

  test('an unknown check kind lists the known kinds', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'kind: reach', 'kind: ping'));
    const message = loadError(dir, root);
    expect(message).toMatch(new RegExp(`^${FILE}:${lineOf(yaml, 'kind: ping')}: checks\\[0\\]\\.kind: "ping" is not a check kind; known kinds: `));
    for (const kind of kinds.keys()) expect(message).toContain(kind);
    expect(message).toContain([...kinds.keys()].sort().join(', '));
  });

  test('a check parameter of the wrong type', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'to: 192.168.2.10', 'to: 5'));
    expect(loadError(dir, root)).toBe(`${FILE}:${lineOf(yaml, 'to: 5')}: checks[0].to: must be an IPv4 address, like 192.168.1.1 (for a reach check)`);
  });

  test('a number where an address or a list of addresses is wanted names both forms', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'address: 192.168.1.10/24', 'address: 5'));
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, 'address: 5')}: nodes.host-a.interfaces.eth0.address: must be an IPv4 address with a prefix length, like 192.168.1.10/24 or a list (lines starting with "- ", or [a, b])`,
    );
  });

  test('an iptables check with both target and anyOf', () => {
    const check = [
      '  - id: router-masquerades',
      '    title: the router masquerades',
      '    kind: iptables',
      '    node: router',
      '    table: nat',
      '    chain: POSTROUTING',
      '    packet: { outInterface: eth2 }',
      '    target: MASQUERADE',
      '    anyOf: [{ target: SNAT, toSource: 203.0.113.1 }]',
      '',
    ].join('\n');
    const { dir, root, yaml } = copyEx01((y) => `${y}${check}`);
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, 'id: router-masquerades')}: checks[8]: must have only one of the fields "target" or "anyOf", not both (for an iptables check)`,
    );
  });

  test('a check parameter the kind does not have', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, '    to: 192.168.2.10\n', '    to: 192.168.2.10\n    count: 3\n'));
    expect(loadError(dir, root)).toBe(`${FILE}:${lineOf(yaml, 'count: 3')}: checks[0].count: is not a known field here (for a reach check)`);
  });

  test('a check missing one of two alternative fields names both', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, '    via: 192.168.1.1\n', ''));
    const line = lineOf(yaml, 'id: host-a-route-wan');
    expect(loadError(dir, root)).toBe(`${FILE}:${line}: checks[4]: needs the field "via" or "dev" (for a route check)`);
  });

  test('a check on a node the exercise does not have lists the nodes', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'node: host-a', 'node: host-z'));
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, 'node: host-z')}: checks[0].node: "host-z" is not a node of this exercise (nodes: router, host-a, host-b, server-c, web)`,
    );
  });

  test('two checks with the same id', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'id: host-a-reaches-web', 'id: host-a-reaches-server-c'));
    const line = yaml.slice(0, yaml.lastIndexOf('id: host-a-reaches-server-c')).split('\n').length;
    expect(loadError(dir, root)).toBe(
      `${FILE}:${line}: checks[1].id: the id "host-a-reaches-server-c" is used by an earlier check; ids must be unique`,
    );
  });

  test('a check explained by a check that does not exist', () => {
    const { dir, root, yaml } = copyEx01((y) =>
      replaceFirst(y.replace(/^ {4}because: .*\n/gm, ''), '    points: 2\n', '    points: 2\n    because: [host-a-route-wan, host-a-route-mars]\n'),
    );
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, 'host-a-route-mars')}: checks[0].because[1]: "host-a-route-mars" is not another check of this exercise`,
    );
  });

  test('a key written twice in one mapping', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, '    points: 2\n', '    points: 2\n    points: 3\n'));
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, 'points: 3')}:5: checks[0]: the key "points" appears twice; each key may appear only once in a mapping.`,
    );
  });

  test('a key written twice at the top level', () => {
    const { dir, root, yaml } = copyEx01((y) => `${y}\ntitle: again\n`);
    expect(loadError(dir, root)).toBe(`${FILE}:${lineOf(yaml, 'title: again')}:1: the key "title" appears twice; each key may appear only once in a mapping.`);
  });

  test('a network no node uses', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'nodes:\n', '  dmz:\n    subnet: 10.9.9.0/24\n\nnodes:\n'));
    expect(loadError(dir, root)).toBe(`${FILE}:${lineOf(yaml, 'dmz:')}: networks.dmz: no node has an interface on this network`);
  });

  test('a route to an address without a prefix says both forms that are allowed', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, '{ to: default, via: 192.168.2.1 }', '{ to: 10.0.0.0, via: 192.168.2.1 }'));
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, 'to: 10.0.0.0')}: nodes.server-c.routes[0].to: must be "default" or an IPv4 address with a prefix length, like 192.168.1.10/24`,
    );
  });

  test('a badly formed node name', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, '  web:\n', '  Web_Server:\n'));
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, 'nodes:')}: nodes: the name "Web_Server" must be a lower-case name of letters, digits and dashes, like host-a`,
    );
  });

  test('a sysctl value that is a list', () => {
    const { dir, root, yaml } = copyEx01((y) => replaceFirst(y, 'net.ipv4.ip_forward: 1', 'net.ipv4.ip_forward: [1]'));
    expect(loadError(dir, root)).toBe(
      `${FILE}:${lineOf(yaml, 'ip_forward: [1]')}: nodes.router.sysctls.net.ipv4.ip_forward: must be text or a number or true or false`,
    );
  });

  test('a wrong case naming a check id the exercise does not have', () => {
    const { dir, root } = copyEx01();
    const caseFile = join(dir, 'wrong', 'wan-only', 'case.yaml');
    writeFileSync(caseFile, readFileSync(caseFile, 'utf8').replace('host-a-route-internet', 'host-a-reaches-mars'));
    expect(loadError(dir, root)).toBe(`${SLUG}/wrong/wan-only/case.yaml:2: fails[1]: "host-a-reaches-mars" is not a check id of this exercise`);
  });

  test('a wrong case with an unknown field', () => {
    const { dir, root } = copyEx01();
    writeFileSync(join(dir, 'wrong', 'wan-only', 'case.yaml'), 'description: x\nfails: [host-a-reaches-web]\npasses: [host-b-reaches-web]\n');
    expect(loadError(dir, root)).toBe(`${SLUG}/wrong/wan-only/case.yaml:3: passes: is not a known field here`);
  });

  test('a wrong case without case.yaml', () => {
    const { dir, root } = copyEx01();
    rmSync(join(dir, 'wrong', 'wan-only', 'case.yaml'));
    expect(loadError(dir, root)).toBe(`${SLUG}/wrong/wan-only/case.yaml: missing; a wrong case says which checks it must fail in case.yaml.`);
  });

  test('a solution file for a node that does not exist lists the valid file names', () => {
    const { dir, root } = copyEx01();
    writeFileSync(join(dir, 'solution', 'host-c.sh'), 'ip route add default via 192.168.1.1\n');
    expect(loadError(dir, root)).toBe(
      `${SLUG}/solution/host-c.sh is for a node "host-c" this exercise does not have; name files after its nodes: host-a.sh, host-b.sh.`,
    );
  });

  test('a solution file for a node the lab runs is refused and names the learner\'s nodes', () => {
    const { dir, root } = copyEx01();
    writeFileSync(join(dir, 'solution', 'router.sh'), 'echo 1 > /proc/sys/net/ipv4/ip_forward\n');
    expect(loadError(dir, root)).toBe(
      `${SLUG}/solution/router.sh is for router, which the lab runs and the learner does not configure; submit files only for host-a.sh, host-b.sh.`,
    );
  });

  test('an alternative with a file for a node that does not exist', () => {
    const { dir, root } = copyEx01();
    writeFileSync(join(dir, 'alternatives', 'default-route-net-tools', 'Host-A.sh'), 'true\n');
    expect(loadError(dir, root)).toMatch(new RegExp(`^${SLUG}/alternatives/default-route-net-tools/Host-A\\.sh is for a node "Host-A"`));
  });

  test('a missing solution folder', () => {
    const { dir, root } = copyEx01();
    rmSync(join(dir, 'solution'), { recursive: true });
    expect(loadError(dir, root)).toBe(`${SLUG}/solution: missing; every exercise ships a reference solution.`);
  });

  test('a folder without exercise.yaml', () => {
    const { dir, root } = copyEx01();
    rmSync(join(dir, 'exercise.yaml'));
    expect(loadError(dir, root)).toBe(`${FILE}: missing; every exercise folder needs an exercise.yaml.`);
  });
});
