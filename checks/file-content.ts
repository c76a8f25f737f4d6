// Files of a node as runner/image/probe-files.sh prints them: for each, a header line "MARK PATH" (or
// "MARK PATH UNREADABLE", "MARK PATH TOO-LARGE SIZE"), then the file and one added newline. The mark is
// random per read, so no line inside a file can pass for a header. The one parser of that format.

export type NodeFile =
  | { readonly state: 'ok'; readonly lines: readonly string[] }
  | { readonly state: 'missing' | 'unreadable' | 'too-large' };

/**
 * Every file of a probe-files dump, in the order printed (a missing file has no header, so no entry).
 * `asked` tells the paths the read was for: a line naming any other is a line of the file before it.
 */
export function readNodeFiles(dump: string, mark: string, asked: (path: string) => boolean = () => true): { readonly path: string; readonly file: NodeFile }[] {
  const files: { path: string; file: NodeFile }[] = [];
  let body: string[] | undefined;
  const close = () => {
    const last = files.at(-1);
    if (!body || !last) return;
    if (body.at(-1) === '') body.pop(); // the newline probe-files adds
    if (body.at(-1) === '') body.pop(); // the file's own last newline ends its last line
    last.file = { state: 'ok', lines: body };
  };
  for (const line of dump.split('\n')) {
    const header = line.startsWith(`${mark} `) ? line.slice(mark.length + 1) : '';
    const skipped = / (UNREADABLE|TOO-LARGE \d+)$/.exec(header);
    const path = skipped ? header.slice(0, skipped.index) : header;
    if (!path || !asked(path)) {
      body?.push(line);
      continue;
    }
    close();
    files.push({ path, file: skipped ? { state: skipped[1] === 'UNREADABLE' ? 'unreadable' : 'too-large' } : { state: 'ok', lines: [] } });
    body = skipped ? undefined : [];
  }
  close();
  return files;
}

/** The file `path` in a probe-files dump of that one path. */
export function readNodeFile(dump: string, path: string, mark: string): NodeFile {
  return readNodeFiles(dump, mark, (p) => p === path).find((f) => f.path === path)?.file ?? { state: 'missing' };
}

/** The first line matching the pattern, numbered from 1, or undefined. */
export function firstMatch(lines: readonly string[], pattern: RegExp): { readonly line: number; readonly text: string } | undefined {
  const index = lines.findIndex((l) => pattern.test(l));
  return index < 0 ? undefined : { line: index + 1, text: lines[index]! };
}

/** Characters a person does not see, or takes for a space, that the programs reading config files never take for one. */
export const UNSEEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;

/** The text with every UNSEEN character shown as <U+XXXX>, so a report shows what the program read. */
export function visible(text: string): string {
  return text.replace(UNSEEN, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * The exercise's pattern, with \s read the way the programs that read config files split fields: a
 * space or a tab only (glibc's resolv.conf and hosts parsers, procps sysctl, nsswitch), never U+00A0
 * or the other Unicode spaces JavaScript's \s takes. \S becomes "neither space nor tab" likewise.
 */
export function consumerPattern(source: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length) {
      const next = source[++i]!;
      if (next === 's') out += inClass ? ' \\t' : '[ \\t]';
      else if (next === 'S' && !inClass) out += '[^ \\t]';
      else out += c + next;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out);
}
