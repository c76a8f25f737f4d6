// When many labs start at once the engine may refuse for a moment (too many requests, a busy
// daemon, a socket reset). Such refusals are retried with growing pauses; they must never turn
// into a learner's `error` row. Anything else fails at once.

const DELAYS_MS = [100, 250, 500, 1000, 2000, 4000];

export function isTransient(error: unknown): boolean {
  const err = error as { code?: string; statusCode?: number; json?: { message?: string }; message?: string };
  if (['ECONNRESET', 'EPIPE', 'EAGAIN', 'ETIMEDOUT', 'EMFILE', 'ENFILE'].includes(err.code ?? '')) return true;
  if (err.statusCode === 429 || err.statusCode === 503) return true;
  const text = `${err.json?.message ?? ''} ${err.message ?? ''}`;
  return err.statusCode === 500 && /temporarily unavailable|too many|try again|resource busy|timeout|EAGAIN/i.test(text);
}

export async function withBackoff<T>(fn: () => Promise<T>, delays: readonly number[] = DELAYS_MS, sleep = defaultSleep): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isTransient(error)) throw error;
      await sleep(delay);
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
