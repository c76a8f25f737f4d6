import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { sysctlParamsSchema, type SysctlParams } from './sysctl.js';
import { randomBytes } from 'node:crypto';
import { SYSCTL_FILES, effectiveSetting, readSysctlDump } from './sysctl-config.js';

export const sysctlPersistedCheck: CheckKind<SysctlParams> = {
  name: 'sysctl-persisted',
  description: 'a kernel setting written to /etc/sysctl.conf or /etc/sysctl.d/*.conf, so it survives a reboot',
  schema: sysctlParamsSchema,
  nodesOf: (p) => [p.node],
  async run(p, { lab }) {
    const mark = `@@${randomBytes(6).toString('hex')}`;
    const result = await lab.probe('files', [p.node, ...SYSCTL_FILES], { env: { GRADE_MARK: mark } });
    const evidence = [evidenceOf(p.node, 'cat /etc/sysctl.d/*.conf /etc/sysctl.conf', result)];
    const key = p.key.replace(/\//g, '.');
    const expected = `${key} = ${p.value} in /etc/sysctl.conf or /etc/sysctl.d/*.conf on ${p.node}`;
    if (result.exitCode !== 0) return { status: 'error', expected, observed: 'could not read the sysctl files', evidence };
    const { settings, skipped } = readSysctlDump(result.stdout, mark);
    if (skipped.length > 0) {
      const list = skipped.map((f) => `${f.file} is ${f.why === 'too large' ? 'larger than 64 KiB' : 'not readable by the node\'s root'}`).join('; ');
      return { status: 'fail', expected, observed: `${list}, so grade cannot tell what the node would apply at boot`, evidence };
    }
    const setting = effectiveSetting(settings, key);
    if (!setting) return { status: 'fail', expected, observed: `no sysctl file on ${p.node} sets ${key}, so it is lost at reboot`, evidence };
    const ok = setting.value === String(p.value);
    return { status: ok ? 'pass' : 'fail', expected, observed: `${setting.file} line ${setting.line} sets ${key} = ${setting.value}`, evidence };
  },
};
