import { describe, expect, test } from 'vitest';
import { engineError, FakeEngine } from '../test/support/fake-engine.js';
import { shippedExercise } from '../test/support/exercises.js';
import { LABEL } from './labels.js';
import { planLab } from './plan-lab.js';
import { provision } from './provision.js';
import { recreateLab, type LabCarry } from './recreate-lab.js';
import type { StartedLab, TrackedLab } from './started-lab.js';

const IMAGE = 'grade-lab:test';

async function keptLab(engine: FakeEngine, variant: string | null = null): Promise<StartedLab> {
  const exercise = shippedExercise('ex01-default-gateway', variant);
  return provision(engine, planLab(exercise, { image: IMAGE, keep: true, labId: 'ex01-old000', token: 'old' }));
}

/** A carry that records what it was asked, in order. */
function recordingCarry(log: string[]): LabCarry<string[]> {
  return {
    read: async (lab) => (log.push(`read ${lab.id}`), ['ip addr', 'ip route']),
    restore: async (lab, kept) => void log.push(`restore ${lab.id} ${kept.join(',')}`),
  };
}

describe('recreateLab', () => {
  test('a fresh kept lab of the same variant, with a new id and token, takes over what the carry keeps; the old one is removed', async () => {
    const engine = new FakeEngine([IMAGE]);
    const old = await keptLab(engine, 'alice');
    const log: string[] = [];
    const fresh = await recreateLab(engine, old, { carry: recordingCarry(log) });
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.plan.token).not.toBe('old');
    expect(fresh.plan.labels).toMatchObject({ [LABEL.keep]: 'true', [LABEL.variant]: 'alice', [LABEL.exercise]: 'ex01' });
    expect(log).toEqual(['read ex01-old000', `restore ${fresh.id} ip addr,ip route`]);
    expect([...engine.containers.values()].map((c) => c.labels[LABEL.lab])).toEqual([fresh.id]);
  });

  test('when the new lab cannot be built, the old one stays as it was', async () => {
    const engine = new FakeEngine([IMAGE]);
    const old = await keptLab(engine);
    engine.fail('startContainer', engineError(500));
    await expect(recreateLab(engine, old, { carry: recordingCarry([]) })).rejects.toThrow();
    expect([...engine.containers.values()].map((c) => c.labels[LABEL.lab])).toEqual(['ex01-old000']);
  });

  test('when the old lab cannot be read, the new one is removed and the old one stays', async () => {
    const engine = new FakeEngine([IMAGE]);
    const old = await keptLab(engine);
    const carry: LabCarry<string[]> = { read: async () => Promise.reject(new Error('unreadable')), restore: async () => undefined };
    await expect(recreateLab(engine, old, { carry })).rejects.toThrow('unreadable');
    expect([...engine.containers.values()].map((c) => c.labels[LABEL.lab])).toEqual(['ex01-old000']);
  });

  test('the new lab is told to the caller before it exists, so Ctrl-C can remove it', async () => {
    const engine = new FakeEngine([IMAGE]);
    const old = await keptLab(engine);
    const told: TrackedLab[] = [];
    const fresh = await recreateLab(engine, old, { onCreated: (l) => told.push(l) });
    expect(told.map((l) => l.id)).toEqual([fresh.id]);
  });
});
