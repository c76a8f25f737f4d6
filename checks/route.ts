import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';

interface RouteParams {
  node: string;
  to: string;
  via?: string;
  dev?: string;
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
    anyOf: [{ required: ['via'] }, { required: ['dev'] }],
    properties: {
      node: { type: 'string' },
      to: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
      via: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
      dev: { type: 'string' },
    },
  },
  nodesOf: (p) => [p.node],
  async run(p, { lab }) {
    const args = ['ip', '-j', 'route', 'get', p.to];
    const result = await lab.exec(p.node, args);
    const evidence = [evidenceOf(p.node, `ip route get ${p.to}`, result)];
    const wanted = [p.via ? `via ${p.via}` : '', p.dev ? `out of ${p.dev}` : ''].filter(Boolean).join(' ');
    const expected = `${p.node} sends packets for ${p.to} ${wanted}`;
    if (result.timedOut) return { status: 'error', expected, observed: 'ip route get did not answer in time', evidence };
    if (result.exitCode !== 0) {
      const why = /unreachable/i.test(result.output) ? `${p.node} has no route to ${p.to}` : result.output.trim();
      return { status: 'fail', expected, observed: why, evidence };
    }
    let route: KernelRoute | undefined;
    try {
      route = (JSON.parse(result.stdout) as KernelRoute[])[0];
    } catch {
      return { status: 'error', expected, observed: 'could not read the output of ip -j route get', evidence };
    }
    if (!route) return { status: 'fail', expected, observed: `${p.node} has no route to ${p.to}`, evidence };
    const actual = route.gateway ? `via ${route.gateway} out of ${route.dev}` : `directly out of ${route.dev} (no gateway)`;
    const ok = (!p.via || route.gateway === p.via) && (!p.dev || route.dev === p.dev);
    return { status: ok ? 'pass' : 'fail', expected, observed: `${p.node} sends packets for ${p.to} ${actual}`, evidence };
  },
};
