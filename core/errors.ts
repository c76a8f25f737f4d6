// Two kinds of failure a person sees as one sentence. Anything else escaping to the CLI is a bug.

/** The person asked for something wrong (bad file, unknown exercise or node): exit 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/**
 * The machine is not ready (engine down, image missing, Docker refused): exit 3, never the learner's fault.
 * `cause` (ES2022) keeps the error it was made from, so `--debug` can show the root.
 */
export class InfraError extends Error {
  override readonly name = 'InfraError';

  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The chain of causes, outermost first, stopping at a loop or after 10 links. */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && chain.length < 10 && !chain.includes(e); e = (e as { cause?: unknown } | null)?.cause) {
    chain.push(e);
    if (!(e instanceof Error)) break;
  }
  return chain;
}

/** The innermost error: what actually went wrong under the sentence a person reads. */
export function rootCause(error: unknown): unknown {
  return causeChain(error).at(-1) ?? error;
}

/** For the operator (`--debug`): each link of the chain with its code and stack, root last. */
export function describeCauses(error: unknown): string {
  return causeChain(error)
    .map((e, i) => {
      const head = i === 0 ? '' : 'caused by: ';
      if (!(e instanceof Error)) return `${head}${String(e)}`;
      const code = (e as NodeJS.ErrnoException).code;
      return `${head}${e.stack ?? `${e.name}: ${e.message}`}${code ? ` [code ${code}]` : ''}`;
    })
    .join('\n');
}
