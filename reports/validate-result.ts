// Validates a value against reports/results-schema.json (the JSON form of core/result.ts GradeResult).
// The schema is imported through TS so tsc copies it into dist/ beside the compiled module.

import AjvModule from 'ajv';
import schema from './results-schema.json' with { type: 'json' };

// ajv is CommonJS: under NodeNext the default import is module.exports, and the class is its
// `.default` (ajv sets module.exports.default = Ajv, so this also holds where interop unwraps it).
const Ajv = AjvModule.default;

const ajv = new Ajv({ allErrors: true, strict: true });
// Compiled on first use: commands that never write a result (reset, shell) do not pay for it.
let validate: ReturnType<typeof ajv.compile> | undefined;

export type ValidationOutcome = { ok: true } | { ok: false; errors: string[] };

/** Checks that `value` is a schema-valid GradeResult (schemaVersion 1). Compiled once, at import. */
export function validateResult(value: unknown): ValidationOutcome {
  validate ??= ajv.compile(schema);
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
