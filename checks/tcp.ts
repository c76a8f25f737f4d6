import type { CheckKind } from './check-kind.js';
import { evidenceOf, firstLine } from './evidence.js';
import { fill, placeholders, shown, usesPort } from './token.js';

interface TcpParams {
  node: string;
  to: string;
  port: number;
  /** Text to send after connecting. */
  send?: string;
  /** Text the reply must contain; {{token}} is the run's token. */
  expect?: string;
  /** false: the connection must fail. */
  connect?: boolean;
}

export const tcpCheck: CheckKind<TcpParams> = {
  name: 'tcp',
  description: 'connect from a node to address:port, optionally expecting a text (or the run token) in the reply',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'to', 'port'],
    properties: {
      node: { type: 'string' },
      to: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      send: { type: 'string' },
      expect: { type: 'string' },
      connect: { type: 'boolean' },
    },
  },
  nodesOf: (p) => [p.node],
  async run(p, { lab, token }) {
    const wantConnect = p.connect ?? true;
    const values = placeholders(token);
    const send = p.send === undefined ? '' : fill(p.send, values);
    const from = usesPort(p.send, p.expect) ? `-p ${values.port} ` : '';
    // -N closes our side after sending, so request/response services answer and the check ends.
    const script = `printf '%s' "$GRADE_SEND" | nc -v -n -N -w 2 ${from}${p.to} ${p.port}`;
    const result = await lab.exec(p.node, ['bash', '-c', script], { env: { GRADE_SEND: send }, timeoutMs: 5000 });
    const evidence = [evidenceOf(p.node, `nc ${from}${p.to} ${p.port}`, result)];
    const want = p.expect === undefined ? undefined : fill(p.expect, values);
    const shownWant = p.expect === undefined ? '' : shown(p.expect);
    const expected = !wantConnect
      ? `${p.node} cannot connect to ${p.to}:${p.port}`
      : want === undefined
        ? `${p.node} connects to ${p.to}:${p.port}`
        : `${p.node} connects to ${p.to}:${p.port} and the reply contains ${shownWant}`;
    const connected = result.exitCode === 0;
    if (!wantConnect) {
      return { status: connected ? 'fail' : 'pass', expected, observed: connected ? 'the connection was accepted' : 'no connection', evidence };
    }
    if (!connected) {
      const why = firstLine(result.stderr).replace(/^nc: /, '') || (result.timedOut ? 'no answer in time' : 'no answer within 2 s');
      return { status: 'fail', expected, observed: `the connection to ${p.to}:${p.port} failed: ${why}`, evidence };
    }
    if (want === undefined || result.stdout.includes(want)) {
      return { status: 'pass', expected, observed: want === undefined ? 'connected' : `the reply contains ${shownWant}`, evidence };
    }
    const reply = firstLine(result.stdout);
    return { status: 'fail', expected, observed: reply ? `the reply was "${reply.slice(0, 120)}"` : 'connected, but the reply was empty', evidence };
  },
};
