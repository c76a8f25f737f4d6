import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createAjv } from '../../core/ajv.js';
import { classroomReporter, renderClassroomResult, type ClassroomPayload, type ClassroomRunnerResult } from './classroom.js';
import { resultFor, sampleBook } from './test-book.js';

// What classroom-resources/autograding-grading-reporter reads from each <RUNNER>_RESULTS variable, as
// autograding-command-grader and autograding-io-grader write it.
const RUNNER_RESULT_SCHEMA = {
  type: 'object',
  required: ['version', 'status', 'max_score', 'tests'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    status: { enum: ['pass', 'fail', 'error'] },
    max_score: { type: 'number', minimum: 0 },
    tests: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'status', 'score', 'message', 'test_code', 'filename', 'line_no', 'duration'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          status: { enum: ['pass', 'fail', 'error'] },
          score: { type: 'number', minimum: 0 },
          message: { type: 'string' },
          test_code: { type: 'string' },
          filename: { type: 'string' },
          line_no: { type: 'integer' },
          duration: { type: 'integer', minimum: 0 },
        },
      },
    },
  },
};
const PAYLOAD_SCHEMA = {
  type: 'object',
  required: ['runners', 'env'],
  additionalProperties: false,
  properties: {
    // The reporter's own check of the input (src/main.js: /^([a-zA-Z0-9]+,)*[a-zA-Z0-9]+$/); ours also start with a letter.
    runners: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(,[A-Za-z][A-Za-z0-9]*)*$' },
    env: { type: 'object', propertyNames: { pattern: '^[A-Z][A-Z0-9_]*_RESULTS$' }, additionalProperties: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' } },
  },
};

const ajv = createAjv();
const validPayload = ajv.compile(PAYLOAD_SCHEMA);
const validRunner = ajv.compile(RUNNER_RESULT_SCHEMA);

/** What the grading reporter does with the payload (src/main.js): split `runners` on blanks and commas, read and decode each `${RUNNER}_RESULTS`. */
function readAsReporter(payload: ClassroomPayload): { runner: string; results: ClassroomRunnerResult }[] {
  return payload.runners.split(/[\s,]/).filter(Boolean).map((runner) => {
    const encoded = payload.env[`${runner.trim().toUpperCase()}_RESULTS`];
    expect(encoded, runner).toBeDefined();
    return { runner, results: JSON.parse(Buffer.from(encoded!, 'base64').toString('utf8')) };
  });
}

/**
 * The reporter's verdict, replayed from its source (the package is not published to the npm registry,
 * so its dist/main.js cannot be a devDependency): src/notify-classroom.js skips runners whose
 * max_score is 0 and posts "Points total/max" only when max > 0; src/main.js fails the step with
 * "Some tests failed." when a runner's status is fail, else "Some tests errored." on error.
 */
function reporterVerdict(payload: ClassroomPayload): { points: string | null; failed: string | null } {
  const runners = readAsReporter(payload);
  let total = 0;
  let max = 0;
  for (const { results } of runners) {
    if (!results.max_score) continue;
    max += results.max_score;
    for (const t of results.tests) total += t.score;
  }
  const failed = runners.some((r) => r.results.status === 'fail') ? 'Some tests failed.' : runners.some((r) => r.results.status === 'error') ? 'Some tests errored.' : null;
  return { points: max ? `Points ${total}/${max}` : null, failed };
}

describe('classroom', () => {
  it.each(['ex01-pass', 'ex01-fail'] as const)('one valid runner per check, adding up to the score (%s)', (name) => {
    const result = resultFor(name, 'bob');
    const payload = JSON.parse(renderClassroomResult(result));
    expect(validPayload(payload), JSON.stringify(validPayload.errors)).toBe(true);
    const runners = readAsReporter(payload);
    expect(runners.map((r) => r.runner)).toEqual(result.checks.map((c) => c.id.replace(/-(.)/g, (_, ch: string) => ch.toUpperCase())));
    for (const { results } of runners) expect(validRunner(results), JSON.stringify(validRunner.errors)).toBe(true);
    // The reporter's "Points N/M": every test's score over every runner's max_score.
    expect(runners.reduce((sum, r) => sum + r.results.tests.reduce((s, t) => s + t.score, 0), 0)).toBe(result.score.earned);
    expect(runners.reduce((sum, r) => sum + r.results.max_score, 0)).toBe(result.score.possible);
    expect(runners.map((r) => r.results.status)).toEqual(result.checks.map((c) => c.status));
    expect(reporterVerdict(payload)).toEqual({ points: `Points ${result.score.earned}/${result.score.possible}`, failed: result.status === 'pass' ? null : 'Some tests failed.' });
  });

  it('a run in error posts no points and fails the step with a sentence that says to re-run it', () => {
    const result = resultFor('ex01-error', 'bob');
    expect(result.checks.some((c) => c.status === 'pass' && c.earned > 0)).toBe(true);
    const payload = JSON.parse(renderClassroomResult(result)) as ClassroomPayload;
    expect(validPayload(payload), JSON.stringify(validPayload.errors)).toBe(true);
    expect(reporterVerdict(payload)).toEqual({ points: null, failed: 'Some tests errored.' });
    const [rerun] = readAsReporter(payload);
    expect(validRunner(rerun!.results), JSON.stringify(validRunner.errors)).toBe(true);
    // The reporter prints `message` under an errored test: it is the re-run sentence.
    expect(rerun!.results.tests[0]!.message).toContain('re-run this job');
  });

  it('tells a failed check by what was observed and its hint, never the expected answer', () => {
    const result = resultFor('ex01-fail', 'bob');
    const runners = readAsReporter(JSON.parse(renderClassroomResult(result)));
    const gateway = runners.find((r) => r.runner === 'hostBDefaultRoute')!.results.tests[0]!;
    expect(gateway).toMatchObject({ name: "host-b's default gateway is the router", status: 'fail', score: 0 });
    expect(gateway.test_code).toContain('Observed: default via 192.168.1.254');
    expect(gateway.test_code).toContain('Hint: Look at `ip route` on host-b');
    const text = JSON.stringify(runners);
    for (const check of result.checks) expect(text).not.toContain(check.expected);
  });

  it('writes classroom/<learner>/<exercise>.json per entry; an invalid submission fails the whole exercise and says why', () => {
    const out = classroomReporter(sampleBook(), {});
    expect(out.files.map((f) => f.path)).toEqual(expect.arrayContaining(['classroom/alice/ex01.json', 'classroom/=cmd/ex01.json']));
    const invalid = readAsReporter(JSON.parse(out.files.find((f) => f.path === 'classroom/=cmd/ex01.json')!.content));
    expect(invalid).toHaveLength(1);
    expect(validRunner(invalid[0]!.results)).toBe(true);
    expect(invalid[0]!.results).toMatchObject({ status: 'fail', max_score: 10, tests: [{ score: 0, message: expect.stringContaining('x.sh is for a node "x"') }] });
    for (const file of out.files) expect(validPayload(JSON.parse(file.content))).toBe(true);
  });
});

describe('the example workflow (examples/github-classroom)', () => {
  const workflow = YAML.parse(readFileSync(new URL('../../examples/github-classroom/.github/workflows/classroom.yml', import.meta.url), 'utf8'));
  const steps: { name?: string; uses?: string; run?: string; with?: Record<string, string> }[] = workflow.jobs['run-autograding-tests'].steps;
  const run = (name: string) => steps.find((s) => s.name === name)!.run!;

  /** Runs the workflow's grade and hand-over steps with a stand-in for grade that prints `stdout` and exits `code`. */
  function runSteps(stdout: string, code: number, stderr = '') {
    const root = mkdtempSync(join(tmpdir(), 'classroom-'));
    mkdirSync(join(root, 'grade/bin'), { recursive: true });
    mkdirSync(join(root, 'submission'));
    // `grade list` is this tree's real CLI (the workflow reads the exercise's points from it); grading is the stand-in.
    const realBin = new URL('../../bin/grade.js', import.meta.url).pathname;
    writeFileSync(
      join(root, 'grade/bin/grade.js'),
      `if (process.argv[2] === 'list') { process.stdout.write(require('child_process').execFileSync(process.execPath, [${JSON.stringify(realBin)}, ...process.argv.slice(2)])); process.exit(0); }\n` +
        `process.stdout.write(${JSON.stringify(stdout)}); process.stderr.write(${JSON.stringify(stderr)}); process.exit(${code});`,
    );
    const env = { ...process.env, EXERCISE: 'ex01', GITHUB_ENV: join(root, 'env'), GITHUB_OUTPUT: join(root, 'output') };
    writeFileSync(env.GITHUB_ENV, '');
    writeFileSync(env.GITHUB_OUTPUT, '');
    const grade = spawnSync('bash', ['-e', '-c', run('Grade the submission')], { cwd: join(root, 'submission'), env, encoding: 'utf8' });
    const hand = grade.status === 0 ? spawnSync('bash', ['-e', '-c', run('Hand the results to the reporter')], { cwd: root, env, encoding: 'utf8' }) : null;
    const vars = Object.fromEntries(readFileSync(env.GITHUB_ENV, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const runners = /^runners=(.*)$/m.exec(readFileSync(env.GITHUB_OUTPUT, 'utf8'))?.[1];
    rmSync(root, { recursive: true, force: true });
    return { grade, hand, payload: { runners: runners ?? '', env: vars } };
  }

  it('grades the learner repository itself and feeds the payload to the grading reporter', () => {
    expect(run('Grade the submission')).toContain('"$EXERCISE" --submission . --format classroom');
    const reporter = steps.find((s) => s.uses?.startsWith('classroom-resources/autograding-grading-reporter@'))!;
    expect(reporter.with!.runners).toBe('${{ steps.results.outputs.runners }}');
    expect(steps.find((s) => s.name === 'Set up grade')!.run).toContain('npm run setup');
  });

  it('hands every runner result of a grading to the reporter through $GITHUB_ENV', () => {
    const result = resultFor('ex01-fail', 'bob');
    const { grade, hand, payload } = runSteps(renderClassroomResult(result), 1);
    expect(grade.status, grade.stderr).toBe(0);
    expect(hand?.status, hand?.stderr).toBe(0);
    expect(payload).toEqual(JSON.parse(renderClassroomResult(result)));
  });

  // Runs the real `grade list` (a Node process of its own): a generous budget on a loaded machine.
  it('turns a submission grade refuses (exit 2) into one failing test that says why; a machine fault fails the job', { timeout: 60_000 }, () => {
    const { payload } = runSteps('', 2, 'router.sh is for router, which the lab runs; submit files only for host-a.sh, host-b.sh.\n');
    expect(validPayload(payload)).toBe(true);
    const [only] = readAsReporter(payload);
    expect(validRunner(only!.results)).toBe(true);
    // ex01 is worth 12: derived from grade itself, never a number typed into the workflow.
    expect(only!.results).toMatchObject({ status: 'fail', max_score: 12, tests: [{ score: 0, message: expect.stringContaining('router.sh is for router') }] });
    const fault = runSteps('', 3, 'no engine');
    expect(fault.grade.status).toBe(3);
    expect(fault.grade.stdout).toContain("not the learner's fault");
  });
});
