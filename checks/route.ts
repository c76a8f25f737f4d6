import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { missingNetns, NETNS_SCHEMA, placeOf } from './place.js';
import { line, told, type Line, orList } from './words/say.js';

interface RouteParams {
  node: string;
  to: string;
  via?: string;
  dev?: string;
  /** Ask inside this network namespace the learner made in `node`. */
  netns?: string;
  /** The kinds of interface the packet may leave by, whatever its name: `tun`, `vxlan` (a tunnel), `bridge`... */
  devKind?: string[];
}

interface KernelLink {
  ifname?: string;
  linkinfo?: { info_kind?: string };
}

interface KernelRoute {
  dst?: string;
  gateway?: string;
  dev?: string;
  prefsrc?: string;
  type?: string;
}

export const routeCheck: CheckKind<RouteParams> = {
  name: 'route',
  description: "ask the node's kernel which way it sends packets to an address (ip route get) and assert gateway and/or device",
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'to'],
    anyOf: [{ required: ['via'] }, { required: ['dev'] }, { required: ['devKind'] }],
    properties: {
      node: { type: 'string' },
      to: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
      via: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
      dev: { type: 'string' },
      netns: NETNS_SCHEMA,
      devKind: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z0-9_]+$' } },
    },
  },
  nodesOf: (p) => [p.node],
  async run(p, { lab }) {
    const node = placeOf(p.node, p.netns);
    // With devKind, the links too (one exec): what kind of interface the route's device is.
    const args = p.devKind ? ['bash', '-c', 'ip -j route get "$1" && echo && ip -j -d link show', 'route', p.to] : ['ip', '-j', 'route', 'get', p.to];
    const result = await lab.exec(node, args);
    const evidence = [evidenceOf(node, `ip route get ${p.to}${p.devKind ? '; ip -d link show' : ''}`, result)];
    const kinds = p.devKind ? line('route.out-of-kind', { kinds: orList(p.devKind) }) : undefined;
    const wanted = [p.via ? line('route.via', { gateway: p.via }) : undefined, p.dev ? line('route.out-of', { dev: p.dev }) : undefined, kinds].filter((x): x is Line => x !== undefined);
    const expected = line('route.expected', { node, to: p.to, wanted: joined(wanted) });
    if (result.timedOut) return told('error', expected, line('route.timeout'), evidence);
    if (result.exitCode !== 0) {
      const why = missingNetns(result.output) ?? (/unreachable/i.test(result.output) ? line('common.no-route', { node, to: p.to }) : line('common.text', { text: result.output.trim() }));
      return told('fail', expected, why, evidence);
    }
    let route: KernelRoute | undefined;
    let links: KernelLink[] = [];
    try {
      const [routes, linkList] = result.stdout.split('\n').filter((l) => l.trim());
      route = (JSON.parse(routes ?? '[]') as KernelRoute[])[0];
      if (p.devKind) links = JSON.parse(linkList ?? '[]') as KernelLink[];
    } catch {
      return told('error', expected, line('common.unreadable-output', { tool: 'ip -j route get' }), evidence);
    }
    if (!route) return told('fail', expected, line('common.no-route', { node, to: p.to }), evidence);
    const kind = links.find((l) => l.ifname === route.dev)?.linkinfo?.info_kind;
    const devName = route.dev ?? '?';
    const dev = p.devKind ? (kind ? line('route.dev-kind', { dev: devName, kind }) : line('route.dev-plain', { dev: devName })) : devName;
    const actual = route.gateway ? line('route.via-out-of', { gateway: route.gateway, dev }) : line('route.directly', { dev });
    const kindOk = !p.devKind || (kind !== undefined && p.devKind.includes(kind));
    const ok = (!p.via || route.gateway === p.via) && (!p.dev || route.dev === p.dev) && kindOk;
    return told(ok ? 'pass' : 'fail', expected, line('route.observed', { node, to: p.to, actual }), evidence);
  },
};

/** The wanted parts of a route, in the order the English says them. */
function joined(parts: readonly Line[]): Line {
  if (parts.length === 3) return line('route.wanted-three', { first: parts[0]!, second: parts[1]!, third: parts[2]! });
  if (parts.length === 2) return line('route.wanted-two', { first: parts[0]!, second: parts[1]! });
  return parts[0]!;
}
