// An exercise's Korean texts (ko.yaml beside exercise.yaml): its title, summary, and every check's
// title and hint. Validated once here, with the same file/line/place errors as exercise.yaml.

import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Document } from 'yaml';
import { createAjv, describeAjvErrors } from './ajv.js';
import { lazy } from './lazy.js';
import type { CheckSpec, ExerciseTranslation } from './exercise.js';

/** A parsed YAML file that can point at a place inside it (load-exercise.ts's SourceFile). */
export interface YamlSource {
  readonly doc: Document;
  fail(path: (string | number)[], message: string): never;
}

export type ParseYaml = (file: string, shown: string, text: string) => YamlSource;

const text = { type: 'string', minLength: 1 } as const;

/** JSON Schema of ko.yaml as a translator writes it. */
export const translationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'summary', 'checks'],
  properties: {
    title: text,
    summary: text,
    checks: {
      type: 'object',
      additionalProperties: { type: 'object', additionalProperties: false, required: ['title'], properties: { title: text, hint: text } },
    },
  },
} as const;

const validate = lazy(() => createAjv().compile(translationSchema));

interface RawTranslation {
  title: string;
  summary: string;
  checks: Record<string, { title: string; hint?: string }>;
}

/**
 * The Korean texts of the exercise in `dir`, or undefined when it has no ko.yaml. `render` is the
 * exercise's own (ko.yaml of an exercise with params is a template rendered with the same values).
 * Every check needs a title, and a hint when its English has one; an unknown check id is an error.
 */
export function readTranslation(
  dir: string,
  checks: readonly CheckSpec[],
  shownFrom: string,
  render: (text: string, shown: string) => string,
  parse: ParseYaml,
): ExerciseTranslation | undefined {
  const file = join(dir, 'ko.yaml');
  if (!existsSync(file)) return undefined;
  const shown = relative(shownFrom, file) || file;
  const src = parse(file, shown, render(readFileSync(file, 'utf8'), shown));
  const raw = src.doc.toJS() as unknown;
  if (!validate()(raw)) {
    const described = describeAjvErrors(validate().errors ?? []);
    src.fail(described.path, described.message);
  }
  const data = raw as RawTranslation;
  const ids = checks.map((c) => c.id);
  for (const id of Object.keys(data.checks)) {
    if (!ids.includes(id)) src.fail(['checks', id], `"${id}" is not a check id of this exercise (its checks: ${ids.join(', ')})`);
  }
  for (const check of checks) {
    const ko = data.checks[check.id];
    if (!ko) return src.fail(['checks'], `has no entry for the check "${check.id}"; give it a title${check.hint ? ' and a hint' : ''} in Korean`);
    if (check.hint && !ko.hint) src.fail(['checks', check.id], `needs a "hint", because the check has one in exercise.yaml`);
  }
  return {
    title: data.title.trim(),
    summary: data.summary.trim(),
    checks: Object.fromEntries(
      checks.map((c) => {
        const ko = data.checks[c.id]!;
        return [c.id, { title: ko.title.trim(), ...(ko.hint ? { hint: ko.hint.trim() } : {}) }];
      }),
    ),
  };
}
