import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { loadErrorOf } from '../test/support/exercises.js';
import type { CheckKindSpec } from './check-kind-spec.js';
import { readmeOf, readSubmissionFor } from './exercise-texts.js';
import { loadExercise, variantOf } from './load-exercise.js';

// Per-learner variants as the loader makes them: ex01 opts in with params:, ex02 does not.
const EXERCISES = fileURLToPath(new URL('../exercises', import.meta.url));
const EX01 = join(EXERCISES, 'ex01-default-gateway');
const EX02 = join(EXERCISES, 'ex02-linux-router');
const FILE = 'ex01-default-gateway/exercise.yaml';
// Any check kind will do: these tests are about params and rendering, not about checks.
const anyKind = (name: string): CheckKindSpec => ({ name, schema: { type: 'object' }, nodesOf: (p) => (p.node ? [String(p.node)] : []) });
const kinds = new Map(['reach', 'route', 'sysctl', 'sysctl-persisted', 'iptables', 'tcp', 'http', 'command', 'file', 'bridge', 'resolve'].map((k) => [k, anyKind(k)]));
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const lesson = loadExercise(EX01, kinds);
const alice = loadExercise(EX01, kinds, process.cwd(), 'alice');
const bob = variantOf(lesson, 'bob', kinds);
const addressOf = (ex: typeof lesson, node: string) => ex.nodes.find((n) => n.name === node)!.interfaces[0]!.addresses[0]!;

/** A copy of ex01 whose `file` went through `edit`; the UserError loading it gives. */
function loadError(edit: (text: string) => string, file = 'exercise.yaml'): string {
  const root = mkdtempSync(join(tmpdir(), 'grade-variant-'));
  roots.push(root);
  const dir = join(root, 'ex01-default-gateway');
  cpSync(EX01, dir, { recursive: true });
  const path = join(dir, file);
  const text = edit(readFileSync(path, 'utf8'));
  if (text === readFileSync(path, 'utf8')) throw new Error('test setup: the edit changed nothing');
  writeFileSync(path, text);
  return loadErrorOf(dir, root, kinds);
}

describe('an exercise with params', () => {
  test('without a variant it is the lesson: the defaults, no variant named', () => {
    expect(lesson.variant).toBeNull();
    expect(lesson.params.map((p) => p.name)).toEqual(['lan', 'wan', 'gw', 'hostA', 'hostB', 'typo', 'serverC']);
    expect(lesson.paramValues).toEqual({ lan: '192.168.1.0/24', wan: '192.168.2.0/24', gw: 1, hostA: 10, hostB: 11, typo: 100, serverC: 10 });
    expect(lesson.networks.map((n) => n.subnet)).toEqual(['192.168.1.0/24', '192.168.2.0/24', '203.0.113.0/24']);
    expect(addressOf(lesson, 'host-a')).toBe('192.168.1.10/24');
    expect(lesson.checks[0]).toMatchObject({ title: 'host-a can ping server-c (192.168.2.10)', params: { node: 'host-a', to: '192.168.2.10' } });
  });

  test("a variant renders the topology, checks, hints and wrong cases' descriptions from its own values", () => {
    const v = alice.paramValues;
    const lan = String(v.lan).replace(/0\/24$/, '');
    const wan = String(v.wan).replace(/0\/24$/, '');
    expect(alice.variant).toBe('alice');
    expect(alice.networks[0]!.subnet).toBe(v.lan);
    expect(addressOf(alice, 'router')).toBe(`${lan}${v.gw}/24`);
    expect(addressOf(alice, 'host-b')).toBe(`${lan}${v.hostB}/24`);
    expect(alice.nodes.find((n) => n.name === 'server-c')!.routes).toEqual([{ to: 'default', via: `${wan}1` }]);
    const route = alice.checks.find((c) => c.id === 'host-a-route-wan')!;
    expect(route.params).toEqual({ node: 'host-a', to: `${wan}${v.serverC}`, via: `${lan}${v.gw}` });
    expect(route.hint).toContain(`the router's ${lan}${v.gw}.`);
    expect(alice.wrongCases.find((w) => w.name === 'gateway-typo')!.description).toContain(`${lan}${v.typo}`);
  });

  test('the same id gives the same exercise; another id another one', () => {
    expect(loadExercise(EX01, kinds, process.cwd(), 'alice')).toEqual(alice);
    expect(bob.variant).toBe('bob');
    expect(bob.paramValues).not.toEqual(alice.paramValues);
  });

  test('the README and the known solutions render for the variant, in memory; a learner folder is read as written', () => {
    expect(readmeOf(lesson)).toContain('| host-a   | eth0      | 192.168.1.10/24 | lan      |');
    expect(readmeOf(alice)).toContain(`| host-a   | eth0      | ${addressOf(alice, 'host-a')} | lan      |`);
    expect(readmeOf(alice)).not.toContain('{{');
    const reference = (ex: typeof lesson) => readSubmissionFor(ex, ex.solutionDir).files.find((f) => f.node === 'host-a')!.text;
    expect(reference(lesson)).toBe(
      "# The lesson's way: one route per remote network, each through the router's LAN address.\nip route add 192.168.2.0/24 via 192.168.1.1\nip route add 203.0.113.0/24 via 192.168.1.1\n",
    );
    const gw = addressOf(alice, 'router').replace('/24', '');
    expect(reference(alice)).toContain(`ip route add ${String(alice.paramValues.wan)} via ${gw}\n`);
    const alternative = readSubmissionFor(alice, alice.alternatives.find((a) => a.name === 'per-network-routes-mixed')!.dir);
    expect(alternative.files.find((f) => f.node === 'host-b')!.text).toContain(`route add -net ${String(alice.paramValues.wan).replace('/24', '')} netmask 255.255.255.0 gw ${gw}\n`);
    // A learner's copy of the templates is not rendered: {{...}} in a learner's file must not fit any variant.
    const root = mkdtempSync(join(tmpdir(), 'grade-variant-'));
    roots.push(root);
    cpSync(alice.solutionDir, join(root, 'mine'), { recursive: true });
    expect(readSubmissionFor(alice, join(root, 'mine')).files.find((f) => f.node === 'host-a')!.text).toContain('via {{addr lan gw}}');
  });

  test('the lab plan and the check placeholders are untouched by rendering', () => {
    const ex03 = loadExercise(join(EXERCISES, 'ex03-bridge-masquerade'), kinds);
    expect(ex03.params).toEqual([]);
    expect(JSON.stringify(ex03.checks)).toContain('{{token}}');
  });
});

