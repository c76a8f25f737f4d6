import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { sysctlParamsSchema, type SysctlParams } from './sysctl.js';
import { SYSCTL_FILES, effectiveSetting, parseSysctlFiles } from './sysctl-config.js';

export const sysctlPersistedCheck: CheckKind<SysctlParams> = {
  name: 'sysctl-persisted',
  description: 'a kernel setting written to /etc/sysctl.conf or /etc/sysctl.d/*.conf, so it survives a reboot',
  schema: sysctlParamsSchema,
  nodesOf: (p) => [p.node],
  async run(p, { lab }) {
    const result = await lab.probe('files', [p.node, ...SYSCTL_FILES]);
    const evidence = [evidenceOf(p.node, 'cat /etc/sysctl.d/*.conf /etc/sysctl.conf', result)];
    const key = p.key.replace(/\//g, '.');
    const expected = `${key} = ${p.value} in /etc/sysctl.conf or /etc/sysctl.d/*.conf on ${p.node}`;
    if (result.exitCode !== 0) return { status: 'error', expected, observed: 'could not read the sysctl files', evidence };
    const setting = effectiveSetting(parseSysctlFiles(result.stdout), key);
    if (!setting) return { status: 'fail', expected, observed: `no sysctl file on ${p.node} sets ${key}, so it is lost at reboot`, evidence };
    const ok = setting.value === String(p.value);
    return { status: ok ? 'pass' : 'fail', expected, observed: `${setting.file} line ${setting.line} sets ${key} = ${setting.value}`, evidence };
  },
};
