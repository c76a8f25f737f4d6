import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { exerciseFolders } from '../core/find-exercise.js';
import { loadExercise } from '../core/load-exercise.js';
import type { CheckKind } from './check-kind.js';
import { checkKinds } from './registry.js';

const SHIPPED = fileURLToPath(new URL('../exercises', import.meta.url));
const CHECKS = fileURLToPath(new URL('.', import.meta.url));

function isCheckKind(value: unknown): value is CheckKind {
  const v = value as Partial<CheckKind> | null;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.run === 'function' && typeof v.nodesOf === 'function';
}

/** Every check kind a module of checks/ exports, found by shape: what the registry must hold, no more, no less. */
async function kindsInFolder(): Promise<Map<string, { file: string; kind: CheckKind }[]>> {
  const found = new Map<string, { file: string; kind: CheckKind }[]>();
  for (const file of readdirSync(CHECKS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'registry.ts').sort()) {
    const module = (await import(join(CHECKS, file))) as Record<string, unknown>;
    for (const value of Object.values(module).filter(isCheckKind)) found.set(value.name, [...(found.get(value.name) ?? []), { file, kind: value }]);
  }
  return found;
}

describe('checkKinds', () => {
  test('registers every kind that checks/ defines, once, as that very object, and nothing else', async () => {
    const defined = await kindsInFolder();
    const registered = checkKinds();
    expect([...defined].filter(([, defs]) => defs.length > 1).map(([name]) => name)).toEqual([]);
    expect([...registered.keys()].sort()).toEqual([...defined.keys()].sort());
    for (const [name, [def]] of defined) expect(registered.get(name), `${name} (${def?.file})`).toBe(def?.kind);
    expect(registered.size).toBeGreaterThanOrEqual(11);
  });

  test('each kind is registered under its own name, with a description, and has a unit test file of its own', () => {
    const kinds = [...checkKinds()];
    expect(kinds.filter(([key, kind]) => key !== kind.name).map(([key]) => key)).toEqual([]);
    expect(kinds.filter(([, kind]) => !kind.description).map(([key]) => key)).toEqual([]);
    // checks/<kind>.test.ts runs the kind against the fake lab world (test/support/fake-lab.ts).
    expect(kinds.map(([key]) => `${key}.test.ts`).filter((f) => !existsSync(join(CHECKS, f)))).toEqual([]);
  });

  test('each kind has a parameter schema that names its fields and forbids others', () => {
    for (const [name, kind] of checkKinds()) {
      const schema = kind.schema as { type?: string; properties?: object; additionalProperties?: unknown };
      expect([name, schema.type, typeof schema.properties]).toEqual([name, 'object', 'object']);
      expect([name, schema.additionalProperties]).toEqual([name, false]);
    }
  });

  // The loader's own tests use stand-in kinds; this is where the real schemas meet the shipped exercises.
  test.each(exerciseFolders(SHIPPED))('%s loads with the registered kinds', (folder) => {
    expect(loadExercise(join(SHIPPED, folder), checkKinds(), SHIPPED).checks.length).toBeGreaterThan(0);
  });

  test('the shipped exercises use every registered kind', () => {
    const used = new Set(exerciseFolders(SHIPPED).flatMap((f) => loadExercise(join(SHIPPED, f), checkKinds(), SHIPPED).checks.map((c) => c.kind)));
    expect([...checkKinds().keys()].filter((k) => !used.has(k))).toEqual([]);
  });
});
