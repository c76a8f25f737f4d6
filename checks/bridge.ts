import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';

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
    const parts = [`a bridge ${p.name}, up`, p.ports?.length ? `with ports ${p.ports.join(', ')}` : '', p.address ? `holding ${p.address}` : ''];
    const expected = `${p.node} has ${parts.filter(Boolean).join(', ')}`;
    // Cut off, ip printed nothing: that is the machine's doing, not a missing bridge.
    if (result.timedOut || result.exitCode === null) return { status: 'error', expected, observed: result.timedOut ? 'ip did not finish in time' : 'ip was stopped before it finished', evidence };
    if (result.exitCode !== 0 && /does not exist|Cannot find device/i.test(result.output)) {
      return { status: 'fail', expected, observed: `${p.node} has no interface named ${p.name}`, evidence };
    }
    const [selfJson = '[]', portsJson = '[]'] = result.stdout.split('\n').filter((l) => l.trim().startsWith('['));
    let self: IpLink | undefined;
    let ports: IpLink[];
    try {
      self = (JSON.parse(selfJson) as IpLink[])[0];
      ports = JSON.parse(portsJson) as IpLink[];
    } catch {
      return { status: 'error', expected, observed: 'could not read the output of ip -j', evidence };
    }
    if (!self) return { status: 'fail', expected, observed: `${p.node} has no interface named ${p.name}`, evidence };
    const problems: string[] = [];
    if (self.linkinfo?.info_kind !== 'bridge') problems.push(`${p.name} is a ${self.linkinfo?.info_kind ?? 'plain'} interface, not a bridge`);
    if (!self.flags?.includes('UP')) problems.push(`${p.name} is down`);
    const attached = ports.map((l) => l.ifname);
    const missing = (p.ports ?? []).filter((port) => !attached.includes(port));
    if (missing.length) problems.push(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not attached (attached: ${attached.join(', ') || 'none'})`);
    const addresses = (self.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`);
    if (p.address && !addresses.includes(p.address)) problems.push(`${p.name} holds ${addresses.join(', ') || 'no address'}, not ${p.address}`);
    if (problems.length) return { status: 'fail', expected, observed: problems.join('; '), evidence };
    return { status: 'pass', expected, observed: `${p.name} is a bridge, up, with ports ${attached.join(', ') || 'none'}${addresses.length ? `, holding ${addresses.join(', ')}` : ''}`, evidence };
  },
};
