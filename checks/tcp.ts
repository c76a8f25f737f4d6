import { randomBytes } from 'node:crypto';
import type { CheckKind } from './check-kind.js';
import { firstLine } from './evidence.js';
import { NETNS_SCHEMA, placeOf } from './place.js';
import { connect, forgedHandshake } from './tcp-connect.js';
import { targetOf } from './resolve-name.js';
import { HOST_NAME_PATTERN } from './resolve-query.js';
import { fill, placeholders, shown, usesPort } from './token.js';
import { line, told } from './words/say.js';

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
  /** Connect from this network namespace the learner made in `node`. */
  netns?: string;
  /**
   * The node where grade itself starts the far end for this check only (a listener on `port` that
   * answers like the tcp-answer service, with a secret fresh for the check as {{token}}), instead of
   * a service that runs all the time. The learner's own `nc -l` can then use the port in between.
   */
  listener?: string;
  /** Start the listener in this network namespace the learner made in the listener node. */
  listenerNetns?: string;
  /** The source address the connection must carry on every link it crosses (no NAT on the way, not even undone). */
  sourceOnWire?: string;
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
      // An address, or a host name that `node`'s own resolver turns into one first.
      to: { type: 'string', anyOf: [{ pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' }, { pattern: HOST_NAME_PATTERN }] },
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      send: { type: 'string' },
      expect: { type: 'string' },
      connect: { type: 'boolean' },
      netns: NETNS_SCHEMA,
      listener: { type: 'string' },
      listenerNetns: NETNS_SCHEMA,
      sourceOnWire: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
    },
    // The listener runs as nobody, which may not take ports below 1024.
    if: { required: ['listener'] },
    then: { properties: { port: { minimum: 1024 } } },
  },
  nodesOf: (p) => (p.listener ? [p.node, p.listener] : [p.node]),
  confirmFailure: (p) => p.connect !== false,
  async run(p, { lab, token, holderOf }) {
    const wantConnect = p.connect ?? true;
    // A listener grade starts for this check answers with a secret of its own, fresh each time.
    const values = placeholders(p.listener ? randomBytes(8).toString('hex') : token);
    const send = p.send === undefined ? '' : fill(p.send, values);
    const srcPort = usesPort(p.send, p.expect) ? values.port : undefined;
    const node = placeOf(p.node, p.netns);
    const target = await targetOf(lab, node, p.to, holderOf);
    if (target.address === undefined) {
      const status = target.fault ? 'error' : wantConnect ? 'fail' : 'pass';
      return told(status, line(wantConnect ? 'tcp.expected-connects' : 'tcp.expected-no-connect', { node, endpoint: `${p.to}:${p.port}` }), target.why, [...target.evidence]);
    }
    const endpoint = `${p.to}:${p.port}${target.address === p.to ? '' : ` (${target.address})`}`;
    const listener = p.listener ? placeOf(p.listener, p.listenerNetns) : undefined;
    const far = listener ?? holderOf(target.address);
    const attempt = await connect(lab, {
      from: node, to: target.address, port: p.port, send, secret: values.token,
      ...(far ? { far } : {}), ...(listener ? { listener } : {}), ...(srcPort === undefined ? {} : { srcPort }),
      ...(p.sourceOnWire ? { sourceOnWire: p.sourceOnWire } : {}),
    });
    const { result, refused } = attempt;
    const evidence = [...target.evidence, ...attempt.evidence];
    const want = p.expect === undefined ? undefined : fill(p.expect, values);
    const shownWant = p.expect === undefined ? '' : shown(p.expect);
    const at = `${p.to}:${p.port}`;
    const expected = !wantConnect
      ? line('tcp.expected-no-connect', { node, endpoint: at })
      : want === undefined
        ? line('tcp.expected-connects', { node, endpoint: at })
        : line('tcp.expected-reply', { node, endpoint: at, want: shownWant });
    if (refused) return told(refused.status, expected, refused.line, evidence);
    const connected = result.exitCode === 0;
    if (!wantConnect) return told(connected ? 'fail' : 'pass', expected, line(connected ? 'tcp.accepted' : 'tcp.no-connection'), evidence);
    if (!connected) {
      const ncSaid = firstLine(result.stderr).replace(/^nc: /, '');
      const why = ncSaid || line(result.timedOut ? 'tcp.no-answer-in-time' : 'tcp.no-answer-2s');
      return told('fail', expected, line('tcp.failed', { endpoint, why }), evidence);
    }
    const forged = far ? forgedHandshake(attempt.syn, node, far, p.sourceOnWire) : undefined;
    if (forged) return told(forged.status, expected, forged.line, evidence);
    if (want === undefined || result.stdout.includes(want)) {
      return told('pass', expected, want === undefined ? line('tcp.connected') : line('tcp.reply-contains', { want: shownWant }), evidence);
    }
    const reply = firstLine(result.stdout);
    return told('fail', expected, reply ? line('tcp.reply-was', { reply: reply.slice(0, 120) }) : line('tcp.reply-empty'), evidence);
  },
};