describe('an exercise without params', () => {
  test('is not rendered and has no variants; --variant on it is a usage mistake; variantOf gives it back', () => {
    const ex02 = loadExercise(EX02, kinds);
    expect([ex02.params, ex02.variant, ex02.paramValues]).toEqual([[], null, {}]);
    expect(() => loadExercise(EX02, kinds, process.cwd(), 'alice')).toThrow('ex02 has no variants (its exercise.yaml has no params:); run it without --variant.');
    expect(variantOf(ex02, 'alice', kinds)).toBe(ex02);
  });
});

describe('params: mistakes are one sentence with file, line and fix', () => {
  const at = (yaml: string, needle: string) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const line = (needle: string) => at(readFileSync(join(EX01, 'exercise.yaml'), 'utf8'), needle);

  test('a misspelt param in a template', () => {
    expect(loadError((y) => y.replace('to: {{addr wan serverC}}', 'to: {{addr wan serverc}}'))).toBe(
      `${FILE}:${line('to: {{addr wan serverC}}')}: {{serverc}} is not a param of this exercise (its params are lan, wan, gw, hostA, hostB, typo, serverC; helpers: addr, net, mask).`,
    );
  });

  test('a misspelt param in a solution file or the README is found at load time, naming that file', () => {
    expect(loadError((t) => t.replace('{{wan}} via', '{{wann}} via'), 'alternatives/per-network-routes-mixed/host-a.sh')).toMatch(
      /^ex01-default-gateway\/alternatives\/per-network-routes-mixed\/host-a\.sh:2: \{\{wann\}\} is not a param/,
    );
    expect(loadError((t) => t.replace('| {{addr lan gw}}/24', '| {{addr lan gateway}}/24'), 'README.md')).toMatch(/^ex01-default-gateway\/README\.md:\d+: \{\{gateway\}\} is not a param/);
  });

  test('an unknown type, an unknown field, a default outside its range, a name that is taken', () => {
    expect(loadError((y) => y.replace('gw: { type: int,', 'gw: { type: integer,'))).toBe(`${FILE}:${line('  gw: {')}: params.gw.type: must be one of "subnet", "int", "port"`);
    expect(loadError((y) => y.replace('gw: { type: int,', 'gw: { type: int, step: 2,'))).toBe(`${FILE}:${line('  gw: {')}: params.gw.step: is not a known field here`);
    expect(loadError((y) => y.replace('gw: { type: int, default: 1, min: 1,', 'gw: { type: int, default: 1, min: 2,'))).toBe(
      `${FILE}:${line('  gw: {')}: params.gw.default: 1 is outside the range 2..254`,
    );
    expect(loadError((y) => y.replace('  gw: {', '  token: {'))).toMatch(new RegExp(`^${FILE}:${line('  gw: {')}: params\\.token: the name "token" is taken`));
    expect(loadError((y) => y.replace('  hostA: {', '  host-a: {'))).toBe(
      `${FILE}:${line('params:')}: params: the name "host-a" must be a name of letters and digits that starts with a lower-case letter, like lan or hostA`,
    );
  });

  test('subnets: a default outside within, a within smaller than the default, overlapping defaults, a host address', () => {
    expect(loadError((y) => y.replace('default: 192.168.1.0/24\n    within: 192.168.0.0/16', 'default: 192.168.1.0/24\n    within: 10.0.0.0/8'))).toBe(
      `${FILE}:${line('default: 192.168.1.0/24')}: params.lan.default: 192.168.1.0/24 is not inside within (10.0.0.0/8)`,
    );
    expect(loadError((y) => y.replace('default: 192.168.1.0/24\n    within: 192.168.0.0/16', 'default: 192.168.1.0/24\n    within: 192.168.1.0/25'))).toMatch(
      /params\.lan\.within: "192\.168\.1\.0\/25" is smaller than the default's \/24/,
    );
    expect(loadError((y) => y.replace('default: 192.168.2.0/24', 'default: 192.168.0.0/23'))).toMatch(/params\.wan\.default: 192\.168\.0\.0\/23 overlaps lan \(192\.168\.1\.0\/24\)/);
    expect(loadError((y) => y.replace('default: 192.168.2.0/24', 'default: 192.168.2.7/24'))).toMatch(/params\.wan\.default: "192\.168\.2\.7\/24" is not a network address/);
  });

  test('groups: two defaults alike, or a range too small for the group', () => {
    expect(loadError((y) => y.replace('hostB: { type: int, default: 11,', 'hostB: { type: int, default: 10,'))).toBe(
      `${FILE}:${line('  hostB: {')}: params.hostB.default: 10 is also hostA's default; params of group "lan" take different values`,
    );
    expect(loadError((y) => y.replace('gw: { type: int, default: 1, min: 1, max: 254', 'gw: { type: int, default: 1, min: 1, max: 3'))).toBe(
      `${FILE}:${line('  gw: {')}: params.gw.min: the range 1..3 has fewer values than group "lan" has members (4)`,
    );
  });
});
