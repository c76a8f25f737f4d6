import { randomBytes } from 'node:crypto';
import { isIPv4 } from 'node:net';
import type { Evidence } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';
import { evidenceOf } from './evidence.js';
import { parseResolveOutput, type Lookup, type ResolveReport } from './resolve-output.js';
import { queryAndAnswerFilter, queryFilter } from './resolve-query.js';
import { line, type Line } from './words/say.js';

/** Seconds one lookup may take in probe-resolve (its LIMIT). */
export const LOOKUP_SECONDS = 5;

export interface Resolution {
  /** Undefined when the probe itself failed: an infrastructure fault, not the learner's. */
  readonly report?: ResolveReport;
  readonly evidence: Evidence;
}

/**
 * Resolve a name as a node's own programs would (runner/image/probe-resolve.sh): glibc with the node's
 * /etc/hosts, resolv.conf and nsswitch.conf, run from the read-only image. With `watch`, the lab's
 * switch is watched for queries spelt exactly as `question` leaving the node (and entering `far`).
 */
export async function resolveOn(lab: LabExec, node: string, question: string, watch?: { far?: string }): Promise<Resolution> {
  const mark = `@@${randomBytes(6).toString('hex')}`;
  // Towards a server, its answers are watched too: the server itself must have answered, through the network.
  const filter = watch?.far ? queryAndAnswerFilter(question) : queryFilter(question);
  const args = [node, question, ...(watch ? ['--watch', filter] : []), ...(watch?.far ? ['--far', watch.far] : [])];
  // Two lookups of at most LOOKUP_SECONDS each, the capture's start (3 s at most) and its last look.
  const result = await lab.probe('resolve', args, { env: { GRADE_MARK: mark }, timeoutMs: (2 * LOOKUP_SECONDS + 5) * 1000 });
  const seen = watch ? `; on the lab's switch, a capture of this query${watch.far ? ` into ${watch.far}` : ''}` : '';
  const evidence = evidenceOf(node, `getent ahostsv4 ${question}   (with ${node}'s /etc/hosts, /etc/resolv.conf and /etc/nsswitch.conf${seen})`, result);
  const report = result.exitCode === 0 ? parseResolveOutput(result.stdout, mark) : undefined;
  return { evidence, ...(report ? { report } : {}) };
}

/** Why the node's resolver files could not be judged, or undefined when all could be read. */
export function unreadableFiles(report: ResolveReport, node: string): Line | undefined {
  const bad = Object.entries(report.files).filter(([, state]) => state === 'unreadable' || state === 'too-large');
  if (bad.length === 0) return undefined;
  const files = bad.map(([file, state]) => line(state === 'too-large' ? 'common.file-too-large' : 'common.file-unreadable', { file }));
  return line('resolve.unreadable-files', { files, node });
}

/** "db resolves to 192.168.1.99", or why it does not resolve, given the name servers the node asks. */
export function describeLookup(name: string, node: string, lookup: Lookup, nameservers: readonly string[]): Line {
  const servers = nameservers.join(', ');
  if (lookup.exit === 124) return line(servers ? 'resolve.timeout-server' : 'resolve.timeout-nothing', { node, name, seconds: LOOKUP_SECONDS, ...(servers ? { servers } : {}) });
  if (lookup.addresses.length > 0) return line('resolve.resolves-on', { name, addresses: lookup.addresses.join(', '), node });
  return line(servers ? 'resolve.not-resolved-server' : 'resolve.not-resolved-none', { name, node, ...(servers ? { servers } : {}) });
}

/** For tcp and http: where a host name leads from a node (an address is itself), with evidence. */
export type Target = { readonly address: string; readonly evidence: readonly Evidence[] } | { readonly address?: undefined; readonly evidence: readonly Evidence[]; readonly why: Line; readonly fault: boolean };

/**
 * The first address a node's resolver gives for `host` (what its programs connect to). With the
 * exercise's `holderOf`, a name must lead to an address the exercise gives some node: the name is the
 * path the check proves, and a stale address (one no node has) reaches a server only when a rule on the
 * learner's side rewrites it (a DNAT from it, an address and relay of their own).
 */
export async function targetOf(lab: LabExec, node: string, host: string, holderOf?: (address: string) => string | undefined): Promise<Target> {
  if (isIPv4(host)) return { address: host, evidence: [] };
  const { report, evidence } = await resolveOn(lab, node, host);
  const unreadable = report && unreadableFiles(report, node);
  if (unreadable) return { evidence: [evidence], why: unreadable, fault: false };
  if (!report?.system) return { evidence: [evidence], why: line('resolve.could-not', { name: host, node }), fault: true };
  const address = report.system.addresses[0];
  if (!address) return { evidence: [evidence], why: describeLookup(host, node, report.system, report.nameservers), fault: false };
  if (holderOf && !holderOf(address)) {
    const why = line('resolve.stale-address', { name: host, address, node });
    return { evidence: [evidence], why, fault: false };
  }
  return { address, evidence: [evidence] };
}

/** The host and port of an http:// URL (80 when it names none). */
export function hostOfUrl(url: string): { readonly host: string; readonly port: number } {
  const m = /^http:\/\/([^/:?#]+)(?::(\d+))?/.exec(url);
  return { host: m?.[1] ?? '', port: Number(m?.[2] ?? 80) };
}
