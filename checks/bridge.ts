import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { andList, line, told, type Line } from './words/say.js';

interface BridgeParams {
  node: string;
  name: string;
  /** Interfaces that must be attached to the bridge. */
  ports?: string[];
  /** An address (CIDR) the bridge must hold. */
  address?: string;
}

interface IpLink {
  ifname: string;
  flags?: string[];
  linkinfo?: { info_kind?: string };
  addr_info?: { family?: string; local?: string; prefixlen?: number }[];
}

const SCRIPT = 'ip -j -d addr show dev "$1"; echo; ip -j link show master "$1"';

export const bridgeCheck: CheckKind<BridgeParams> = {
  name: 'bridge',
  description: 'a Linux bridge on a node: it exists, is up, has the given ports attached and optionally an address',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'name'],
    properties: {
      node: { type: 'string' },
      name: { type: 'string' },
      ports: { type: 'array', items: { type: 'string' } },
      address: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$' },
    },
  },
  nodesOf: (p) => [p.node],
  async run(p, { lab }) {
    const result = await lab.exec(p.node, ['bash', '-c', SCRIPT, 'bridge-check', p.name]);
    const evidence = [evidenceOf(p.node, `ip -d addr show dev ${p.name}; ip link show master ${p.name}`, result)];
    const expected = expectedOf(p);
    const noInterface = line('bridge.no-interface', { node: p.node, name: p.name });
    // Cut off, ip printed nothing: that is the machine's doing, not a missing bridge.
    if (result.timedOut || result.exitCode === null) return told('error', expected, line(result.timedOut ? 'bridge.ip-timeout' : 'bridge.ip-stopped', {}), evidence);
    if (result.exitCode !== 0 && /does not exist|Cannot find device/i.test(result.output)) return told('fail', expected, noInterface, evidence);
    const [selfJson = '[]', portsJson = '[]'] = result.stdout.split('\n').filter((l) => l.trim().startsWith('['));
    let self: IpLink | undefined;
    let ports: IpLink[];
    try {
      self = (JSON.parse(selfJson) as IpLink[])[0];
      ports = JSON.parse(portsJson) as IpLink[];
    } catch {
      return told('error', expected, line('common.unreadable-output', { tool: 'ip -j' }), evidence);
    }
    if (!self) return told('fail', expected, noInterface, evidence);
    const problems: Line[] = [];
    const kind = self.linkinfo?.info_kind;
    if (kind !== 'bridge') problems.push(kind ? line('bridge.not-bridge', { name: p.name, kind }) : line('bridge.not-bridge-plain', { name: p.name }));
    if (!self.flags?.includes('UP')) problems.push(line('bridge.down', { name: p.name }));
    const attached = ports.map((l) => l.ifname);
    const missing = (p.ports ?? []).filter((port) => !attached.includes(port));
    const attachedText = attached.length ? attached.join(', ') : line('bridge.none');
    if (missing.length) problems.push(line(missing.length > 1 ? 'bridge.ports-missing' : 'bridge.port-missing', { missing: andList(missing), attached: attachedText }));
    const addresses = (self.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`);
    if (p.address && !addresses.includes(p.address)) {
      problems.push(addresses.length ? line('bridge.wrong-address', { name: p.name, addresses: addresses.join(', '), address: p.address }) : line('bridge.no-address', { name: p.name, address: p.address }));
    }
    if (problems.length) return told('fail', expected, line('bridge.problems', { problems }), evidence);
    const seen = addresses.length ? line('bridge.observed-address', { name: p.name, ports: attachedText, addresses: addresses.join(', ') }) : line('bridge.observed', { name: p.name, ports: attachedText });
    return told('pass', expected, seen, evidence);
  },
};

function expectedOf(p: BridgeParams): Line {
  const ports = p.ports?.length ? p.ports.join(', ') : undefined;
  if (ports && p.address) return line('bridge.expected-ports-address', { node: p.node, name: p.name, ports, address: p.address });
  if (ports) return line('bridge.expected-ports', { node: p.node, name: p.name, ports });
  if (p.address) return line('bridge.expected-address', { node: p.node, name: p.name, address: p.address });
  return line('bridge.expected', { node: p.node, name: p.name });
}
