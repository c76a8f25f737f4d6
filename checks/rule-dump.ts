// Read every rule the kernel holds in a node, in one exec of the lab image's own tools inside the
// node's network namespace: `nft -j list ruleset`, `iptables-nft-save` (for xt options only) and
// `iptables-legacy-save`. Each listing is framed by a header carrying a per-call random marker, so
// nothing a learner wrote into a rule can pass for the end of one listing or the start of the next.

import { randomBytes } from 'node:crypto';
import type { Evidence } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';
import { readKernelRules, type KernelRules } from './iptables/kernel-rules.js';

/** The most grade reads of each listing; a bigger rule set is the submission's doing. */
export const RULE_DUMP_CAP = 1024 * 1024;
const SOURCES = ['nft', 'iptables-nft-save', 'iptables-legacy-save'] as const;
type Source = (typeof SOURCES)[number];

// $1 the marker, $2 the cap. Sizes are bytes (LC_ALL=C); stderr is left out so JSON stays JSON.
// (/proc files show size 0, so `read` tells whether the netns has legacy tables.)
export const RULE_DUMP_SCRIPT = `export LC_ALL=C
m=$1 cap=$2
emit() { printf '%s %s %d %d\n' "$m" "$1" "$2" "\${#3}"; printf '%s\n' "\${3:0:$cap}"; }
out=$(nft -j list ruleset 2>/dev/null); emit nft $? "$out"
# Only xt expressions need iptables-nft-save; only a netns with legacy tables needs iptables-legacy-save.
if [ "\${#out}" -le "$cap" ] && [[ $out == *'{"xt": {'* ]]; then out=$(iptables-nft-save 2>/dev/null); emit iptables-nft-save $? "$out"; else emit iptables-nft-save 0 ''; fi
if [ ! -e /proc/net/ip_tables_names ] || read -r _ </proc/net/ip_tables_names; then out=$(iptables-legacy-save 2>/dev/null); emit iptables-legacy-save $? "$out"; else emit iptables-legacy-save 0 ''; fi
`;

export const DUMP_COMMAND = 'nft -j list ruleset; iptables-nft-save; iptables-legacy-save';

interface Listing { readonly source: Source; readonly exitCode: number; readonly size: number; readonly text: string }

export type RuleDump =
  | { readonly kind: 'read'; readonly rules: KernelRules; readonly evidence: Evidence }
  /** The learner's rule set is over the cap. */
  | { readonly kind: 'too-big'; readonly source: Source; readonly size: number; readonly evidence: Evidence }
  /** A tool failed or the frame was broken: grade's or the machine's fault. */
  | { readonly kind: 'failed'; readonly why: string; readonly evidence: Evidence };

/** The listings between the marker's headers; null when the frame is not whole. */
function listingsOf(stdout: string, marker: string): Listing[] | null {
  const listings: Listing[] = [];
  const parts = stdout.split(`${marker} `).slice(1);
  for (const part of parts) {
    const head = /^(\S+) (\d+) (\d+)\n/.exec(part);
    const source = SOURCES.find((s) => s === head?.[1]);
    if (head === null || source === undefined) return null;
    listings.push({ source, exitCode: Number(head[2]), size: Number(head[3]), text: part.slice(head[0].length).replace(/\n$/, '') });
  }
  return listings.length === SOURCES.length ? listings : null;
}

/** What a person reads in the report: the two iptables-save listings, the legacy one only when used. */
function evidenceText(listings: readonly Listing[]): string {
  const save = listings.filter((l) => l.source !== 'nft' && l.text.trim() !== '');
  const text = save.map((l) => `# ${l.source}\n${l.text}`).join('\n');
  return text.length > 64 * 1024 ? `${text.slice(0, 64 * 1024)}\n…` : text;
}

export async function dumpRules(lab: LabExec, node: string): Promise<RuleDump> {
  const marker = `grade-rules-${randomBytes(16).toString('hex')}`;
  const result = await lab.exec(node, ['bash', '-c', RULE_DUMP_SCRIPT, 'grade-rules', marker, String(RULE_DUMP_CAP)], {
    timeoutMs: 30_000,
    maxOutputBytes: SOURCES.length * (RULE_DUMP_CAP + 256),
  });
  const listings = result.timedOut ? null : listingsOf(result.stdout, marker);
  const evidence: Evidence = {
    node, command: DUMP_COMMAND, exitCode: result.exitCode, output: listings === null ? result.output : evidenceText(listings), truncated: result.truncated, timedOut: result.timedOut,
  };
  if (result.timedOut) return { kind: 'failed', why: `reading the rules did not finish in time on ${node}`, evidence };
  if (listings === null) return { kind: 'failed', why: `reading the rules on ${node} gave no whole listing (exit ${result.exitCode ?? 'killed'})`, evidence };
  const big = listings.find((l) => l.size > RULE_DUMP_CAP);
  if (big !== undefined) return { kind: 'too-big', source: big.source, size: big.size, evidence };
  // Only nft's own listing is the structure; the save listings' failures show as rules that may not match.
  const failed = listings.find((l) => l.exitCode !== 0 && l.source === 'nft');
  if (failed !== undefined) return { kind: 'failed', why: `nft failed on ${node} (exit ${failed.exitCode})`, evidence };
  const text = (s: Source) => listings.find((l) => l.source === s)?.text ?? '';
  return { kind: 'read', rules: readKernelRules(text('nft'), text('iptables-nft-save'), text('iptables-legacy-save')), evidence };
}
