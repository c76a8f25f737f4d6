import type { NodeState } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';

const SEPARATOR = '@@grade-state@@';
const SCRIPT = [
  'ip addr',
  'ip route',
  "iptables-save 2>&1 | grep -v '^#'",
  'sysctl -n net.ipv4.ip_forward 2>/dev/null',
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
      iptables: iptables.trimEnd(),
      ...(flag === '0' || flag === '1' ? { forwarding: flag === '1' } : {}),
    };
  } catch {
    return null;
  }
}
