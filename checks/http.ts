import type { CheckKind } from './check-kind.js';
import { evidenceOf, firstLine } from './evidence.js';
import { fill, placeholders, shown, usesPort } from './token.js';

interface HttpParams {
  node: string;
  url: string;
  /** Text the body must contain; {{token}} is the run's token. */
  expect: string;
}

export const httpCheck: CheckKind<HttpParams> = {
  name: 'http',
  description: 'fetch a URL from a node with curl and expect a text (or the run token) in the page',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'url', 'expect'],
    properties: {
      node: { type: 'string' },
      url: { type: 'string', pattern: '^http://\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?(/.*)?$' },
      expect: { type: 'string' },
    },
  },
  nodesOf: (p) => [p.node],
  async run(p, { lab, token }) {
    const values = placeholders(token);
    const url = fill(p.url, values);
    const from = usesPort(p.expect) ? ['--local-port', String(values.port)] : [];
    const args = ['curl', '-sS', '--noproxy', '*', '--connect-timeout', '2', '-m', '3', ...from, url];
    const result = await lab.exec(p.node, args, { timeoutMs: 6000 });
    const evidence = [evidenceOf(p.node, `curl ${from.join(' ')}${from.length ? ' ' : ''}${url}`, result)];
    const want = fill(p.expect, values);
    const shownWant = shown(p.expect);
    const expected = `${p.node} fetches ${p.url} and the page contains ${shownWant}`;
    if (result.exitCode !== 0) {
      const why = firstLine(result.stderr) || `curl exited with ${result.exitCode}`;
      return { status: 'fail', expected, observed: why.replace(/^curl: \(\d+\) /, ''), evidence };
    }
    if (result.stdout.includes(want)) return { status: 'pass', expected, observed: `the page contains ${shownWant}`, evidence };
    const body = firstLine(result.stdout);
    return { status: 'fail', expected, observed: body ? `the page was "${body.slice(0, 120)}"` : 'the page was empty', evidence };
  },
};
