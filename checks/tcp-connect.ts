import type { Evidence } from '../core/result.js';
import type { ExecResult, LabExec } from '../runner/lab-exec.js';
import { evidenceOf } from './evidence.js';
import { missingNetns } from './place.js';
import { line, type Line } from './words/say.js';

/** What the lab's switch saw of the connection's handshake (probe-conn): undefined when no switch lies between. */
export interface SynSeen {
  /** SYNs that left the client's node, that entered the far node, and how many of those were the client's own. */
  readonly sent: number;
  readonly into: number;
  readonly same: number;
  /** SYN-ACKs the far node sent for the client's own SYNs that reached the client: its answer came back. */
  readonly back: number;
  /** Learner nodes off both ends that held a raw or packet socket meanwhile, as "node:kind". */
  readonly relays: readonly string[];
}

export interface Attempt {
  readonly result: ExecResult;
  readonly evidence: Evidence[];
  readonly syn?: SynSeen;
  /** The check could not be made as asked (no such namespace, the listener's port taken). */
  readonly refused?: Refusal;
}

/** Why a connection proves nothing: the English observation, and the sentence it is. */
export interface Refusal {
  readonly status: 'fail' | 'error';
  readonly observed: string;
  readonly line: Line;
}

function refusal(status: Refusal['status'], said: Line): Refusal {
  return { status, observed: said.text, line: said };
}

export interface Connection {
  /** Where the client runs (node or node/netns), and the address and port it connects to. */
  readonly from: string;
  readonly to: string;
  readonly port: number;
  /** The node that must take the connection itself; undefined when the exercise does not say. */
  readonly far?: string;
  /** grade starts the far end itself there (probe-tcp) instead of relying on a lab service. */
  readonly listener?: string;
  readonly send: string;
  readonly srcPort?: number;
  /** The listener's answer: a secret fresh for this check. */
  readonly secret: string;
  /** Only SYNs with this source address count on the switch (probe-conn's GRADE_WIRE_SRC). */
  readonly sourceOnWire?: string;
}

/** nc from `from` to the far end: a service of the lab, or a listener grade starts for this check. */
export async function connect(lab: LabExec, c: Connection): Promise<Attempt> {
  const shownFrom = c.srcPort === undefined ? '' : `-p ${c.srcPort} `;
  if (!c.listener) {
    // -N closes our side after sending, so request/response services answer and the check ends.
    const script = `printf '%s' "$GRADE_SEND" | nc -v -n -N -w 2 ${shownFrom}${c.to} ${c.port}`;
    const env = { env: { GRADE_SEND: c.send, ...wire(c) }, timeoutMs: 6000 };
    const raw = c.far ? await lab.probe('conn', [c.from, c.far, 'bash', '-c', script], env) : await lab.exec(c.from, ['bash', '-c', script], env);
    const { result, syn } = withoutSynLine(raw);
    const missing = missingNetns(result.output);
    const evidence = [evidenceOf(c.from, `nc ${shownFrom}${c.to} ${c.port}${syn ? "   (and, on the lab's switch, a capture of its handshake)" : ''}`, result)];
    return { result, evidence, ...(syn ? { syn } : {}), ...(missing ? { refused: refusal('fail', missing) } : {}) };
  }
  const args = [c.listener, String(c.port), c.from, c.to, c.srcPort === undefined ? '' : String(c.srcPort)];
  const raw = await oneAtATime(lab, `${c.listener} ${c.port}`, () =>
    lab.probe('tcp', args, { env: { GRADE_SEND: c.send, GRADE_TOKEN: c.secret, ...wire(c) }, timeoutMs: 9000 }),
  );
  const failed = /^@@listen failed (.*)$/m.exec(raw.stdout)?.[1];
  const { result, syn } = withoutSynLine({ ...raw, stdout: raw.stdout.replace(/^@@listen ready\n/, ''), output: raw.output.replace(/^@@listen ready\n/m, '') });
  const evidence = [evidenceOf(c.from, `nc ${shownFrom}${c.to} ${c.port}   (grade listens on ${c.listener} port ${c.port} for this check)`, result)];
  if (failed === undefined) return { result, evidence, ...(syn ? { syn } : {}) };
  const missing = missingNetns(failed);
  if (missing) return { result, evidence, refused: refusal('fail', missing) };
  if (/Address already in use/.test(failed)) return { result, evidence, refused: refusal('fail', line('tcp.port-taken', { port: c.port, listener: c.listener })) };
  return { result, evidence, refused: refusal('error', line('tcp.listener-failed', { listener: c.listener, why: failed })) };
}

function wire(c: Connection): Record<string, string> {
  return c.sourceOnWire ? { GRADE_WIRE_SRC: c.sourceOnWire } : {};
}

/** Take probe-conn's "@@syn sent=N into=M same=K back=B relays=..." line out of the output the report shows. */
export function withoutSynLine(raw: ExecResult): { result: ExecResult; syn?: SynSeen } {
  const line = /^@@syn sent=(-?\d+) into=(-?\d+) same=(-?\d+) back=(-?\d+) relays=(\S*).*\n?/m;
  const seen = line.exec(raw.stdout);
  if (!seen) return { result: raw };
  const relays = seen[5]!.split(',').filter((r) => r !== '');
  const syn = { sent: Number(seen[1]), into: Number(seen[2]), same: Number(seen[3]), back: Number(seen[4]), relays };
  return { result: { ...raw, stdout: raw.stdout.replace(line, ''), output: raw.output.replace(line, '') }, syn };
}

/**
 * Why a connection that was answered still proves nothing, or undefined when the far end took part:
 * the SYN the client sent must be the one that entered the far node (NAT keeps its sequence number; a
 * relay or proxy in between opens a connection of its own).
 */
export function forgedHandshake(
  syn: SynSeen | undefined,
  from: string,
  far: string,
  sourceOnWire?: string,
): Refusal | undefined {
  if (syn === undefined) return undefined;
  if (syn.sent < 0) return refusal('error', line('tcp.unwatched'));
  if (sourceOnWire && syn.same === 0) return refusal('fail', line('tcp.rewritten', { far, source: sourceOnWire }));
  if (syn.into === 0) return refusal('fail', line('tcp.never-reached', { far, from }));
  if (syn.same === 0) return refusal('fail', line('tcp.other-connection', { far, from }));
  // The SYN-ACK carries the sequence number the far kernel chose: only its very answer, routed back, has it.
  if (syn.back === 0) return refusal('fail', line('tcp.no-syn-ack', { from, far }));
  const relay = syn.relays[0];
  if (relay) {
    const [node, kind] = relay.split(':');
    return refusal('fail', line('tcp.relay', { where: node === '?' ? line('reach.yours') : (node ?? ''), kind: kind ?? '' }));
  }
  return undefined;
}

/** The listener checks of one lab, by place and port: two on the same port would collide, so they take turns. */
const listenerTurns = new WeakMap<LabExec, Map<string, Promise<unknown>>>();

function oneAtATime<T>(lab: LabExec, key: string, work: () => Promise<T>): Promise<T> {
  const turns = listenerTurns.get(lab) ?? new Map<string, Promise<unknown>>();
  listenerTurns.set(lab, turns);
  const mine = (turns.get(key) ?? Promise.resolve()).then(work, work);
  turns.set(key, mine.catch(() => undefined));
  return mine;
}
