import { randomBytes } from 'node:crypto';
import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { line, told } from './words/say.js';
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
    const expected = line('file.expected', { path: p.path, node: p.node, pattern: p.matches });
    const pattern = consumerPattern(p.matches);
    const mark = `@@${randomBytes(6).toString('hex')}`;
    const result = await lab.probe('files', [p.node, p.path], { env: { GRADE_MARK: mark } });
    const evidence = [evidenceOf(p.node, `cat ${p.path}`, result)];
    if (result.exitCode !== 0) return told('error', expected, line('file.unreadable', { path: p.path }), evidence);
    const file = readNodeFile(result.stdout, p.path, mark);
    if (file.state === 'missing') return told('fail', expected, line('file.missing', { node: p.node, path: p.path }), evidence);
    if (file.state !== 'ok') return told('fail', expected, line(file.state === 'too-large' ? 'file.too-large' : 'file.not-readable', { path: p.path }), evidence);
    const match = firstMatch(file.lines, pattern);
    // Only spaces and tabs are trimmed: a byte-order mark or a CR is what the program read, and is shown.
    if (match) return told('pass', expected, line('file.match', { line: match.line, text: visible(match.text.replace(/^[ \t]+|[ \t]+$/g, '').slice(0, 120)) }), evidence);
    // The observation is quoted on its own where a behaviour check names this one (because:).
    const observed = line(file.lines.every((l) => l.trim() === '') ? 'file.empty' : 'file.no-match', { path: p.path, node: p.node });
    return told('fail', expected, observed, evidence);
  },
};
