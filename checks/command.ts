import type { CheckKind } from './check-kind.js';
import { evidenceOf, firstLine } from './evidence.js';
import { line, told } from './words/say.js';
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
    const asked = { run: p.run, node: p.node };
    const expected =
      p.exitCode === undefined
        ? line('command.expected-output', { ...asked, pattern: p.output ?? '' })
        : p.output === undefined
          ? line('command.expected-exit', { ...asked, code: p.exitCode })
          : line('command.expected-both', { ...asked, code: p.exitCode, pattern: p.output });
    if (result.timedOut) return told('fail', expected, line('command.timeout'), evidence);
    const codeOk = p.exitCode === undefined || result.exitCode === p.exitCode;
    const outputOk = pattern === undefined || pattern.test(result.output);
    const printed = firstLine(result.output).slice(0, 120);
    const code = result.exitCode ?? 'null';
    const observed = printed ? line('command.printed', { code, output: printed }) : line('command.printed-nothing', { code });
    return told(codeOk && outputOk ? 'pass' : 'fail', expected, observed, evidence);
  },
};
