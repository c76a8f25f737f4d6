// What runner/image/probe-resolve.sh printed, as data. Its header lines start with a mark that is
// random per call, so no name or alias in a learner's hosts file can pass for one.

export type FileState = 'ok' | 'missing' | 'unreadable' | 'too-large';

/** The files the node's resolver reads, as probe-resolve found them. */
export interface ResolverFiles {
  readonly '/etc/hosts': FileState;
  readonly '/etc/resolv.conf': FileState;
  readonly '/etc/nsswitch.conf': FileState;
}

/** One getent ahostsv4 run: its exit status (124: no answer in time) and the addresses, in order. */
export interface Lookup {
  readonly exit: number;
  readonly addresses: readonly string[];
}

export interface ResolveReport {
  readonly files: ResolverFiles;
  /** The name servers in the node's resolv.conf that the resolver asks, in order. */
  readonly nameservers: readonly string[];
  /** With the node's own nsswitch.conf: what the node's programs get. Absent when a file was unreadable. */
  readonly system?: Lookup;
  /** With "hosts: files" alone: what the hosts file by itself says. */
  readonly hostsFile?: Lookup;
  /** The check's queries seen on the switch (-1: the capture did not start); absent without one. */
  readonly capture?: Capture;
}

/**
 * sent/into: the check's queries that left the node and that went into the server's node; answered/
 * back: the answers to them that left the server's node and that went into the node (0 when the probe
 * did not watch answers); others: the learner's sockets that could have answered ("host-a:udp:53").
 */
export interface Capture {
  readonly sent: number;
  readonly into: number;
  readonly answered: number;
  readonly back: number;
  readonly others: readonly string[];
}

const STATES: Record<string, FileState> = { ok: 'ok', missing: 'missing', UNREADABLE: 'unreadable', 'TOO-LARGE': 'too-large' };

/** The report, or undefined when the output is not the probe's (it failed before its first line). */
export function parseResolveOutput(stdout: string, mark: string): ResolveReport | undefined {
  let files: ResolverFiles | undefined;
  const lookups: Record<string, { exit: number; addresses: string[] }> = {};
  let current: { exit: number; addresses: string[] } | undefined;
  let capture: ResolveReport['capture'];
  let nameservers: string[] = [];
  for (const line of stdout.split('\n')) {
    const header = line.startsWith(`${mark} `) ? line.slice(mark.length + 1) : undefined;
    const config = header === undefined ? null : /^config hosts=(\S+) resolv=(\S+) nsswitch=(\S+)$/.exec(header);
    const lookup = header === undefined ? null : /^lookup (system|files) exit=(\d+)$/.exec(header);
    const seen = header === undefined ? null : /^capture sent=(-?\d+) into=(-?\d+)/.exec(header);
    const servers = header === undefined ? null : /^nameservers(.*)$/.exec(header);
    if (config) {
      const [hosts, resolv, nss] = config.slice(1).map((s) => STATES[s!]);
      if (!hosts || !resolv || !nss) return undefined;
      files = { '/etc/hosts': hosts, '/etc/resolv.conf': resolv, '/etc/nsswitch.conf': nss };
    } else if (servers) {
      nameservers = servers[1]!.split(' ').filter(Boolean);
    } else if (lookup) {
      current = lookups[lookup[1]!] = { exit: Number(lookup[2]), addresses: [] };
    } else if (seen) {
      capture = captureOf(header!, Number(seen[1]), Number(seen[2]));
      current = undefined;
    } else if (current) {
      // getent ahostsv4 prints "ADDRESS  STREAM|DGRAM|RAW  [NAME]", one line per socket type.
      const address = /^(\d{1,3}(?:\.\d{1,3}){3})\s+(?:STREAM|DGRAM|RAW)\b/.exec(line)?.[1];
      if (address && !current.addresses.includes(address)) current.addresses.push(address);
    }
  }
  if (!files) return undefined;
  return {
    files,
    nameservers,
    ...(lookups.system ? { system: lookups.system } : {}),
    ...(lookups.files ? { hostsFile: lookups.files } : {}),
    ...(capture ? { capture } : {}),
  };
}

/** The capture line's counts; answered, back and others are there when the probe watched a server. */
function captureOf(header: string, sent: number, into: number): Capture {
  const answered = /\banswered=(-?\d+)/.exec(header)?.[1];
  const back = /\bback=(-?\d+)/.exec(header)?.[1];
  const others = /\bothers=(\S*)/.exec(header)?.[1] ?? '';
  return { sent, into, answered: Number(answered ?? 0), back: Number(back ?? 0), others: others.split(',').filter(Boolean) };
}
