import type { LabExec } from '../runner/lab-exec.js';
import type { CheckKind, CheckOutcome } from './check-kind.js';
import { evidenceOf, firstLine } from './evidence.js';
import { missingNetns, NETNS_SCHEMA, placeOf } from './place.js';

interface ReachParams {
  node: string;
  to: string;
  /** false: the node must NOT reach the address. */
  expect?: boolean;
  /** The node that must receive the echo requests; by default the node the exercise gives `to`. */
  far?: string;
  /** Ping from this network namespace the learner made in `node` (`ip netns add`), not the node's own. */
  netns?: string;
  /** The requests must arrive in this namespace the learner made in the far node. */
  farNetns?: string;
  /**
   * A node the requests must pass only encapsulated (in a tunnel): none may cross its ports as a plain
   * ICMP packet for `to`. Proves an overlay: the router between two nodes never sees a pod address.
   */
  hiddenFrom?: string;
  /**
   * The source address the requests must carry on every link they cross (the sender's own: "no NAT
   * between pods"). NAT on the way, even undone again before the far end, then earns nothing.
   */
  sourceOnWire?: string;
}

/** One positive ping, as the probe is asked for it. */
interface Path {
  readonly from: string;
  readonly far: string;
  readonly to: string;
  readonly hiddenFrom?: string | undefined;
  readonly sourceOnWire?: string | undefined;
}

// Negative checks stay sub-second; positive ones go through the ping probe (3 requests, 0.2 s apart).
// (ping's -w deadline takes whole seconds only: a fraction makes it refuse to run at all.)
const NEGATIVE = ['-c', '2', '-i', '0.2', '-W', '0.4', '-w', '1'];

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
      netns: NETNS_SCHEMA,
      farNetns: NETNS_SCHEMA,
      hiddenFrom: { type: 'string' },
      sourceOnWire: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
    },
  },
  nodesOf: (p) => [p.node, ...(p.far ? [p.far] : []), ...(p.hiddenFrom ? [p.hiddenFrom] : [])],
  confirmFailure: (p) => p.expect !== false,
  async run(p, { lab, holderOf }) {
    const from = placeOf(p.node, p.netns);
    if (p.expect === false) {
      const args = ['ping', '-n', ...NEGATIVE, p.to];
      const result = await lab.exec(from, args, { timeoutMs: 4000 });
      const evidence = [evidenceOf(from, args.join(' '), result)];
      const expected = `${from} gets no reply from ${p.to}`;
      const missing = missingNetns(result.output);
      if (missing) return { status: 'fail', expected, observed: missing, evidence };
      if (result.timedOut || result.exitCode === null) return { status: 'error', expected, observed: 'ping did not finish in time', evidence };
      const received = receivedOf(result.output);
      if (received > 0) return { status: 'fail', expected, observed: `${received} of the echo requests were answered`, evidence };
      // No reply proves something only if ping really sent (or the kernel had no route at all).
      if (!/packets transmitted|Network is unreachable/.test(result.output)) {
        return { status: 'error', expected, observed: `ping did not run: ${firstLine(result.output) || `exit status ${result.exitCode}`}`, evidence };
      }
      return { status: 'pass', expected, observed: explainNoReply(from, p.to, result.output), evidence };
    }
    if (isLoopback(p.to)) return reachLoopback(from, p.to, lab);
    const farNode = p.far ?? holderOf(p.to);
    if (!farNode) {
      const expected = `${from} gets replies from ${p.to}`;
      return { status: 'error', expected, observed: `the exercise does not say which node holds ${p.to}: give this check a far: node`, evidence: [] };
    }
    return reachThrough({ from, far: placeOf(farNode, p.farNetns), to: p.to, hiddenFrom: p.hiddenFrom, sourceOnWire: p.sourceOnWire }, lab);
  },
};

