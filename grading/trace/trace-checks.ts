// Adds the traced path to each reach, tcp and http check that expects to connect, and to each such
// check that failed the first hop where its packets stop, from the nodes' final state. Runs once,
// after the checks and the state collection; reporters only draw what it wrote.

import { hostOfUrl } from '../../checks/resolve-name.js';
import type { CheckSpec, Exercise } from '../../core/exercise.js';
import type { BrokenHop, CheckResult, NodeReport, NodeState, Topology } from '../../core/result.js';
import { labWorld, type LabWorld } from './lab-world.js';
import { brokenBy, traceLine, type TraceLine } from './trace-words.js';
import { tracePath, type Flow } from './trace-path.js';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** `checks` with `path` (and, for failures, `brokenHop`) where a flow can be traced. */
export function traceChecks(exercise: Exercise, topology: Topology, checks: readonly CheckResult[], nodes: readonly NodeReport[]): CheckResult[] {
  let world: LabWorld | undefined;
  const labOwned = new Set(exercise.nodes.filter((n) => n.owner === 'lab').map((n) => n.name));
  return checks.map((check) => {
    const spec = exercise.checks.find((c) => c.id === check.id);
    const flow = spec === undefined || check.status === 'error' ? null : flowOf(spec);
    if (flow === null) return check;
    if ('unknown' in flow) return check.status === 'fail' ? { ...check, brokenHop: flow.unknown } : check;
    world ??= labWorld(topology, new Map<string, NodeState | null>(nodes.map((n) => [n.name, n.state])));
    const trace = safely(() => tracePath(world!, { ...flow, labOwned }));
    // The map is an aid: a state the tracer trips over leaves the check as the check decided it.
    if (trace === null) return check;
    if (check.status === 'pass') return { ...check, path: trace.hops };
    const far = trace.hops.filter((h) => !h.back).at(-1)?.to ?? flow.from;
    const brokenHop: BrokenHop = trace.broken ?? brokenBy({ from: far, to: null, network: null, kind: 'unknown' }, traceLine('trace.got-there', { far }));
    return { ...check, path: trace.hops, brokenHop };
  });
}

/** The flow a check sends, null when it is not a connecting reach/tcp/http check. */
export function flowOf(spec: CheckSpec): Flow | { unknown: BrokenHop } | null {
  const p = spec.params;
  const node = typeof p.node === 'string' ? p.node : null;
  if (node === null) return null;
  let to: string;
  let flow: Omit<Flow, 'to'>;
  if (spec.kind === 'reach') {
    if (p.expect === false || typeof p.to !== 'string' || p.to.startsWith('127.')) return null;
    to = p.to;
    flow = { from: node, proto: 'icmp', ...(typeof p.far === 'string' ? { far: p.far } : {}) };
  } else if (spec.kind === 'tcp') {
    if (p.connect === false || typeof p.to !== 'string' || typeof p.port !== 'number') return null;
    to = p.to;
    flow = { from: node, proto: 'tcp', port: p.port, ...(typeof p.listener === 'string' ? { far: p.listener } : {}) };
  } else if (spec.kind === 'http') {
    if (typeof p.url !== 'string') return null;
    const { host, port } = hostOfUrl(p.url);
    to = host;
    flow = { from: node, proto: 'tcp', port, ...(typeof p.far === 'string' ? { far: p.far } : {}) };
  } else return null;
  const unknown = (reason: TraceLine) => ({ unknown: brokenBy({ from: node, to: null, network: null, kind: 'unknown' }, reason) });
  const netns = [p.netns, p.farNetns, p.listenerNetns].find((x): x is string => typeof x === 'string');
  if (netns !== undefined) return unknown(traceLine('trace.in-netns', { netns }));
  if (!IPV4.test(to)) return unknown(traceLine('trace.host-name', { to }));
  return { ...flow, to };
}

function safely<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
