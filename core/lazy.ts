// Start-up time: a learner runs grade again and again, so heavy libraries (yaml, ajv, handlebars) and
// compiled schemas are made on first use, not on import: `grade list` from the cache needs none of them.
import { createRequire } from 'node:module';

/** A value made once, on the first call. */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Load a CommonJS package synchronously, when first needed (ESM `import` would load it with the importer). */
export const requirePackage: (name: string) => unknown = createRequire(import.meta.url);
