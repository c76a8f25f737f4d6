import { describe, expect, test } from 'vitest';
import { InfraError, causeChain, describeCauses, rootCause } from './errors.js';

describe('InfraError causes', () => {
  const root = Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), { code: 'ECONNREFUSED' });
  const middle = new Error('(HTTP code 500) server error', { cause: root });
  const top = new InfraError('Could not start container abc: no Docker engine answers.', { cause: middle });

  test('keeps the error it was made from as ES2022 cause, and finds the root', () => {
    expect(top.cause).toBe(middle);
    expect(causeChain(top)).toEqual([top, middle, root]);
    expect(rootCause(top)).toBe(root);
    expect(new InfraError('plain').cause).toBeUndefined();
    expect('cause' in new InfraError('plain')).toBe(false);
  });

  test('the debug text shows every link, root last with its code', () => {
    const text = describeCauses(top);
    expect(text.indexOf('InfraError: Could not start')).toBe(0);
    expect(text).toContain('caused by: Error: (HTTP code 500)');
    expect(text.trimEnd().endsWith('[code ECONNREFUSED]')).toBe(true);
  });

  test('a cause that is not an Error, or a loop, ends the chain', () => {
    expect(rootCause(new InfraError('x', { cause: 'a string' }))).toBe('a string');
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(causeChain(a)).toEqual([a, b]);
  });
});
