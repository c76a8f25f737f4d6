// What `sysctl --system` would apply at boot: /etc/sysctl.d/*.conf in name order, then /etc/sysctl.conf; the last setting wins.

export interface ConfigSetting {
  readonly file: string;
  readonly line: number;
  readonly key: string;
  readonly value: string;
}

/** Parse the concatenated files, each introduced by a line `### <path>`. */
export function parseSysctlFiles(dump: string): ConfigSetting[] {
  const settings: ConfigSetting[] = [];
  let file = '';
  let line = 0;
  for (const raw of dump.split('\n')) {
    // Only the dump's own headers: a learner's "### my notes" comment inside a file is just a comment.
    const header = /^### (\/etc\/sysctl\.conf|\/etc\/sysctl\.d\/.+\.conf)$/.exec(raw);
    if (header) {
      file = header[1]!;
      line = 0;
      continue;
    }
    line++;
    const text = raw.trim();
    if (!text || text.startsWith('#') || text.startsWith(';')) continue;
    const m = /^-?\s*([^=\s]+)\s*=\s*(.*)$/.exec(text);
    if (m) settings.push({ file, line, key: m[1]!.replace(/\//g, '.'), value: m[2]!.trim() });
  }
  return settings;
}

/** The setting that takes effect for a key, or undefined when no file sets it. */
export function effectiveSetting(settings: readonly ConfigSetting[], key: string): ConfigSetting | undefined {
  const wanted = key.replace(/\//g, '.');
  return settings.filter((s) => s.key === wanted).at(-1);
}

/** The files `sysctl --system` reads here, in its order, as runner/image/probe-files.sh takes them. */
export const SYSCTL_FILES = ['/etc/sysctl.d/*.conf', '/etc/sysctl.conf'] as const;
