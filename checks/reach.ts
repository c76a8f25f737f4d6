import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';

interface ReachParams {
  node: string;
  to: string;
  /** false: the node must NOT reach the address. */
  expect?: boolean;
}

// Positive checks allow a little time for ARP and a slow first packet; negative checks stay sub-second.
const POSITIVE = ['-c', '3', '-i', '0.2', '-W', '1', '-w', '3'];
const NEGATIVE = ['-c', '2', '-i', '0.2', '-W', '0.4', '-w', '0.8'];

export const reachCheck: CheckKind<ReachParams> = {
  name: 'reach',
  description: 'ping from a node to an address; expect: false asserts it must not reach',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'to'],
    properties: {
      node: { type: 'string' },
      to: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
      expect: { type: 'boolean' },
    },
  },
  nodesOf: (p) => [p.node],
  async run(p, { lab }) {
    const wantReach = p.expect ?? true;
    const args = ['ping', '-n', ...(wantReach ? POSITIVE : NEGATIVE), p.to];
    const result = await lab.exec(p.node, args, { timeoutMs: 6000 });
    const evidence = [evidenceOf(p.node, args.join(' '), result)];
    const expected = wantReach ? `${p.node} gets replies from ${p.to}` : `${p.node} gets no reply from ${p.to}`;
    if (result.timedOut || result.exitCode === null) {
      return { status: 'error', expected, observed: 'ping did not finish in time', evidence };
    }
    const received = Number(/(\d+) received/.exec(result.output)?.[1] ?? '0');
    const reached = received > 0;
    const observed = reached ? `${received} of the echo requests were answered` : explainNoReply(p.node, p.to, result.output);
    return { status: reached === wantReach ? 'pass' : 'fail', expected, observed, evidence };
  },
};

function explainNoReply(node: string, to: string, output: string): string {
  if (/Network is unreachable/i.test(output)) return `${node} has no route to ${to} (Network is unreachable)`;
  if (/Destination Host Unreachable/i.test(output)) return `nobody answered ARP for the next hop towards ${to} (Destination Host Unreachable)`;
  if (/Destination Net Unreachable/i.test(output)) return `a router on the way has no route to ${to} (Destination Net Unreachable)`;
  return `no reply from ${to}: the request or the reply got lost on the way`;
}
