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
  const seen = probeLine(result.stdout);
  const { sent, into } = seen;
  if (sent < 0 || into < 0 || seen.back < 0) return { status: 'error', expected, observed: 'could not watch the lab\'s links for the echo requests', evidence };
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
  const wrong = wrongAnswer(path, seen, inNode);
  if (wrong) return { status: 'fail', expected, observed: `${from} got ${received} replies, but ${wrong}`, evidence };
  const observed = `${received} of the echo requests were answered: ${far} received ${into} of them, and its own reply came back to ${from}${insideNote(from, far)}`;
  if (!hiddenFrom) return { status: 'pass', expected, observed, evidence };
  const tunnelled = `${expected}, crossing ${hiddenFrom} only inside a tunnel`;
  const inClear = Number(/^@@probe .* watch=(\d+)/m.exec(result.stdout)?.[1] ?? '-1');
  if (inClear < 0) return { status: 'error', expected: tunnelled, observed: `could not watch ${hiddenFrom}'s links`, evidence };
  if (inClear > 0) {
    return { status: 'fail', expected: tunnelled, observed: `${observed}, but ${inClear} crossed ${hiddenFrom} as plain echo requests: routed, not tunnelled`, evidence };
  }
  return { status: 'pass', expected: tunnelled, observed: `${observed}; ${hiddenFrom} saw none of them in clear`, evidence };
}

/** probe-ping's "@@probe" line: requests out of the sender and into the far end, the far end's replies and those back at the sender. */
export interface ProbeLine {
  readonly sent: number;
  readonly into: number;
  readonly answered: number;
  readonly back: number;
  /** Learner nodes off both ends holding a raw or packet socket during the probe, as "node:kind". */
  readonly relays: readonly string[];
}

export function probeLine(stdout: string): ProbeLine {
  const line = /^@@probe sent=(-?\d+) into=(-?\d+) answered=(-?\d+) back=(-?\d+) relays=(\S*)/m.exec(stdout);
  if (!line) return { sent: -1, into: -1, answered: -1, back: -1, relays: [] };
  const [sent, into, answered, back] = [1, 2, 3, 4].map((i) => Number(line[i]));
  return { sent: sent!, into: into!, answered: answered!, back: back!, relays: line[5]!.split(',').filter((r) => r !== '') };
}

/**
 * Why replies that came prove nothing, or undefined: the far end's kernel must have answered (a reply
 * with its own IP ID and sequence left it) and that very reply must have reached the sender. A copy of
 * the request mirrored to the far end, while something nearer answers, fails the first or the second.
 * No learner node on the way may hold a raw or packet socket: by hand it can copy every field we match.
 */
export function wrongAnswer(path: Pick<Path, 'from' | 'far'>, seen: ProbeLine, inNode: boolean): string | undefined {
  const { from, far } = path;
  if (seen.answered === 0) {
    return `${far} sent no reply of its own to the ${seen.into} requests it got: something else answered in its place (an address on ${from} itself, or a router, while a copy of each request went on to ${far})`;
  }
  if (seen.back === 0) {
    return `none of the ${seen.answered} replies ${far} sent reached ${from}${inNode ? '' : ' through the switch'}: what ${from} got was made elsewhere (a router answering in ${far}'s place?)`;
  }
  const relay = seen.relays[0];
  if (relay) {
    const [node, kind] = relay.split(':');
    const where = node === '?' ? 'a network namespace of yours' : node;
    return `${where} held a ${kind} socket during the check: a program there reads and writes whole packets behind the kernel's back (a relay, a responder, or a tcpdump left running), so grade cannot tell its packets from forwarding. Stop it and check again`;
  }
  return undefined;
}

/** What the proof cannot see where an end is a namespace of the learner's: captures run inside it, not on the switch. */
function insideNote(from: string, far: string): string {
  const inside = [from, far].filter((p) => p.includes('/'));
  if (inside.length === 0) return '';
  return ` (watched inside ${inside.join(' and ')}, which ${inside.length > 1 ? 'are' : 'is'} yours: grade saw the packets there, not the way they took in between)`;
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
