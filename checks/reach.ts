import type { LabExec } from '../runner/lab-exec.js';
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

async function reachThrough(p: ReachParams, far: string, lab: LabExec): Promise<CheckOutcome> {
  const result = await lab.probe('ping', [p.node, far, p.to], { timeoutMs: 8000 });
  const evidence = [evidenceOf(p.node, `ping -c 1 -w 3 ${p.to}   (and, on the lab's switch, a capture of these echo requests)`, result)];
  const expected = `${p.node} gets replies from ${p.to}, and its echo requests reach ${far} over the lab's links`;
  if (result.timedOut || result.exitCode === null) return { status: 'error', expected, observed: 'ping did not finish in time', evidence };
  const seen = /^@@probe sent=(-?\d+) into=(-?\d+)/m.exec(result.stdout);
  const sent = Number(seen?.[1] ?? '-1');
  const into = Number(seen?.[2] ?? '-1');
  if (sent < 0 || into < 0) return { status: 'error', expected, observed: 'could not watch the lab\'s links for the echo requests', evidence };
  const received = receivedOf(result.output);
  if (received === 0) return { status: 'fail', expected, observed: explainNoReply(p.node, p.to, result.output), evidence };
  const forged = (what: string) => ({
    status: 'fail' as const,
    expected,
    observed: `${p.node} got ${received} replies, but ${what}: something answered for ${p.to} that is not ${far} (an address on ${p.node} itself, or a relay?)`,
    evidence,
  });
  if (sent === 0) return forged(`none of its echo requests left ${p.node}`);
  if (into === 0) return forged(`none of its echo requests reached ${far}`);
  return { status: 'pass', expected, observed: `${received} of the echo requests were answered, and ${far} received ${into} of them`, evidence };
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
