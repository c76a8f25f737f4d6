import { describe, expect, test } from 'vitest';
import { engineError, FakeEngine } from '../test/support/fake-engine.js';
import { isTransient, withBackoff } from './engine-backoff.js';

const SPEC = { name: 'grade-ex01-aaaaaa', image: 'grade-lab:test', labels: {}, memoryBytes: 1, pidsLimit: 1 };

/** A sleep that only remembers how long it was asked to wait. */
function fakeSleep() {
  const slept: number[] = [];
  return { slept, sleep: async (ms: number) => void slept.push(ms) };
}

const errno = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('isTransient', () => {
  test.each([
    ['429 too many requests', engineError(429)],
    ['503 service unavailable', engineError(503)],
    ['a reset socket', errno('ECONNRESET')],
    ['too many open files', errno('EMFILE')],
    ['a 500 that says to try again', Object.assign(engineError(500), { json: { message: 'resource temporarily unavailable' } })],
  ])('%s is transient', (_, error) => expect(isTransient(error)).toBe(true));

  test.each([
    ['a 500 with an ordinary fault', engineError(500, 'OCI runtime create failed: invalid mount')],
    ['404 no such container', engineError(404)],
    ['409 name in use', engineError(409)],
    ['no engine at all', errno('ECONNREFUSED')],
    ['a plain error', new Error('too many cooks')],
  ])('%s is not', (_, error) => expect(isTransient(error)).toBe(false));
});

describe('withBackoff', () => {
  test('retries transient refusals after the given pauses, then returns the answer', async () => {
    const engine = new FakeEngine().fail('createContainer', engineError(503), 2);
    const { slept, sleep } = fakeSleep();
    const id = await withBackoff(() => engine.createContainer(SPEC), [10, 20, 40], sleep);
    expect(engine.containers.has(id)).toBe(true);
    expect(engine.methods()).toEqual(['createContainer', 'createContainer', 'createContainer']);
    expect(slept).toEqual([10, 20]);
  });

  test('a permanent error is thrown at once, unchanged', async () => {
    const refusal = engineError(500, 'OCI runtime create failed');
    const engine = new FakeEngine().fail('createContainer', refusal);
    const { slept, sleep } = fakeSleep();
    await expect(withBackoff(() => engine.createContainer(SPEC), [10, 20], sleep)).rejects.toBe(refusal);
    expect(engine.methods()).toEqual(['createContainer']);
    expect(slept).toEqual([]);
  });

  test('gives up after the last pause with the last error', async () => {
    const last = engineError(503, 'still busy');
    const engine = new FakeEngine().fail('startContainer', engineError(429), 2).fail('startContainer', last, 'always');
    const { slept, sleep } = fakeSleep();
    await expect(withBackoff(() => engine.startContainer('anything'), [1, 2, 3], sleep)).rejects.toBe(last);
    expect(engine.methods()).toHaveLength(4);
    expect(slept).toEqual([1, 2, 3]);
  });

  test('a permanent error after transient ones stops the retries', async () => {
    const refusal = engineError(404, 'No such image');
    const engine = new FakeEngine().fail('exec', engineError(503)).fail('exec', refusal);
    const { slept, sleep } = fakeSleep();
    await expect(withBackoff(() => engine.exec('c', ['true'], { timeoutMs: 1, maxOutputBytes: 1 }), [5, 5, 5], sleep)).rejects.toBe(refusal);
    expect(slept).toEqual([5]);
  });

  test('by default it pauses 100 ms, then longer each time, up to 4 s', async () => {
    const engine = new FakeEngine().fail('ping', engineError(503), 'always');
    const { slept, sleep } = fakeSleep();
    await expect(withBackoff(() => engine.ping(), undefined, sleep)).rejects.toMatchObject({ statusCode: 503 });
    expect(slept).toEqual([100, 250, 500, 1000, 2000, 4000]);
  });
});
