/** A set-up failure told as one sentence, with the command that fixes it and the last lines of any log. */
export class SetupError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
    readonly logTail: readonly string[] = [],
  ) {
    super(message);
    this.name = 'SetupError';
  }
}

/** The last `n` non-empty lines of some output, for an error report. */
export function tailLines(text: string, n = 15): string[] {
  return text
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') // the build log colours stderr
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-n);
}

/** Progress lines for the user ("pulling debian:bookworm-slim ..."). */
export type Log = (line: string) => void;
