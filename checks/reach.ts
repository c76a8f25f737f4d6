import type { CheckKind, CheckOutcome } from './check-kind.js';
import { evidenceOf } from './evidence.js';

interface ReachParams {
  node: string;
  to: string;
  /** false: the node must NOT reach the address. */
  expect?: boolean;
  /** The node that must receive the echo requests; by default the node the exercise gives `to`. */
  far?: string;
}

// Negative checks stay sub-second; positive ones go through the ping probe (3 requests, 0.2 s apart).
const NEGATIVE = ['-c', '2', '-i', '0.2', '-W', '0.4', '-w', '0.8'];

export const reachCheck: CheckKind<ReachParams> = {
  name: 'reach',
  description: 'ping from a node to an address; the far end must receive the requests itself; expect: false asserts it must not reach',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'to'],
    properties: {
      node: { type: 'string' },
      to: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
      expect: { type: 'boolean' },
      far: { type: 'string' },
    },
  },
  nodesOf: (p) => (p.far ? [p.node, p.far] : [p.node]),
  async run(p, { lab, holderOf }) {
    if (p.expect === false) {
      const args = ['ping', '-n', ...NEGATIVE, p.to];
      const result = await lab.exec(p.node, args, { timeoutMs: 4000 });
      const evidence = [evidenceOf(p.node, args.join(' '), result)];
      const expected = `${p.node} gets no reply from ${p.to}`;
      if (result.timedOut || result.exitCode === null) return { status: 'error', expected, observed: 'ping did not finish in time', evidence };
      const received = receivedOf(result.output);
      return received > 0
        ? { status: 'fail', expected, observed: `${received} of the echo requests were answered`, evidence }
        : { status: 'pass', expected, observed: explainNoReply(p.node, p.to, result.output), evidence };
    }
    const far = p.far ?? holderOf(p.to);
    if (!far) {
      const expected = `${p.node} gets replies from ${p.to}`;
      return { status: 'error', expected, observed: `the exercise does not say which node holds ${p.to}: give this check a far: node`, evidence: [] };
    }
    return reachThrough(p, far, lab);
  },
};

async function reachThrough(p: ReachParams, far: string, lab: Parameters<CheckKind<ReachParams>['run']>[1]['lab']): Promise<CheckOutcome> {
  const result = await lab.probe('ping', [p.node, far, p.to], { timeoutMs: 8000 });
  const evidence = [evidenceOf(p.node, `ping -c 1 -w 3 ${p.to}   (and, on ${far}, a capture of these echo requests)`, result)];
  const expected = `${p.node} gets replies from ${p.to}, and ${far} itself receives the echo requests`;
  if (result.timedOut || result.exitCode === null) return { status: 'error', expected, observed: 'ping did not finish in time', evidence };
  const seen = Number(/^@@probe seen=(-?\d+)/m.exec(result.stdout)?.[1] ?? '-1');
  if (seen < 0) return { status: 'error', expected, observed: `could not watch ${far} for the echo requests`, evidence };
  const received = receivedOf(result.output);
  if (received === 0) return { status: 'fail', expected, observed: explainNoReply(p.node, p.to, result.output), evidence };
  if (seen === 0) {
    return {
      status: 'fail',
      expected,
      observed: `${p.node} got ${received} replies, but none of its requests reached ${far}: something else answered for ${p.to} (an address on ${p.node} itself?)`,
      evidence,
    };
  }
  return { status: 'pass', expected, observed: `${received} of the echo requests were answered, and ${far} received ${seen}`, evidence };
}

function receivedOf(output: string): number {
  return Number(/(\d+) received/.exec(output)?.[1] ?? '0');
}

function explainNoReply(node: string, to: string, output: string): string {
  if (/Network is unreachable/i.test(output)) return `${node} has no route to ${to} (Network is unreachable)`;
  if (/Destination Host Unreachable/i.test(output)) return `nobody answered ARP for the next hop towards ${to} (Destination Host Unreachable)`;
  if (/Destination Net Unreachable/i.test(output)) return `a router on the way has no route to ${to} (Destination Net Unreachable)`;
  return `no reply from ${to}: the request or the reply got lost on the way`;
}
