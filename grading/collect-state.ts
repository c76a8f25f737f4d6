import type { NodeState } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';

const SEPARATOR = '@@grade-state@@';
// Run for every node of every lab a batch grades: as few processes as it can (the forwarding flag is
// read by the shell itself, iptables-save's comment lines are dropped here, not by a grep).
const SCRIPT = [
  'ip addr',
  'ip route',
  'iptables-save 2>&1',
  'read -r f </proc/sys/net/ipv4/ip_forward && echo "$f"',
].join(`; echo ${SEPARATOR}; `);

/** Each node's final addresses, routes, iptables rules and forwarding flag, for the report and the path tracer. */
export async function collectState(lab: LabExec, node: string): Promise<NodeState | null> {
  try {
    const result = await lab.exec(node, ['bash', '-c', SCRIPT], { timeoutMs: 5000 });
    const [addresses = '', routes = '', iptables = '', forwarding = ''] = result.stdout.split(`${SEPARATOR}\n`);
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
