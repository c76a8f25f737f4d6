import type { ExecResult } from './lab-exec.js';
import { shq } from './shell-quote.js';

// Several commands sent to a lab in one `docker exec` (runner/image/exec-batch.sh). Checks start
// together, so their commands are gathered and sent at once: an engine exec costs tens of
// milliseconds of the engine's time, a fork inside the lab almost nothing.

export interface BatchRequest {
  readonly argv: readonly string[];
  readonly timeoutMs: number;
  readonly env?: Readonly<Record<string, string>>;
  /** Runs, with the batch's other first requests, to its end before the rest of the batch starts. */
  readonly first?: boolean;
}

/** GRADE_BATCH for exec-batch.sh: one line a request, words quoted for bash. */
export function encodeBatch(requests: readonly BatchRequest[]): string {
  return requests
    .map((r, id) => {
      const argv = r.argv.map(words).join(' ');
      const env = Object.entries(r.env ?? {}).map(([k, v]) => words(`${k}=${v}`)).join(' ');
      return [id, (r.timeoutMs / 1000).toFixed(2), r.first ? 0 : 1, argv, env].join('\t');
    })
    .join('\n');
}

/** One word quoted for bash so that it stays on one line: newlines and tabs as $'...' escapes. */
function words(text: string): string {
  if (!/[\n\t\r]/.test(text)) return shq(text);
  const escaped = text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return `$'${escaped}'`;
}

/** The results, in request order; a request the output does not cover is an infrastructure fault. */
export function parseBatch(stdout: string, mark: string, count: number, cap: number): ExecResult[] {
  const lines = stdout.split('\n');
  const results = new Map<number, ExecResult>();
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!.split(' ');
    if (header[0] !== mark || header.length !== 7) continue;
    const [, id, rc, timed, ms, outBytes, errBytes] = header.map(Number) as number[];
    const out = Buffer.from(lines[i + 1] ?? '', 'base64').toString('utf8');
    const err = Buffer.from(lines[i + 2] ?? '', 'base64').toString('utf8');
    const timedOut = timed === 1;
    results.set(id!, {
      exitCode: timedOut ? null : rc!,
      output: out + err,
      stdout: out,
      stderr: err,
      truncated: outBytes! > cap || errBytes! > cap,
      timedOut,
      durationMs: ms!,
    });
    i += 2;
  }
  return Array.from({ length: count }, (_, id) => {
    const result = results.get(id);
    if (!result) throw new Error(`the lab returned no result for batched command ${id}`);
    return result;
  });
}