async function reachThrough(path: Path, lab: LabExec): Promise<CheckOutcome> {
  const { from, far, to, hiddenFrom, sourceOnWire } = path;
  const env = sourceOnWire ? { env: { GRADE_WIRE_SRC: sourceOnWire } } : {};
  const result = await lab.probe('ping', [from, far, to, ...(hiddenFrom ? [hiddenFrom] : [])], { timeoutMs: 8000, ...env });
  const inNode = from.split('/')[0] === far.split('/')[0];
  const where = inNode ? 'inside the node' : "on the lab's switch";
  const evidence = [evidenceOf(from, `ping -c 1 -w 3 ${to}   (and, ${where}, a capture of these echo requests)`, result)];
  const expected = `${from} gets replies from ${to}, and its echo requests reach ${far}`;
  if (result.timedOut || result.exitCode === null) return { status: 'error', expected, observed: 'ping did not finish in time', evidence };
  const missing = missingNetns(result.output);
  if (missing) return { status: 'fail', expected, observed: missing, evidence };
  const seen = /^@@probe sent=(-?\d+) into=(-?\d+)/m.exec(result.stdout);
  const sent = Number(seen?.[1] ?? '-1');
  const into = Number(seen?.[2] ?? '-1');
  if (sent < 0 || into < 0) return { status: 'error', expected, observed: 'could not watch the lab\'s links for the echo requests', evidence };
  const received = receivedOf(result.output);
  if (received === 0) return { status: 'fail', expected, observed: explainNoReply(from, to, result.output), evidence };
  const forged = (what: string) => ({
    status: 'fail' as const,
    expected,
    observed: `${from} got ${received} replies, but ${what}: something answered for ${to} that is not ${far} (an address on ${from} itself, or a relay?)`,
    evidence,
  });
  if ((sent === 0 || into === 0) && sourceOnWire) {
    return { status: 'fail', expected: `${expected} from ${sourceOnWire}`, observed: `${from} got ${received} replies, but no echo request reached ${far} from ${sourceOnWire}: its source was rewritten on the way (NAT)`, evidence };
  }
  // Between nodes the switch sees what leaves the sender's node; inside one, what leaves the namespace.
  if (sent === 0) return forged(`none of its echo requests left ${inNode ? from : from.split('/')[0]}`);
  if (into === 0) return forged(`none of its echo requests reached ${far}`);
  const observed = `${received} of the echo requests were answered, and ${far} received ${into} of them`;
  if (!hiddenFrom) return { status: 'pass', expected, observed, evidence };
  const tunnelled = `${expected}, crossing ${hiddenFrom} only inside a tunnel`;
  const inClear = Number(/^@@probe .* watch=(\d+)/m.exec(result.stdout)?.[1] ?? '-1');
  if (inClear < 0) return { status: 'error', expected: tunnelled, observed: `could not watch ${hiddenFrom}'s links`, evidence };
  if (inClear > 0) {
    return { status: 'fail', expected: tunnelled, observed: `${observed}, but ${inClear} crossed ${hiddenFrom} as plain echo requests: routed, not tunnelled`, evidence };
  }
  return { status: 'pass', expected: tunnelled, observed: `${observed}; ${hiddenFrom} saw none of them in clear`, evidence };
}

/** 127.0.0.0/8 is the sender itself by definition: a plain ping shows whether its lo is up. */
async function reachLoopback(from: string, to: string, lab: LabExec): Promise<CheckOutcome> {
  const args = ['ping', '-n', '-c', '1', '-i', '0.2', '-w', '2', to];
  const result = await lab.exec(from, args, { timeoutMs: 4000 });
  const evidence = [evidenceOf(from, args.join(' '), result)];
  const expected = `${from} gets replies from its own loopback address ${to}`;
  const missing = missingNetns(result.output);
  if (missing) return { status: 'fail', expected, observed: missing, evidence };
  const received = receivedOf(result.output);
  if (received > 0) return { status: 'pass', expected, observed: `${received} of the echo requests were answered`, evidence };
  const down = /Network is unreachable|Cannot assign requested address/i.test(result.output);
  return { status: 'fail', expected, observed: down ? `the loopback interface lo of ${from} is down (Network is unreachable)` : `no reply from ${to}`, evidence };
}

function isLoopback(address: string): boolean {
  return address.startsWith('127.');
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
