import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CheckKind } from '../checks/check-kind.js';
import type { CheckSpec, Exercise } from '../core/exercise.js';
import { exerciseOf, nodeSpec } from '../test/support/exercises.js';
import { FakeEngine } from '../test/support/fake-engine.js';
import { removeTempDirs, tempDir } from '../test/support/temp-dir.js';
import { verifyExercises, type VerifyCase } from './verify.js';

const IMAGE = 'grade-lab:test';
afterAll(removeTempDirs);

/** What the learner's files sent into the lab whose build was given this run's token. */
function typedIn(engine: FakeEngine, token: string): string {
  const calls = engine.execCalls();
  const build = calls.find((c) => c.options.env?.GRADE_TOKEN === token);
  return calls.filter((c) => c.containerId === build?.containerId).map((c) => c.options.env?.GRADE_SCRIPT ?? '').join('\n');
}

// Passes when the learner typed its word: a stand-in for a lab whose state follows what was typed.
function typedKind(engine: FakeEngine): CheckKind {
  const kind: CheckKind<{ word: string }> = {
    name: 'typed',
    description: 'test double',
    schema: {},
    nodesOf: () => [],
    async run(p, { token }) {
      const typed = typedIn(engine, token).includes(p.word);
      return { status: typed ? 'pass' : 'fail', expected: `typed ${p.word}`, observed: typed ? 'typed' : 'not typed', evidence: [] };
    },
  };
  return kind as unknown as CheckKind;
}

const check = (id: string, word: string): CheckSpec => ({ id, title: id, kind: 'typed', points: 1, because: [], params: { word } });

/** A folder holding one submission: host.sh with these commands. */
function solution(root: string, path: string, commands: string): string {
  const dir = join(root, path);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'host.sh'), commands);
  return dir;
}

/** An exercise whose check a passes when the learner typed "alpha", and b when they typed "beta". */
function exercise(): Exercise {
  const root = tempDir('grade-verify-');
  const wrong = (name: string, fails: string[], commands: string) => ({ name, description: name, fails, dir: solution(root, `wrong/${name}`, commands) });
  return exerciseOf({
    nodes: [nodeSpec('host')],
    checks: [check('a', 'alpha'), check('b', 'beta')],
    solutionDir: solution(root, 'solution', 'echo alpha\necho beta\n'),
    alternatives: [{ name: 'one-line', dir: solution(root, 'alternatives/one-line', 'echo alpha beta\n') }],
    wrongCases: [
      wrong('no-beta', ['b'], 'echo alpha\n'),
      wrong('declares-the-wrong-check', ['a'], 'echo alpha\n'),
      wrong('fails-more', ['b'], 'echo gamma\n'),
    ],
  });
}

async function verify(engine: FakeEngine) {
  const seen: string[] = [];
  const cases = await verifyExercises({
    exercises: [exercise()],
    kinds: new Map([['typed', typedKind(engine)]]),
    engine,
    image: IMAGE,
    concurrency: 2,
    onCase: (c) => seen.push(c.name),
  });
  return { cases, seen };
}

const summary = (c: VerifyCase) => ({ name: c.name, kind: c.kind, actual: c.actualFails, unexpectedFails: c.unexpectedFails, unexpectedPasses: c.unexpectedPasses, ok: c.ok });

describe('verifyExercises', () => {
  test('a case is ok when exactly its declared checks fail: none for references and alternatives', async () => {
    const { cases, seen } = await verify(new FakeEngine([IMAGE]));
    expect(cases.map(summary)).toEqual([
      { name: 'solution', kind: 'reference', actual: [], unexpectedFails: [], unexpectedPasses: [], ok: true },
      { name: 'alternatives/one-line', kind: 'alternative', actual: [], unexpectedFails: [], unexpectedPasses: [], ok: true },
      { name: 'wrong/no-beta', kind: 'wrong', actual: ['b'], unexpectedFails: [], unexpectedPasses: [], ok: true },
      { name: 'wrong/declares-the-wrong-check', kind: 'wrong', actual: ['b'], unexpectedFails: ['b'], unexpectedPasses: ['a'], ok: false },
      { name: 'wrong/fails-more', kind: 'wrong', actual: ['a', 'b'], unexpectedFails: ['a'], unexpectedPasses: [], ok: false },
    ]);
    expect(cases.map((c) => c.result.submission.mode)).toEqual(['reference', 'reference', 'wrong-case', 'wrong-case', 'wrong-case']);
    expect(seen.sort()).toEqual(cases.map((c) => c.name).sort());
  });

  test('a case the machine could not grade is never ok, whatever it declared', async () => {
    const { cases } = await verify(new FakeEngine([]));
    expect(cases.map((c) => [c.name, c.result.status, c.ok])).toEqual([
      ['solution', 'error', false],
      ['alternatives/one-line', 'error', false],
      ['wrong/no-beta', 'error', false],
      ['wrong/declares-the-wrong-check', 'error', false],
      ['wrong/fails-more', 'error', false],
    ]);
    expect(cases[2]!.unexpectedPasses).toEqual(['b']);
  });
});

describe('verifyExercises on a variant', () => {
  test("the exercise's own solutions are rendered for the variant, and the cases name it", async () => {
    const root = tempDir('grade-verify-variant-');
    const engine = new FakeEngine([IMAGE]);
    // The variant's word is "alpha7": the template must be rendered for check a to pass, and "alpha" alone must not do.
    const variant = exerciseOf({
      nodes: [nodeSpec('host')],
      checks: [check('a', 'alpha7')],
      solutionDir: solution(root, 'solution', 'echo alpha{{n}}\n'),
      params: [{ name: 'n', type: 'int', default: 1, within: [], min: 1, max: 9 }],
      variant: 'v3',
      paramValues: { n: 7 },
    });
    const cases = await verifyExercises({ exercises: [variant], kinds: new Map([['typed', typedKind(engine)]]), engine, image: IMAGE, concurrency: 1 });
    expect(cases.map((c) => [c.exercise, c.name, c.ok])).toEqual([['ex99@v3', 'solution', true]]);
    expect(cases[0]!.result.exercise.variant).toBe('v3');
  });
});
