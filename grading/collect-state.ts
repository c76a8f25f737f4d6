import { randomBytes } from 'node:crypto';
import type { NodeState } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';

// Run for every node of every lab a batch grades: as few processes as it can (the forwarding flag is
// read by the shell itself, iptables-save's comment lines are dropped here, not by a grep). The parts
// are split by a per-call random marker ($1): a rule's comment cannot pass for the next part.
const SCRIPT = [
  'ip addr',
  'ip route',
  'iptables-save 2>&1',
  'iptables-legacy-save 2>/dev/null',
  'read -r f </proc/sys/net/ipv4/ip_forward && echo "$f"',
].join('; echo "$1"; ');

/** Each node's final addresses, routes, iptables rules and forwarding flag, for the report and the path tracer. */
export async function collectState(lab: LabExec, node: string): Promise<NodeState | null> {
  try {
    const marker = `grade-state-${randomBytes(16).toString('hex')}`;
    const result = await lab.exec(node, ['bash', '-c', SCRIPT, 'grade-state', marker], { timeoutMs: 5000 });
    const [addresses = '', routes = '', nftSave = '', legacySave = '', forwarding = ''] = result.stdout.split(`${marker}\n`);
    // Both stores' listings, one after the other: the tracer reads the rules of both (iptables-legacy's last).
    const iptables = legacySave.trim() === '' ? nftSave : `${nftSave}${legacySave}`;
    const flag = forwarding.trim();
    return {
      addresses: addresses.trimEnd(),
      routes: routes.trimEnd(),
      iptables: iptables.split('\n').filter((line) => !line.startsWith('#')).join('\n').trimEnd(),
      ...(flag === '0' || flag === '1' ? { forwarding: flag === '1' } : {}),
    };
  } catch {
    return null;
  }
}
