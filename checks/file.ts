import { randomBytes } from 'node:crypto';
import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { consumerPattern, firstMatch, readNodeFile, visible } from './file-content.js';

interface FileParams {
  node: string;
  /** An absolute path inside the node; links are followed inside the node. */
  path: string;
  /** A regular expression that at least one line of the file must match; \s is a space or a tab only. */
  matches: string;
}

export const fileCheck: CheckKind<FileParams> = {
  name: 'file',
  description: "a line of a file in a node's own filesystem matches a regular expression, \\s being a space or a tab as config parsers read them (read from outside the node)",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'path', 'matches'],
    properties: {
      node: { type: 'string' },
      path: { type: 'string', pattern: '^/[^*]*$' },
      matches: { type: 'string', minLength: 1 },
    },
  },
  nodesOf: (p) => [p.node],
  async run(p, { lab }) {
    const expected = `a line of ${p.path} on ${p.node} matches /${p.matches}/`;
    const pattern = consumerPattern(p.matches);
    const mark = `@@${randomBytes(6).toString('hex')}`;
    const result = await lab.probe('files', [p.node, p.path], { env: { GRADE_MARK: mark } });
    const evidence = [evidenceOf(p.node, `cat ${p.path}`, result)];
    if (result.exitCode !== 0) return { status: 'error', expected, observed: `could not read ${p.path}`, evidence };
    const file = readNodeFile(result.stdout, p.path, mark);
    if (file.state === 'missing') return { status: 'fail', expected, observed: `${p.node} has no file ${p.path}`, evidence };
    if (file.state !== 'ok') {
      const why = file.state === 'too-large' ? 'is larger than 64 KiB' : "is not readable by the node's root";
      return { status: 'fail', expected, observed: `${p.path} ${why}, so grade cannot judge it`, evidence };
    }
    const match = firstMatch(file.lines, pattern);
    // Only spaces and tabs are trimmed: a byte-order mark or a CR is what the program read, and is shown.
    if (match) return { status: 'pass', expected, observed: `line ${match.line}: ${visible(match.text.replace(/^[ \t]+|[ \t]+$/g, '').slice(0, 120))}`, evidence };
    // The observation is quoted on its own where a behaviour check names this one (because:).
    const observed = file.lines.every((l) => l.trim() === '') ? `${p.path} on ${p.node} is empty` : `no line of ${p.path} on ${p.node} matches`;
    return { status: 'fail', expected, observed, evidence };
  },
};
