import { readNodeFiles } from './file-content.js';

// What `sysctl --system` would apply at boot: /etc/sysctl.d/*.conf in name order, then /etc/sysctl.conf; the last setting wins.

export interface ConfigSetting {
  readonly file: string;
  readonly line: number;
  readonly key: string;
  readonly value: string;
}

/** Files the dump names but does not give: too large to judge, or not readable by the node's root. */
export interface SkippedFile {
  readonly file: string;
  readonly why: 'too large' | 'unreadable';
}

const SYSCTL_PATH = /^\/etc\/sysctl\.conf$|^\/etc\/sysctl\.d\/.+\.conf$/;

/** The settings of the files of a probe-files dump (runner/image/probe-files.sh), in the order given. */
export function readSysctlDump(dump: string, mark = '###'): { settings: ConfigSetting[]; skipped: SkippedFile[] } {
  const settings: ConfigSetting[] = [];
  const skipped: SkippedFile[] = [];
  for (const { path: file, file: content } of readNodeFiles(dump, mark, (path) => SYSCTL_PATH.test(path))) {
    if (content.state !== 'ok') {
      if (content.state !== 'missing') skipped.push({ file, why: content.state === 'too-large' ? 'too large' : 'unreadable' });
      continue;
    }
    content.lines.forEach((raw, index) => {
      const text = raw.trim();
      if (!text || text.startsWith('#') || text.startsWith(';')) return;
      const m = /^-?\s*([^=\s]+)\s*=\s*(.*)$/.exec(text);
      if (m) settings.push({ file, line: index + 1, key: m[1]!.replace(/\//g, '.'), value: m[2]!.trim() });
    });
  }
  return { settings, skipped };
}

/** The setting that takes effect for a key, or undefined when no file sets it. */
export function effectiveSetting(settings: readonly ConfigSetting[], key: string): ConfigSetting | undefined {
  const wanted = key.replace(/\//g, '.');
  return settings.filter((s) => s.key === wanted).at(-1);
}

/** The files `sysctl --system` reads here, in its order, as runner/image/probe-files.sh takes them. */
export const SYSCTL_FILES = ['/etc/sysctl.d/*.conf', '/etc/sysctl.conf'] as const;
