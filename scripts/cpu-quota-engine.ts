import { execFileSync } from 'node:child_process';
import type { Engine } from '../runner/engine.js';

/**
 * The engine, except that every lab container it creates is held to `share` of one core (0.05: 5 %)
 * before it starts: a slow machine, for the tests and benchmarks that prove verdicts do not depend on speed.
 */
export function cpuQuotaEngine(inner: Engine, share: number): Engine {
  const period = 100_000;
  const quota = Math.max(1000, Math.round(period * share));
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'createContainer') {
        return async (...args: Parameters<Engine['createContainer']>) => {
          const id = await target.createContainer(...args);
          execFileSync('docker', ['update', '--cpu-period', String(period), '--cpu-quota', String(quota), id], { stdio: 'ignore' });
          return id;
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
