import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { line, told } from './words/say.js';

/** node, key (dotted or slashed) and value: the parameters of both sysctl kinds. */
export const sysctlParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['node', 'key', 'value'],
  properties: {
    node: { type: 'string' },
    key: { type: 'string', pattern: '^[a-z0-9_]+([./][A-Za-z0-9_-]+)+$' },
    value: { type: ['string', 'number'] },
  },
} as const;

export interface SysctlParams {
  node: string;
  key: string;
  value: string | number;
}

export const sysctlCheck: CheckKind<SysctlParams> = {
  name: 'sysctl',
  description: "a node's current kernel setting, e.g. net.ipv4.ip_forward = 1",
  schema: sysctlParamsSchema,
  nodesOf: (p) => [p.node],
  async run(p, { lab }) {
    const key = p.key.replace(/\//g, '.');
    const result = await lab.exec(p.node, ['sysctl', '-n', key]);
    const evidence = [evidenceOf(p.node, `sysctl ${key}`, result)];
    const expected = line('sysctl.expected', { key, value: String(p.value), node: p.node });
    if (result.exitCode !== 0) return told('error', expected, line('sysctl.unreadable', { key, output: result.output.trim() }), evidence);
    const actual = result.stdout.trim().replace(/\s+/g, ' ');
    const ok = actual === String(p.value).trim();
    return told(ok ? 'pass' : 'fail', expected, line('sysctl.observed', { key, actual, node: p.node }), evidence);
  },
};
