import type { CheckKind } from './check-kind.js';
import { evidenceOf } from './evidence.js';
import { line, told, type Line } from './words/say.js';
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
    const expected = line('sysctl-persisted.expected', { key, value: String(p.value), node: p.node });
    if (result.exitCode !== 0) return told('error', expected, line('sysctl-persisted.unreadable'), evidence);
    const { settings, skipped } = readSysctlDump(result.stdout, mark);
    if (skipped.length > 0) {
      const files = skipped.map((f) => line(f.why === 'too large' ? 'common.file-too-large' : 'common.file-unreadable', { file: f.file }));
      return told('fail', expected, line('sysctl-persisted.skipped', { files }), evidence);
    }
    const setting = effectiveSetting(settings, key);
    if (!setting) return told('fail', expected, notSet(settings, key, p.node), evidence);
    const ok = sameSysctlValue(setting.value, String(p.value));
    return told(ok ? 'pass' : 'fail', expected, line('sysctl-persisted.sets', { file: setting.file, line: setting.line, key, value: visible(setting.value) }), evidence);
  },
};

/** Why no file sets the key: none names it, or a line names it with a character sysctl keeps in the name. */
function notSet(settings: readonly ConfigSetting[], key: string, node: string): Line {
  const lookalike = settings.filter((s) => s.key.replace(UNSEEN, '') === key).at(-1);
  if (!lookalike) return line('sysctl-persisted.not-set', { node, key });
  return line('sysctl-persisted.lookalike', { file: lookalike.file, line: lookalike.line, written: visible(lookalike.key), key });
}
