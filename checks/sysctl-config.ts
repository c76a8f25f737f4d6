import { readNodeFiles } from './file-content.js';

// What `sysctl --system` would apply at boot: /etc/sysctl.d/*.conf in name order, then /etc/sysctl.conf; the last setting wins.
// Each line is read the way procps-ng's sysctl (the image's, 4.0.x: sysctl.c, Preload() and
// StripLeadingAndTrailingSpaces()) reads it, so a line that only looks right to a person sets nothing here either.

export interface ConfigSetting {
  readonly file: string;
  readonly line: number;
  /** Dotted, as `sysctl -a` names it (a key written with slashes is turned around the way procps does). */
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
      const setting = parseSysctlLine(raw);
      if (setting) settings.push({ file, line: index + 1, ...setting });
    });
  }
  return { settings, skipped };
}

/** The spaces both procps (C's isspace) and systemd-sysctl (WHITESPACE) strip; U+00A0, U+FEFF, U+200B are none of them. */
const C_SPACE = '[ \\t\\n\\r]';
const stripC = (s: string): string => s.replace(new RegExp(`^${C_SPACE}+|${C_SPACE}+$`, 'g'), '');

/**
 * One line as procps reads it, or undefined when it sets nothing: the line is stripped of C spaces;
 * shorter than 2 characters, or starting with # or ;, it is skipped; the key is strtok(line, "=")
 * (leading = skipped), stripped; the value runs from after that = to the first CR or LF, with
 * leading spaces and tabs skipped. A leading - only says "ignore a failure" (procps 4, systemd).
 */
export function parseSysctlLine(raw: string): { key: string; value: string } | undefined {
  const line = stripC(raw);
  if (line.length < 2 || line.startsWith('#') || line.startsWith(';')) return undefined;
  const m = /^=*([^=]+)=([\s\S]*)$/.exec(line);
  if (!m) return undefined;
  let key = stripC(m[1]!);
  if (key.startsWith('-')) key = stripC(key.slice(1));
  const value = (/^[\r\n]*([^\r\n]*)/.exec(m[2]!)?.[1] ?? '').replace(/^[ \t]+/, '');
  if (!key || !value) return undefined;
  return { key: dottedKey(key), value };
}

/**
 * A key as procps turns it into a file under /proc/sys (slashdot()): when its first separator is a dot,
 * dots and slashes swap; when it is a slash the key is already a path. Returned dotted, the way round
 * `sysctl -a` prints it, so net/ipv4/conf/eth0.1/forwarding is net.ipv4.conf.eth0/1.forwarding.
 */
export function dottedKey(key: string): string {
  const first = /[./]/.exec(key)?.[0];
  if (first !== '/') return key;
  return key.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'));
}

/** The setting that takes effect for a key, or undefined when no file sets it. */
export function effectiveSetting(settings: readonly ConfigSetting[], key: string): ConfigSetting | undefined {
  const wanted = dottedKey(key);
  return settings.filter((s) => s.key === wanted).at(-1);
}

/**
 * Whether the kernel would hold `wanted` after being written `value`. For a number it reads as the
 * kernel's proc_dointvec does: spaces, tabs and newlines first, a number in C's base 0 (01 is 1, 0x1 is 1),
 * then only the end or a space, tab or newline (the rest is ignored): "1 # on" sets 1, "1<U+00A0>" sets
 * nothing. Other values compare word by word.
 */
export function sameSysctlValue(value: string, wanted: string): boolean {
  if (!/^-?[0-9]+$/.test(wanted)) return value.split(/[ \t]+/).join(' ') === wanted.split(/[ \t]+/).join(' ');
  const m = /^[ \t\n]*(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)(?:[ \t\n]|$)/.exec(value);
  if (!m) return false;
  const digits = m[2]!;
  const n = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  return (m[1] ? -n : n) === BigInt(wanted);
}

/** The files `sysctl --system` reads here, in its order, as runner/image/probe-files.sh takes them. */
export const SYSCTL_FILES = ['/etc/sysctl.d/*.conf', '/etc/sysctl.conf'] as const;
