import type { Engine } from './engine.js';

/** An Engine that reports every call and how long it took: the operator's view behind GRADE_DEBUG=1. */
export function loggingEngine(inner: Engine, log: (line: string) => void): Engine {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const started = Date.now();
        const what = `${String(property)}(${args.map(describe).join(', ')})`;
        try {
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          log(`engine ${what} ${Date.now() - started} ms`);
          return result;
        } catch (error) {
          log(`engine ${what} failed after ${Date.now() - started} ms: ${(error as Error).message}`);
          throw error;
        }
      };
    },
  });
}

function describe(arg: unknown): string {
  if (typeof arg === 'string') return arg.length > 24 ? `${arg.slice(0, 12)}…` : arg;
  if (Array.isArray(arg)) return `[${arg.slice(-3).map((a) => describe(a)).join(' ')}]`;
  if (arg && typeof arg === 'object' && 'name' in arg) return String((arg as { name: unknown }).name);
  return typeof arg === 'object' ? '{…}' : String(arg);
}
