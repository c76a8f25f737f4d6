import type { NodeState } from '../core/result.js';
import type { LabExec } from '../runner/lab-exec.js';

const SEPARATOR = '@@grade-state@@';
const SCRIPT = `ip addr; echo ${SEPARATOR}; ip route; echo ${SEPARATOR}; iptables-save 2>&1 | grep -v '^#'`;

/** Each node's final addresses, routes and iptables rules, for the report. */
export async function collectState(lab: LabExec, node: string): Promise<NodeState | null> {
  try {
    const result = await lab.exec(node, ['bash', '-c', SCRIPT], { timeoutMs: 5000 });
    const [addresses = '', routes = '', iptables = ''] = result.stdout.split(`${SEPARATOR}\n`);
    return { addresses: addresses.trimEnd(), routes: routes.trimEnd(), iptables: iptables.trimEnd() };
  } catch {
    return null;
  }
}
