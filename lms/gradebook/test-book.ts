// Test helper: gradebooks built from the GradeResult fixtures in reports/fixtures/, with learners,
// commands and timings changed in code, so each gradebook reporter is tested from the same data.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import type { CommandRecord, GradeResult } from '../../core/result.js';
import { loadFixture, type FixtureName } from '../../reports/fixtures/load-fixture.js';

/** The exercise a gradebook lists for a result's exercise, from the result's own checks. */
export function exerciseFrom(result: GradeResult): GradebookExercise {
  return {
    id: result.exercise.id,
    title: result.exercise.title,
    possible: result.score.possible,
    checks: result.checks.map((c) => ({ id: c.id, title: c.title, points: c.points, ...(c.hint ? { hint: c.hint } : {}) })),
  };
}

export function commands(lines: readonly string[]): CommandRecord[] {
  return lines.map((text, index) => ({
    index, line: index + 1, endLine: index + 1, text, status: 'ok', exitCode: 0, output: '', truncated: false, durationMs: 5,
  }));
}

/** A fixture graded for `learner`, optionally with other commands per node and another duration. */
export function resultFor(fixture: FixtureName, learner: string, options: { nodes?: Record<string, readonly string[]>; durationMs?: number } = {}): GradeResult {
  const base = loadFixture(fixture);
  return {
    ...base,
    submission: { ...base.submission, label: learner },
    durationMs: options.durationMs ?? base.durationMs,
    nodes: base.nodes.map((n) => (options.nodes?.[n.name] ? { ...n, commands: commands(options.nodes[n.name]!) } : n)),
  };
}

export function entry(learner: string, result: GradeResult | null, extra: Partial<BatchEntry> = {}): BatchEntry {
  return {
    learner,
    displayName: null,
    exercise: result?.exercise.id ?? 'ex01',
    source: `submissions/${learner}`,
    variant: null,
    result,
    invalid: result === null ? 'x.sh is for a node "x" this exercise does not have; name files after its nodes: host-a.sh, host-b.sh.' : null,
    ...extra,
  };
}

const COPIED = [
  'ip route add 192.168.2.0/24 via 192.168.1.1 dev eth0 metric 50',
  'ip route add 203.0.113.0/24 via 192.168.1.1 dev eth0 metric 50',
  'ip route add 10.9.0.0/16 via 192.168.1.1 # the lab notes said so',
  'ip link set eth0 mtu 1400',
];

/** ex01 with one learner per outcome, two learners who handed in the same unusual commands, and tiny ones. */
export function sampleBook(): Gradebook {
  const pass = loadFixture('ex01-pass');
  const entries: BatchEntry[] = [
    entry('alice', resultFor('ex01-pass', 'alice', { durationMs: 9000 }), { displayName: 'Alice Martin' }),
    entry('bob', resultFor('ex01-fail', 'bob', { durationMs: 41000 }), { displayName: 'Bob <b>Builder</b>' }),
    entry('carol', resultFor('ex01-error', 'carol')),
    entry('=cmd', null, { displayName: '@evil' }),
    entry('erin', resultFor('ex01-pass', 'erin', { nodes: { 'host-a': COPIED, 'host-b': ['ip route add default via 192.168.1.1', 'ip a', 'ping -c 3 203.0.113.80'] } })),
    entry('frank', resultFor('ex01-pass', 'frank', {
      nodes: { 'host-a': COPIED.map((l) => `sudo   ${l}`), 'host-b': ['sudo ip route add default via 192.168.1.1', 'cat /etc/hosts'] },
    })),
    entry('gina', resultFor('ex01-pass', 'gina', { nodes: { 'host-a': ['ip link set eth0 up'], 'host-b': [] } })),
    entry('hank', resultFor('ex01-pass', 'hank', { nodes: { 'host-a': ['ip link set eth0 up'], 'host-b': [] } })),
  ].sort((a, b) => a.learner.localeCompare(b.learner));
  return { exercises: [exerciseFrom(pass)], entries };
}

/** The reference solution's lines for ex01, as the caller passes them in. */
export const EX01_BASE_LINES = [
  '# The lesson\'s way: one route per remote network, each through the router\'s LAN address.',
  'ip route add 192.168.2.0/24 via 192.168.1.1',
  'ip route add 203.0.113.0/24 via 192.168.1.1',
  'ip route add default via 192.168.1.1',
];
