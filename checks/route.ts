import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { missingNetns, NETNS_SCHEMA, placeOf } from './place.js';

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
    const kinds = p.devKind ? `out of a ${p.devKind.join(' or ')} interface` : '';
    const wanted = [p.via ? `via ${p.via}` : '', p.dev ? `out of ${p.dev}` : '', kinds].filter(Boolean).join(' ');
    const expected = `${node} sends packets for ${p.to} ${wanted}`;
    if (result.timedOut) return { status: 'error', expected, observed: 'ip route get did not answer in time', evidence };
    if (result.exitCode !== 0) {
      const why = missingNetns(result.output) ?? (/unreachable/i.test(result.output) ? `${node} has no route to ${p.to}` : result.output.trim());
      return { status: 'fail', expected, observed: why, evidence };
    }
    let route: KernelRoute | undefined;
    let links: KernelLink[] = [];
    try {
      const [routes, linkList] = result.stdout.split('\n').filter((l) => l.trim());
      route = (JSON.parse(routes ?? '[]') as KernelRoute[])[0];
      if (p.devKind) links = JSON.parse(linkList ?? '[]') as KernelLink[];
    } catch {
      return { status: 'error', expected, observed: 'could not read the output of ip -j route get', evidence };
    }
    if (!route) return { status: 'fail', expected, observed: `${node} has no route to ${p.to}`, evidence };
    const kind = links.find((l) => l.ifname === route.dev)?.linkinfo?.info_kind;
    const dev = p.devKind ? `${route.dev} (${kind ? `a ${kind} interface` : 'a plain interface'})` : route.dev;
    const actual = route.gateway ? `via ${route.gateway} out of ${dev}` : `directly out of ${dev} (no gateway)`;
    const kindOk = !p.devKind || (kind !== undefined && p.devKind.includes(kind));
    const ok = (!p.via || route.gateway === p.via) && (!p.dev || route.dev === p.dev) && kindOk;
    return { status: ok ? 'pass' : 'fail', expected, observed: `${node} sends packets for ${p.to} ${actual}`, evidence };
  },
};
