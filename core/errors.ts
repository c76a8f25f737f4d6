// Two kinds of failure a person sees as one sentence. Anything else escaping to the CLI is a bug.

/** The person asked for something wrong (bad file, unknown exercise or node): exit 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** The machine is not ready (engine down, image missing, Docker refused): exit 3, never the learner's fault. */
export class InfraError extends Error {
  override readonly name = 'InfraError';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
