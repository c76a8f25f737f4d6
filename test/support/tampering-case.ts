import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createAjv, describeAjvErrors } from '../../core/ajv.js';
import type { Exercise } from '../../core/exercise.js';

/** Proof, in a node's command output, that a trick was really set up (a broken fixture forges nothing). */
export interface ArmedSign {
  readonly node: string;
  /** A regular expression (multiline) that some command's output on the node must match. */
  readonly output: string;
}

/** One forgery a determined learner tries: test/tampering/<name>/ with <node>.sh files and case.yaml. */
export interface TamperingCase {
  readonly name: string;
  readonly dir: string;
  readonly exercise: Exercise;
  readonly trick: string;
  /** Checks the trick tries to pass without doing the work: each must earn 0 points. */
  readonly targets: readonly string[];
  /** The folder must be refused as an invalid submission (files for nodes the lab runs). */
  readonly refused: boolean;
  /** Texts that must appear nowhere in the result (files the grader must not leak). */
  readonly reportMustNotContain: readonly string[];
  readonly armed: readonly ArmedSign[];
}

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['exercise', 'trick', 'targets'],
  properties: {
    exercise: { type: 'string', pattern: '^ex\\d{2,3}$' },
    trick: { type: 'string', minLength: 1 },
    targets: { type: 'array', minItems: 1, items: { type: 'string' } },
    refused: { type: 'boolean' },
    reportMustNotContain: { type: 'array', items: { type: 'string', minLength: 1 } },
    armed: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['node', 'output'],
        properties: { node: { type: 'string' }, output: { type: 'string', minLength: 1 } },
      },
    },
  },
};
const validate = createAjv().compile(schema);

interface CaseFile {
  exercise: string;
  trick: string;
  targets: string[];
  refused?: boolean;
  reportMustNotContain?: string[];
  armed?: ArmedSign[];
}

/** Every case under `root`, validated against the exercises it names; a bad case.yaml throws naming the file. */
export function loadTamperingCases(root: string, exercises: readonly Exercise[]): TamperingCase[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => loadCase(join(root, name), name, exercises));
}

function loadCase(dir: string, name: string, exercises: readonly Exercise[]): TamperingCase {
  const file = join(dir, 'case.yaml');
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}`);
  };
  const data: unknown = parse(readFileSync(file, 'utf8'));
  if (!validate(data)) {
    const { path, message } = describeAjvErrors(validate.errors ?? []);
    fail(`${path.join('.') || 'the file'} ${message}`);
  }
  const c = data as CaseFile;
  const exercise = exercises.find((e) => e.id === c.exercise) ?? fail(`no exercise ${c.exercise}`);
  const ids = new Set(exercise.checks.map((k) => k.id));
  for (const id of c.targets) if (!ids.has(id)) fail(`targets: "${id}" is not a check of ${exercise.id}`);
  const nodes = new Set(exercise.nodes.map((n) => n.name));
  for (const a of c.armed ?? []) {
    if (!nodes.has(a.node)) fail(`armed: "${a.node}" is not a node of ${exercise.id}`);
    new RegExp(a.output, 'm');
  }
  return {
    name,
    dir,
    exercise,
    trick: c.trick.trim(),
    targets: c.targets,
    refused: c.refused ?? false,
    reportMustNotContain: c.reportMustNotContain ?? [],
    armed: c.armed ?? [],
  };
}
