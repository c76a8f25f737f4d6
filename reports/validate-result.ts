// Validates a value against reports/results-schema.json (the JSON form of core/result.ts GradeResult).
// The schema is imported through TS so tsc copies it into dist/ beside the compiled module.
// Start-up time: compiling the schema costs ajv more than a whole check of a running lab, and every
// written report pays it. The compiled validator is kept as code (ajv's standalone output) per build,
// in dist/.cache, keyed by the schema; a later run loads that file and never loads ajv itself.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { packageRoot } from '../core/package-root.js';
import { writeWholeSync } from '../core/write-whole.js';
import schema from './results-schema.json' with { type: 'json' };

interface Validator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type ValidationOutcome = { ok: true } | { ok: false; errors: string[] };

const requireHere = createRequire(import.meta.url);
let validate: Validator | undefined;

/** Checks that `value` is a schema-valid GradeResult (schemaVersion 1). The validator is made on first use. */
export function validateResult(value: unknown): ValidationOutcome {
  validate ??= cachedValidator() ?? compileValidator().validate;
  if (validate(value)) return { ok: true };
  const errors = (validate.errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(root)' : e.instancePath;
    const extra =
      e.keyword === 'additionalProperties'
        ? `: ${String((e.params as { additionalProperty?: unknown }).additionalProperty)}`
        : e.keyword === 'enum' || e.keyword === 'const'
          ? `: ${JSON.stringify(e.params)}`
          : '';
    return `${where} ${e.message ?? 'is invalid'}${extra}`;
  });
  return { ok: false, errors: errors.length > 0 ? errors : ['value is not a valid GradeResult'] };
}

/** ajv, loaded now; the validator and its standalone code. */
function compileValidator(): { validate: Validator; code: () => string } {
  // ajv is CommonJS: the class is its `.default`.
  const Ajv = (requireHere('ajv') as typeof import('ajv')).default;
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true } });
  const compiled = ajv.compile(schema);
  const standalone = (requireHere('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js')).default;
  return { validate: compiled, code: () => standalone(ajv, compiled) };
}

/** The kept validator of this build, made and kept now if there is none; null from the sources or with GRADE_NO_CACHE. */
function cachedValidator(): Validator | null {
  if (!fileURLToPath(import.meta.url).endsWith('.js') || process.env['GRADE_NO_CACHE']) return null;
  const folder = join(packageRoot(), 'dist', '.cache');
  const file = join(folder, `results-validator-${createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16)}.cjs`);
  try {
    return requireHere(file) as Validator;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  const { validate: compiled, code } = compileValidator();
  try {
    writeWholeSync(file, code());
  } catch {
    // A cache that cannot be written is only slower.
  }
  return compiled;
}
