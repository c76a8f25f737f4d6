import type { LabExec } from '../runner/lab-exec.js';
import type { CheckKind, CheckOutcome } from './check-kind.js';
import { describeLookup, resolveOn, unreadableFiles } from './resolve-name.js';
import type { Lookup, ResolveReport } from './resolve-output.js';
import { HOST_NAME_PATTERN, mixedCase } from './resolve-query.js';

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
  const out = (status: CheckOutcome['status'], observed: string): CheckOutcome => ({ status, expected, observed, evidence: [evidence] });
  const unreadable = report && unreadableFiles(report, p.node);
  if (unreadable) return out('fail', unreadable);
  if (!report?.system || !report.hostsFile) return out('error', `could not resolve ${p.name} as ${p.node} would`);
  const { system, hostsFile } = report;
  if (p.source === 'hosts-file') return fromHostsFile(p, hostsFile, out);
  if (system.addresses[0] !== p.expect) return out('fail', wrongAnswer(p, system, hostsFile, report.nameservers));
  if (!watched) return out('pass', `${p.name} resolves to ${system.addresses.join(', ')}`);
  const capture = report.capture;
  if (!capture || capture.sent < 0 || capture.into < 0) return out('error', "could not watch the lab's links for the DNS query");
  return p.via === undefined ? fromFiles(p, hostsFile, capture, out) : fromServer(p, p.via, hostsFile, capture, out);
}

function expectedOf(p: ResolveParams): string {
  if (p.source === 'hosts-file') return `${p.node}'s /etc/hosts, as its resolver reads it, pairs ${p.expect} with ${p.name}`;
  const base = `${p.name} resolves to ${p.expect} on ${p.node}`;
  if (p.via) return `${base}, answered by the DNS server on ${p.via}`;
  return p.source === 'files' ? `${base}, from its hosts file before any DNS server is asked` : base;
}

/** The node's programs get another address, or none: say where that comes from. */
function wrongAnswer(p: ResolveParams, system: Lookup, hostsFile: Lookup, nameservers: readonly string[]): string {
  const said = describeLookup(p.name, p.node, system, nameservers);
  if (system.addresses.length === 0) return said;
  const file = hostsFile.addresses;
  if (file.length === 0) return `${said}, not ${p.expect}; its hosts file has no entry for ${p.name}, so the answer came from elsewhere (a DNS server)`;
  if (file[0] === p.expect) return `${said}, not ${p.expect}, although its hosts file says ${p.expect}: another source answered before the hosts file was read`;
  return `${said}, not ${p.expect}; its hosts file says ${file.join(', ')}`;
}

type Out = (status: CheckOutcome['status'], observed: string) => CheckOutcome;

type Capture = NonNullable<ResolveReport['capture']>;

/** glibc's own hosts-file parser decides (only space and tab separate; a lookalike is another name). */
function fromHostsFile(p: ResolveParams, hostsFile: Lookup, out: Out): CheckOutcome {
  const given = hostsFile.addresses;
  if (given.includes(p.expect)) return out('pass', `${p.node}'s resolver, reading only its /etc/hosts, gives ${given.join(', ')} for ${p.name}`);
  if (given.length > 0) return out('fail', `${p.node}'s resolver, reading only its /etc/hosts, gives ${given.join(', ')} for ${p.name}, not ${p.expect}`);
  return out('fail', `${p.node}'s resolver, reading only its /etc/hosts, finds no entry for ${p.name} (an entry must be the address, then spaces or tabs, then the name, spelt exactly)`);
}

function fromFiles(p: ResolveParams, hostsFile: Lookup, capture: Capture, out: Out): CheckOutcome {
  if (hostsFile.addresses[0] !== p.expect) {
    return out('fail', `${p.name} resolves to ${p.expect}, but ${p.node}'s hosts file has no such entry: the answer came from something else (a DNS server running on ${p.node}?)`);
  }
  if (capture.sent > 0) {
    const queries = capture.sent === 1 ? 'a DNS query' : `${capture.sent} DNS queries`;
    return out('fail', `${p.name} resolves to ${p.expect}, but ${p.node} sent ${queries} for it before its hosts file had a say`);
  }
  return out('pass', `${p.name} resolves to ${p.expect} from ${p.node}'s hosts file, and no DNS query for it left ${p.node}`);
}

/**
 * The server itself must have answered, through the network: the query left the node and reached the
 * server's node, the server's answer (echoing this check's random spelling) left it and came back to
 * the node, and no program of the learner's held a socket that could answer in the server's place
 * (a resolver of their own, behind a DNAT or an address on lo, while a mirror sends the server a copy).
 */
function fromServer(p: ResolveParams, via: string, hostsFile: Lookup, { sent, into, answered, back, others }: Capture, out: Out): CheckOutcome {
  const by = `${p.name} resolves to ${p.expect}, but`;
  if (others.length > 0) {
    return out('fail', `${by} grade cannot tell that ${via} answered: ${others.map(describeSocket).join('; ')} could answer in its place (stop it, and let the resolver ask ${via})`);
  }
  if (sent > 0 && into > 0 && answered > 0 && back > 0) return out('pass', `${p.name} resolves to ${p.expect}: ${via} received ${p.node}'s query for it, and its own answer came back to ${p.node}`);
  if (sent > 0 && into > 0) {
    const missing = answered === 0 ? `${via} sent no answer to it` : `${via}'s answer never came back to ${p.node}`;
    return out('fail', `${by} ${p.node}'s query reached ${via} and ${missing}: something else answered`);
  }
  const where = hostsFile.addresses.includes(p.expect) ? `${p.node}'s own hosts file names it` : 'a local resolver?';
  const missing = sent === 0 ? `no query for it left ${p.node}` : `no query for it reached ${via}`;
  return out('fail', `${by} it was answered by something other than ${via} (${where}): ${missing}`);
}

/** "a UDP socket on port 53 on host-a" from the probe's "host-a:udp:53" ("?": a namespace the learner made). */
export function describeSocket(socket: string): string {
  const [node = '?', kind = '', port] = socket.split(':');
  const where = node === '?' ? 'in a namespace of the learner\'s own' : `on ${node}`;
  if (kind === 'udp') return `a UDP socket on port ${port} ${where}`;
  if (kind === 'tcp') return `a TCP listener on port ${port} ${where}`;
  return `a ${kind === 'packet' ? 'packet (link-layer)' : 'raw'} socket ${where}`;
}
