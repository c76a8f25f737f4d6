import type { CheckKind } from './check-kind.js';
import { evidenceOf, firstLine } from './evidence.js';
import { withToken } from './token.js';

interface CommandParams {
  node: string;
  run: string;
  exitCode?: number;
  /** A regular expression the output must match; {{token}} is the run's token. */
  output?: string;
}

export const commandCheck: CheckKind<CommandParams> = {
  name: 'command',
  description: "an instructor's escape hatch: run a shell command on a node, expect an exit status and/or an output pattern",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'run'],
    anyOf: [{ required: ['exitCode'] }, { required: ['output'] }],
    properties: {
      node: { type: 'string' },
      run: { type: 'string', minLength: 1 },
      exitCode: { type: 'integer' },
      output: { type: 'string' },
    },
  },
  nodesOf: (p) => [p.node],
  async run(p, { lab, token }) {
    const result = await lab.exec(p.node, ['bash', '-c', p.run], { timeoutMs: 10_000 });
    const evidence = [evidenceOf(p.node, p.run, result)];
    const pattern = p.output === undefined ? undefined : new RegExp(withToken(p.output, token), 'm');
    const parts = [p.exitCode === undefined ? '' : `exits with ${p.exitCode}`, p.output === undefined ? '' : `prints output matching /${p.output}/`];
    const expected = `\`${p.run}\` on ${p.node} ${parts.filter(Boolean).join(' and ')}`;
    if (result.timedOut) return { status: 'fail', expected, observed: 'the command did not finish in time', evidence };
    const codeOk = p.exitCode === undefined || result.exitCode === p.exitCode;
    const outputOk = pattern === undefined || pattern.test(result.output);
    const observed = `it exited with ${result.exitCode}${firstLine(result.output) ? ` and printed "${firstLine(result.output).slice(0, 120)}"` : ' and printed nothing'}`;
    return { status: codeOk && outputOk ? 'pass' : 'fail', expected, observed, evidence };
  },
};
