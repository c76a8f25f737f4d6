import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadErrorOf } from '../test/support/exercises.js';
import type { CheckKindSpec } from './check-kind-spec.js';
import { readmeOf } from './exercise-texts.js';
import { loadExercise } from './load-exercise.js';

// ko.yaml and README.ko.md as the loader reads them, on a small exercise with params (so both are templates, like ex01's).
const reach: CheckKindSpec = { name: 'reach', schema: { type: 'object' }, nodesOf: (p) => [String(p.node)] };
const kinds = new Map([['reach', reach]]);
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const EXERCISE = `id: ex97
title: Two hosts
summary: Two hosts on one network reach each other.
params:
  lan: { type: subnet, default: 10.0.0.0/24, within: 10.0.0.0/16 }
networks:
  lan: { subnet: "{{lan}}" }
nodes:
  a:
    interfaces: { eth0: { network: lan, address: {{addr lan 1}}/24 } }
  b:
    interfaces: { eth0: { network: lan, address: {{addr lan 2}}/24 } }
checks:
  - id: a-reaches-b
    title: a can ping b ({{addr lan 2}})
    kind: reach
    node: a
    to: {{addr lan 2}}
    hint: b has the address {{addr lan 2}}; a needs an address on the same network.
  - id: b-reaches-a
    title: b can ping a
    kind: reach
    node: b
    to: {{addr lan 1}}
`;

const KO = `title: "두 호스트"
summary: "한 네트워크에 있는 두 호스트가 서로 통신합니다."
checks:
  a-reaches-b:
    title: "a에서 b({{addr lan 2}})로 ping이 갑니다"
    hint: >
      b의 주소는 {{addr lan 2}}입니다. a에도 같은 네트워크의 주소가 있어야 합니다.
  b-reaches-a:
    title: "b에서 a로 ping이 갑니다"
`;

/** The fixture exercise in a temp folder, with `ko` as its ko.yaml (null: none) and a Korean README. */
function fixture(ko: string | null = KO, readmeKo = '# ex97 · 두 호스트\n\na의 주소: {{addr lan 1}}\n'): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'grade-ko-'));
  roots.push(root);
  const dir = join(root, 'ex97-two-hosts');
  mkdirSync(join(dir, 'solution'), { recursive: true });
  writeFileSync(join(dir, 'exercise.yaml'), EXERCISE);
  writeFileSync(join(dir, 'solution', 'a.sh'), 'ip addr\n');
  writeFileSync(join(dir, 'README.md'), '# ex97 · Two hosts\n\na is {{addr lan 1}}\n');
  if (ko !== null) writeFileSync(join(dir, 'ko.yaml'), ko);
  writeFileSync(join(dir, 'README.ko.md'), readmeKo);
  return { root, dir };
}

function loadError(ko: string, readmeKo?: string): string {
  const { root, dir } = fixture(ko, readmeKo);
  return loadErrorOf(dir, root, kinds);
}

describe('an exercise translation (ko.yaml)', () => {
  test('is attached to the exercise, rendered with the lesson values, hints trimmed', () => {
    const { dir, root } = fixture();
    const ex = loadExercise(dir, kinds, root);
    expect(ex.texts?.ko).toEqual({
      title: '두 호스트',
      summary: '한 네트워크에 있는 두 호스트가 서로 통신합니다.',
      checks: {
        'a-reaches-b': { title: 'a에서 b(10.0.0.2)로 ping이 갑니다', hint: 'b의 주소는 10.0.0.2입니다. a에도 같은 네트워크의 주소가 있어야 합니다.' },
        'b-reaches-a': { title: 'b에서 a로 ping이 갑니다' },
      },
    });
    expect(ex.title).toBe('Two hosts');
  });

  test("is rendered with a variant's own values, like exercise.yaml and the README", () => {
    const { dir, root } = fixture();
    const alice = loadExercise(dir, kinds, root, 'alice');
    const b = alice.nodes.find((n) => n.name === 'b')!.interfaces[0]!.addresses[0]!.replace('/24', '');
    expect(b).not.toBe('10.0.0.2');
    expect(alice.texts?.ko?.checks['a-reaches-b']).toEqual({
      title: `a에서 b(${b})로 ping이 갑니다`,
      hint: `b의 주소는 ${b}입니다. a에도 같은 네트워크의 주소가 있어야 합니다.`,
    });
    expect(readmeOf(alice, 'ko')).toContain(`a의 주소: ${alice.nodes[0]!.interfaces[0]!.addresses[0]!.replace('/24', '')}`);
    expect(readmeOf(alice, 'en')).toMatch(/^# ex97 · Two hosts/);
  });

  test('is optional: without ko.yaml the exercise has no Korean texts and the English README stands in', () => {
    const { dir, root } = fixture(null);
    const ex = loadExercise(dir, kinds, root);
    expect(ex.texts).toEqual({});
    rmSync(join(dir, 'README.ko.md'));
    expect(readmeOf(ex, 'ko')).toMatch(/^# ex97 · Two hosts/);
  });

  test('an unknown check id is an error naming the file, the line and the id', () => {
    const message = loadError(KO.replace('  b-reaches-a:', '  b-reaches-c:'));
    expect(message).toMatch(/^ex97-two-hosts\/ko\.yaml:8: checks\.b-reaches-c: "b-reaches-c" is not a check id of this exercise \(its checks: a-reaches-b, b-reaches-a\)$/);
  });

  test('a check without its Korean title, or without the hint its English has, is an error', () => {
    expect(loadError(KO.replace(/ {2}b-reaches-a:\n.*\n/, ''))).toMatch(/ko\.yaml:\d+: checks: has no entry for the check "b-reaches-a"; give it a title in Korean$/);
    expect(loadError(KO.replace(/ {4}hint: >\n.*\n/, ''))).toMatch(/ko\.yaml:4: checks\.a-reaches-b: needs a "hint", because the check has one in exercise\.yaml$/);
    expect(loadError(KO.replace('    title: "b에서 a로 ping이 갑니다"', '    hint: "b에서"'))).toMatch(/ko\.yaml:\d+: checks\.b-reaches-a: needs the field "title"$/);
  });

  test('other keys, missing summary and template mistakes are errors with the place', () => {
    expect(loadError(`${KO}concepts: [ping]\n`)).toMatch(/ko\.yaml:10: concepts: is not a known field here$/);
    expect(loadError(KO.replace('    title: "b에서 a로 ping이 갑니다"', '    title: "b에서 a로 ping이 갑니다"\n    points: 2'))).toMatch(/ko\.yaml:10: checks\.b-reaches-a\.points: is not a known field here$/);
    expect(loadError(KO.replace(/^summary: .*\n/m, ''))).toMatch(/ko\.yaml:1: the file needs the field "summary"$/);
    expect(loadError(KO.replace('{{addr lan 2}})', '{{addr lan nope}})'))).toMatch(/ko\.yaml:5/);
    expect(loadError(KO, '# ex97\n\n{{addr lann 1}}\n')).toMatch(/README\.ko\.md:3/);
  });
});
