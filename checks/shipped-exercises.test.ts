import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readmeOf } from '../core/exercise-texts.js';
import { allExercises, findExercise } from '../core/find-exercise.js';
import { checkKinds } from './registry.js';

// What every exercise the course ships must have (the list): a learner README, a reference,
// at least two alternatives and three known-wrong cases, the lesson and its concepts, and a hint for
// every check. (That each solution passes and each wrong case fails exactly as declared is proved on
// the real engine by test/docker/verify-all.test.ts.)
describe('every shipped exercise is complete', () => {
  for (const e of allExercises(checkKinds())) {
    test(`${e.id}: README, reference, 2+ alternatives, 3+ wrong cases, lesson, concepts, a hint per check`, () => {
      const readme = join(e.dir, 'README.md');
      expect(existsSync(readme), `${e.slug}/README.md`).toBe(true);
      expect(readFileSync(readme, 'utf8')).toMatch(new RegExp(`^# ${e.id} `));
      expect(e.alternatives.length).toBeGreaterThanOrEqual(2);
      expect(e.wrongCases.length).toBeGreaterThanOrEqual(3);
      expect(e.lesson, 'lesson:').toBeTruthy();
      expect(e.concepts.length, 'concepts:').toBeGreaterThan(0);
      expect(e.checks.filter((c) => !c.hint?.trim()).map((c) => c.id)).toEqual([]);
    });
  }
});

// The lessons are Korean blog posts, so every learner-facing text ships in Korean too (ko.yaml,
// README.ko.md; docs/exercise-format.md). The loader already refuses an incomplete ko.yaml; this says
// the file must be there, and that its texts are Korean and follow ex01's variants.
describe('every shipped exercise speaks Korean', () => {
  const hangul = /[\uac00-\ud7a3]/;
  for (const e of allExercises(checkKinds())) {
    test(`${e.id}: ko.yaml with a Korean title for every check and a Korean hint where the English has one; README.ko.md`, () => {
      expect(existsSync(join(e.dir, 'ko.yaml')), `${e.slug}/ko.yaml`).toBe(true);
      const ko = e.texts?.ko;
      expect(ko?.title, 'title').toMatch(hangul);
      expect(ko?.summary, 'summary').toMatch(hangul);
      const untranslated = e.checks.filter((c) => !hangul.test(ko?.checks[c.id]?.title ?? '') || (c.hint !== undefined && !hangul.test(ko?.checks[c.id]?.hint ?? '')));
      expect(untranslated.map((c) => c.id)).toEqual([]);
      const readme = join(e.dir, 'README.ko.md');
      expect(existsSync(readme), `${e.slug}/README.ko.md`).toBe(true);
      expect(readFileSync(readme, 'utf8')).toMatch(new RegExp(`^# ${e.id} `));
      expect(readFileSync(readme, 'utf8')).toMatch(hangul);
    });
  }

  test("ex01's Korean texts are templates: each variant's titles, hints and README name its own addresses", () => {
    const ipv4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
    for (const variant of [null, 'alice', 'v7']) {
      const e = findExercise('ex01', checkKinds(), variant);
      expect(e.texts?.ko, `ex01 ${variant ?? 'lesson'}`).toBeDefined();
      for (const check of e.checks) {
        const ko = e.texts!.ko!.checks[check.id]!;
        const english = `${check.title} ${check.hint ?? ''}`;
        const korean = `${ko.title} ${ko.hint ?? ''}`;
        expect(korean, `${variant}: ${check.id}`).not.toContain('{{');
        // An address the lesson's values would give, left in the Korean, would be wrong for this variant.
        expect((korean.match(ipv4) ?? []).filter((a) => !english.includes(a)), `${variant}: ${check.id}`).toEqual([]);
      }
      const readme = readmeOf(e, 'ko') ?? '';
      const hostA = e.nodes.find((n) => n.name === 'host-a')!.interfaces[0]!.addresses[0]!;
      expect(readme).not.toContain('{{');
      expect(readme, `ex01 ${variant} README.ko.md`).toContain(hostA.split('/')[0]!);
    }
  });
});
