import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { UNSEEN, visible } from './file-content.js';
import { sysctlParamsSchema, type SysctlParams } from './sysctl.js';
import { randomBytes } from 'node:crypto';
import { SYSCTL_FILES, type ConfigSetting, effectiveSetting, readSysctlDump, sameSysctlValue } from './sysctl-config.js';

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
    if (!setting) return { status: 'fail', expected, observed: notSet(settings, key, p.node), evidence };
    const ok = sameSysctlValue(setting.value, String(p.value));
    return { status: ok ? 'pass' : 'fail', expected, observed: `${setting.file} line ${setting.line} sets ${key} = ${visible(setting.value)}`, evidence };
  },
};

/** Why no file sets the key: none names it, or a line names it with a character sysctl keeps in the name. */
function notSet(settings: readonly ConfigSetting[], key: string, node: string): string {
  const lookalike = settings.filter((s) => s.key.replace(UNSEEN, '') === key).at(-1);
  if (!lookalike) return `no sysctl file on ${node} sets ${key}, so it is lost at reboot`;
  return `${lookalike.file} line ${lookalike.line} sets "${visible(lookalike.key)}", not ${key}: sysctl takes only spaces and tabs for spaces, so that key does not exist and ${key} is lost at reboot`;
}
