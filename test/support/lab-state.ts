// What a lab's nodes hold, as a fresh lab's would compare equal to it: each node's addresses,
// routes, policy rules, firewall rules, processes, mounts and the files of its writable folders,
// with what differs between any two fresh labs (MAC addresses, interface and process numbers,
// timestamps) left out. Read as grade reads (the node's network namespace) and as the learner sees
// it (the node's own mounts and processes).
import type { StartedLab } from '../../runner/started-lab.js';

export interface NodeState {
  readonly addresses: unknown;
  readonly routes: unknown;
  readonly rules: unknown;
  readonly iptables: string;
  readonly nft: string;
  readonly processes: string;
  readonly mounts: string;
  readonly files: string;
}

const WRITABLE = ['/etc', '/root', '/var', '/home', '/run', '/tmp', '/dev/shm'];

async function out(run: Promise<{ stdout: string; exitCode: number | null; output: string }>, what: string): Promise<string> {
  const r = await run;
  if (r.exitCode !== 0) throw new Error(`${what} failed: ${r.output}`);
  return r.stdout;
}

/** One node's state, as plain data for toEqual. */
export async function nodeState(lab: StartedLab, node: string): Promise<NodeState> {
  const net = (argv: string[]) => out(lab.exec(node, argv), argv.join(' '));
  const own = (script: string) => out(lab.runAsLearner(node, ['bash', '-c', script]), script);
  const [addr, route, rule, iptables, nft] = await Promise.all([
    net(['ip', '-j', 'addr']),
    net(['ip', '-j', 'route', 'show', 'table', 'all']),
    net(['ip', '-j', 'rule']),
    net(['iptables-save']),
    net(['nft', 'list', 'ruleset']),
  ]);
  // One reading at a time in the node, so no reader sees another; ps alone (a pipe's other end may
  // still be a forked shell when ps looks), its lines sorted here.
  const listed = await out(lab.runAsLearner(node, ['ps', '-e', '-o', 'comm=']), 'ps');
  const processes = listed.split('\n').filter((l) => l.trim() !== '').sort().join('\n');
  // The container's root (the image's overlay) has per-container layer paths: its options are left out.
  const mounts = await own(`awk '{ if ($3 == "overlay") $4 = "-"; print $1, $2, $3, $4 }' /proc/self/mounts | sort`);
  const files = await own(`find ${WRITABLE.join(' ')} -xdev \\( -type f -printf '%p %s\\n' \\) -o \\( ! -type f -printf '%p\\n' \\) 2>/dev/null | sort`);
  return {
    addresses: (JSON.parse(addr) as { ifname: string; flags: string[]; addr_info: { family: string; local: string; prefixlen: number }[] }[]).map((i) => ({
      ifname: i.ifname,
      flags: i.flags,
      addrs: i.addr_info.map((a) => `${a.family} ${a.local}/${a.prefixlen}`),
    })),
    routes: JSON.parse(route),
    rules: JSON.parse(rule),
    iptables: iptables.split('\n').filter((l) => !l.startsWith('#')).join('\n'),
    nft,
    processes,
    mounts,
    files,
  };
}

/** Every node's state, by node name. */
export async function labState(lab: StartedLab): Promise<Record<string, NodeState>> {
  const states: Record<string, NodeState> = {};
  for (const node of lab.nodeNames) states[node] = await nodeState(lab, node);
  return states;
}
