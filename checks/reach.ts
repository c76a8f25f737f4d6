import type { LabExec } from '../runner/lab-exec.js';
import type { CheckKind, CheckOutcome } from './check-kind.js';
import { evidenceOf, firstLine } from './evidence.js';
import { missingNetns, NETNS_SCHEMA, placeOf } from './place.js';
import { andList, line, told, type Line } from './words/say.js';

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
      const expected = line('reach.expected-none', { from, to: p.to });
      const missing = missingNetns(result.output);
      if (missing) return told('fail', expected, missing, evidence);
      if (result.timedOut || result.exitCode === null) return told('error', expected, line('reach.ping-timeout'), evidence);
      const received = receivedOf(result.output);
      if (received > 0) return told('fail', expected, line('reach.answered', { count: received }), evidence);
      // No reply proves something only if ping really sent (or the kernel had no route at all).
      if (!/packets transmitted|Network is unreachable/.test(result.output)) {
        return told('error', expected, line('reach.ping-did-not-run', { why: firstLine(result.output) || line('reach.exit-status', { code: result.exitCode }) }), evidence);
      }
      return told('pass', expected, explainNoReply(from, p.to, result.output), evidence);
    }
    if (isLoopback(p.to)) return reachLoopback(from, p.to, lab);
    const farNode = p.far ?? holderOf(p.to);
    if (!farNode) {
      return told('error', line('reach.expected-replies', { from, to: p.to }), line('reach.no-far', { to: p.to }), []);
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
  const expected = line('reach.expected', { from, to, far });
  if (result.timedOut || result.exitCode === null) return told('error', expected, line('reach.ping-timeout'), evidence);
  const missing = missingNetns(result.output);
  if (missing) return told('fail', expected, missing, evidence);
  const seen = probeLine(result.stdout);
  const { sent, into } = seen;
  if (sent < 0 || into < 0 || seen.back < 0) return told('error', expected, line('reach.unwatched'), evidence);
  const received = receivedOf(result.output);
  if (received === 0) return told('fail', expected, explainNoReply(from, to, result.output), evidence);
  const forged = (what: Line) => told('fail', expected, line('reach.forged', { from, count: received, what, to, far }), evidence);
  if ((sent === 0 || into === 0) && sourceOnWire) {
    const fromSource = line('reach.expected-source', { expected, source: sourceOnWire });
    return told('fail', fromSource, line('reach.rewritten', { from, count: received, far, source: sourceOnWire }), evidence);
  }
  // Between nodes the switch sees what leaves the sender's node; inside one, what leaves the namespace.
  if (sent === 0) return forged(line('reach.none-left', { node: inNode ? from : from.split('/')[0]! }));
  if (into === 0) return forged(line('reach.none-reached', { far }));
  const wrong = wrongAnswerLine(path, seen, inNode);
  if (wrong) return told('fail', expected, line('reach.wrong', { from, count: received, wrong }), evidence);
  const observed = insideNote(from, far, line('reach.proven', { count: received, far, into, from }));
  if (!hiddenFrom) return told('pass', expected, observed, evidence);
  const tunnelled = line('reach.expected-tunnel', { expected, hidden: hiddenFrom });
  const inClear = Number(/^@@probe .* watch=(\d+)/m.exec(result.stdout)?.[1] ?? '-1');
  if (inClear < 0) return told('error', tunnelled, line('reach.hidden-unwatched', { hidden: hiddenFrom }), evidence);
  if (inClear > 0) return told('fail', tunnelled, line('reach.in-clear', { proven: observed, count: inClear, hidden: hiddenFrom }), evidence);
  return told('pass', tunnelled, line('reach.tunnelled', { proven: observed, hidden: hiddenFrom }), evidence);
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
  return wrongAnswerLine(path, seen, inNode)?.text;
}

/** wrongAnswer as a catalogue sentence. */
export function wrongAnswerLine(path: Pick<Path, 'from' | 'far'>, seen: ProbeLine, inNode: boolean): Line | undefined {
  const { from, far } = path;
  if (seen.answered === 0) return line('reach.no-own-reply', { far, into: seen.into, from });
  if (seen.back === 0) return line(inNode ? 'reach.replies-lost' : 'reach.replies-lost-switch', { answered: seen.answered, far, from });
  const relay = seen.relays[0];
  if (relay) {
    const [node, kind] = relay.split(':');
    return line('reach.relay', { where: node === '?' ? line('reach.yours') : (node ?? ''), kind: kind ?? '' });
  }
  return undefined;
}

/** What the proof cannot see where an end is a namespace of the learner's: captures run inside it, not on the switch. */
function insideNote(from: string, far: string, proven: Line): Line {
  const inside = [from, far].filter((p) => p.includes('/'));
  if (inside.length === 0) return proven;
  return line(inside.length > 1 ? 'reach.proven-inside-many' : 'reach.proven-inside-one', { proven, places: andList(inside) });
}

/** 127.0.0.0/8 is the sender itself by definition: a plain ping shows whether its lo is up. */
async function reachLoopback(from: string, to: string, lab: LabExec): Promise<CheckOutcome> {
  const args = ['ping', '-n', '-c', '1', '-i', '0.2', '-w', '2', to];
  const result = await lab.exec(from, args, { timeoutMs: 4000 });
  const evidence = [evidenceOf(from, args.join(' '), result)];
  const expected = line('reach.expected-loopback', { from, to });
  const missing = missingNetns(result.output);
  if (missing) return told('fail', expected, missing, evidence);
  const received = receivedOf(result.output);
  if (received > 0) return told('pass', expected, line('reach.answered', { count: received }), evidence);
  const down = /Network is unreachable|Cannot assign requested address/i.test(result.output);
  return told('fail', expected, down ? line('reach.lo-down', { from }) : line('reach.no-reply-from', { to }), evidence);
}

function isLoopback(address: string): boolean {
  return address.startsWith('127.');
}

function receivedOf(output: string): number {
  return Number(/(\d+) received/.exec(output)?.[1] ?? '0');
}

function explainNoReply(node: string, to: string, output: string): Line {
  if (/Network is unreachable/i.test(output)) return line('reach.network-unreachable', { node, to });
  if (/Destination Host Unreachable/i.test(output)) return line('reach.host-unreachable', { to });
  if (/Destination Net Unreachable/i.test(output)) return line('reach.net-unreachable', { to });
  return line('reach.lost', { to });
}
