import type { LabExec } from '../runner/lab-exec.js';
import type { CheckKind, CheckOutcome } from './check-kind.js';
import { describeLookup, resolveOn, unreadableFiles } from './resolve-name.js';
import type { Lookup, ResolveReport } from './resolve-output.js';
import { HOST_NAME_PATTERN, mixedCase } from './resolve-query.js';
import { line, told, type Line } from './words/say.js';

interface ResolveParams {
  node: string;
  name: string;
  /** The address the node's resolver must give first. */
  expect: string;
  /** The node whose DNS server must have been asked (its switch port must receive the query). */
  via?: string;
  /**
   * files: the answer must come from the node's hosts file, without asking any name server.
   * hosts-file: the node's hosts file alone, read by the resolver itself, pairs the name with `expect`.
   */
  source?: 'files' | 'hosts-file';
}

export const resolveCheck: CheckKind<ResolveParams> = {
  name: 'resolve',
  description: "a host name resolves to an address on a node, as its own programs see it (hosts file, resolv.conf, nsswitch.conf); via: the DNS server node that must answer, source: files (the hosts file answers first) or hosts-file (the hosts file alone names it, as glibc reads it)",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'name', 'expect'],
    not: { required: ['via', 'source'] },
    properties: {
      node: { type: 'string' },
      name: { type: 'string', pattern: HOST_NAME_PATTERN },
      expect: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
      via: { type: 'string' },
      source: { enum: ['files', 'hosts-file'] },
    },
  },
  nodesOf: (p) => (p.via ? [p.node, p.via] : [p.node]),
  confirmFailure: () => true,
  run: (p, { lab }) => resolveRun(p, lab),
};

async function resolveRun(p: ResolveParams, lab: LabExec): Promise<CheckOutcome> {
  const watched = p.via !== undefined || p.source === 'files';
  // A spelling of its own lets the capture tell this check's query from any other.
  const question = watched ? mixedCase(p.name) : p.name;
  const { report, evidence } = await resolveOn(lab, p.node, question, watched ? (p.via ? { far: p.via } : {}) : undefined);
  const expected = expectedOf(p);
  const out = (status: CheckOutcome['status'], observed: Line): CheckOutcome => told(status, expected, observed, [evidence]);
  const unreadable = report && unreadableFiles(report, p.node);
  if (unreadable) return out('fail', unreadable);
  if (!report?.system || !report.hostsFile) return out('error', line('resolve.could-not', { name: p.name, node: p.node }));
  const { system, hostsFile } = report;
  if (p.source === 'hosts-file') return fromHostsFile(p, hostsFile, out);
  if (system.addresses[0] !== p.expect) return out('fail', wrongAnswer(p, system, hostsFile, report.nameservers));
  if (!watched) return out('pass', line('resolve.resolves', { name: p.name, addresses: system.addresses.join(', ') }));
  const capture = report.capture;
  if (!capture || capture.sent < 0 || capture.into < 0) return out('error', line('resolve.unwatched'));
  return p.via === undefined ? fromFiles(p, hostsFile, capture, out) : fromServer(p, p.via, hostsFile, capture, out);
}

function expectedOf(p: ResolveParams): Line {
  const base = { name: p.name, address: p.expect, node: p.node };
  if (p.source === 'hosts-file') return line('resolve.expected-hosts-file', base);
  if (p.via) return line('resolve.expected-via', { ...base, via: p.via });
  return line(p.source === 'files' ? 'resolve.expected-files' : 'resolve.expected', base);
}

/** The node's programs get another address, or none: say where that comes from. */
function wrongAnswer(p: ResolveParams, system: Lookup, hostsFile: Lookup, nameservers: readonly string[]): Line {
  const said = describeLookup(p.name, p.node, system, nameservers);
  if (system.addresses.length === 0) return said;
  const file = hostsFile.addresses;
  if (file.length === 0) return line('resolve.wrong-no-entry', { said, address: p.expect, name: p.name });
  if (file[0] === p.expect) return line('resolve.wrong-other-source', { said, address: p.expect });
  return line('resolve.wrong-file', { said, address: p.expect, file: file.join(', ') });
}

type Out = (status: CheckOutcome['status'], observed: Line) => CheckOutcome;

type Capture = NonNullable<ResolveReport['capture']>;

/** glibc's own hosts-file parser decides (only space and tab separate; a lookalike is another name). */
function fromHostsFile(p: ResolveParams, hostsFile: Lookup, out: Out): CheckOutcome {
  const given = hostsFile.addresses;
  if (given.includes(p.expect)) return out('pass', line('resolve.hosts-gives', { node: p.node, addresses: given.join(', '), name: p.name }));
  if (given.length > 0) return out('fail', line('resolve.hosts-gives-other', { node: p.node, addresses: given.join(', '), name: p.name, address: p.expect }));
  return out('fail', line('resolve.hosts-no-entry', { node: p.node, name: p.name }));
}

function fromFiles(p: ResolveParams, hostsFile: Lookup, capture: Capture, out: Out): CheckOutcome {
  if (hostsFile.addresses[0] !== p.expect) {
    return out('fail', line('resolve.files-no-entry', { name: p.name, address: p.expect, node: p.node }));
  }
  if (capture.sent > 0) {
    const queries = capture.sent === 1 ? line('resolve.one-query') : line('resolve.queries', { count: capture.sent });
    return out('fail', line('resolve.files-asked', { name: p.name, address: p.expect, node: p.node, queries }));
  }
  return out('pass', line('resolve.files-pass', { name: p.name, address: p.expect, node: p.node }));
}

/**
 * The server itself must have answered, through the network: the query left the node and reached the
 * server's node, the server's answer (echoing this check's random spelling) left it and came back to
 * the node, and no program of the learner's held a socket that could answer in the server's place
 * (a resolver of their own, behind a DNAT or an address on lo, while a mirror sends the server a copy).
 */
function fromServer(p: ResolveParams, via: string, hostsFile: Lookup, { sent, into, answered, back, others }: Capture, out: Out): CheckOutcome {
  const said = { name: p.name, address: p.expect, via, node: p.node };
  if (others.length > 0) return out('fail', line('resolve.server-others', { ...said, sockets: others.map(describeSocket) }));
  if (sent > 0 && into > 0 && answered > 0 && back > 0) return out('pass', line('resolve.server-pass', said));
  if (sent > 0 && into > 0) {
    const missing = answered === 0 ? line('resolve.no-answer', { via }) : line('resolve.answer-not-back', { via, node: p.node });
    return out('fail', line('resolve.server-no-answer', { ...said, missing }));
  }
  const where = hostsFile.addresses.includes(p.expect) ? line('resolve.own-hosts', { node: p.node }) : line('resolve.local-resolver');
  const missing = sent === 0 ? line('resolve.none-left', { node: p.node }) : line('resolve.none-reached', { via });
  return out('fail', line('resolve.server-other', { ...said, where, missing }));
}

/** "a UDP socket on port 53 on host-a" from the probe's "host-a:udp:53" ("?": a namespace the learner made). */
export function describeSocket(socket: string): Line {
  const [node = '?', kind = '', port = ''] = socket.split(':');
  const where = node === '?' ? line('resolve.in-own-namespace') : line('resolve.on-node', { node });
  if (kind === 'udp') return line('resolve.socket-udp', { port, where });
  if (kind === 'tcp') return line('resolve.socket-tcp', { port, where });
  return line(kind === 'packet' ? 'resolve.socket-packet' : 'resolve.socket-raw', { where });
}
