import type { Evidence } from '../core/result.js';
import type { ExecResult } from '../runner/lab-exec.js';

/** Record what a check ran, for the report. `command` is the text a person could type on the node. */
export function evidenceOf(node: string, command: string, result: ExecResult): Evidence {
  return {
    node,
    command,
    exitCode: result.exitCode,
    output: result.output,
    truncated: result.truncated,
    timedOut: result.timedOut,
  };
}

/** The first non-empty line of some output, trimmed: the part worth quoting in a one-line observation. */
export function firstLine(output: string): string {
  return output.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
}
