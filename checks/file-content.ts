// One file of a node as runner/image/probe-files.sh prints it: a header line "MARK PATH", then the
// file and one added newline. The mark is random per read, so no line inside the file can pass for it.

export type NodeFile =
  | { readonly state: 'ok'; readonly lines: readonly string[] }
  | { readonly state: 'missing' | 'unreadable' | 'too-large' };

/** The file `path` in a probe-files dump of that one path. */
export function readNodeFile(dump: string, path: string, mark: string): NodeFile {
  const newline = dump.indexOf('\n');
  const header = newline < 0 ? dump : dump.slice(0, newline);
  if (header === `${mark} ${path} UNREADABLE`) return { state: 'unreadable' };
  if (header.startsWith(`${mark} ${path} TOO-LARGE `)) return { state: 'too-large' };
  if (header !== `${mark} ${path}`) return { state: 'missing' };
  const body = dump.slice(newline + 1).replace(/\n$/, ''); // the newline probe-files adds
  const lines = body.split('\n');
  if (lines.at(-1) === '') lines.pop(); // the file's own last newline ends its last line
  return { state: 'ok', lines };
}

/** The first line matching the pattern, numbered from 1, or undefined. */
export function firstMatch(lines: readonly string[], pattern: RegExp): { readonly line: number; readonly text: string } | undefined {
  const index = lines.findIndex((l) => pattern.test(l));
  return index < 0 ? undefined : { line: index + 1, text: lines[index]! };
}
