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

/**
 * Parse the concatenated files, each introduced by a line `<mark> <path>` (runner/image/probe-files.sh).
 * The mark is random per read, so no line a learner writes inside a file can pass for a header.
 */
export function readSysctlDump(dump: string, mark = '###'): { settings: ConfigSetting[]; skipped: SkippedFile[] } {
  const settings: ConfigSetting[] = [];
  const skipped: SkippedFile[] = [];
  let file = '';
  let line = 0;
  for (const raw of dump.split('\n')) {
    const header = raw.startsWith(`${mark} /etc/`) ? /^(\S+) (\/etc\/sysctl\.conf|\/etc\/sysctl\.d\/.+\.conf)(?: (TOO-LARGE \d+|UNREADABLE))?$/.exec(raw) : null;
    if (header && header[1] === mark) {
      if (header[3]) {
        skipped.push({ file: header[2]!, why: header[3].startsWith('TOO') ? 'too large' : 'unreadable' });
        file = '';
      } else {
        file = header[2]!;
      }
      line = 0;
      continue;
    }
    line++;
    const text = raw.trim();
    if (!file || !text || text.startsWith('#') || text.startsWith(';')) continue;
    const m = /^-?\s*([^=\s]+)\s*=\s*(.*)$/.exec(text);
    if (m) settings.push({ file, line, key: m[1]!.replace(/\//g, '.'), value: m[2]!.trim() });
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
