// A plain HTTP and WebSocket client of `grade serve` on loopback, as a browser would talk to it.
import WebSocket from 'ws';

export interface Session {
  readonly base: string;
  readonly cookie: string;
  readonly csrf: string;
}

/** Open a join link the way a browser does: the session cookie it sets, and the page's CSRF token. */
export async function join(link: string, page: '/learn' | '/teacher'): Promise<Session> {
  const base = new URL(link).origin;
  const res = await fetch(link, { redirect: 'manual' });
  if (res.status !== 303) throw new Error(`join link answered ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const html = await (await fetch(base + page, { headers: { cookie } })).text();
  const meta = /<meta name="grade-data" content="([^"]*)">/.exec(html);
  const data = JSON.parse((meta?.[1] ?? '{}').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as { csrf: string };
  return { base, cookie, csrf: data.csrf };
}

export function post(s: Session, path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(s.base + path, {
    method: 'POST',
    headers: { cookie: s.cookie, 'content-type': 'application/json', 'x-csrf-token': s.csrf, origin: s.base, ...headers },
    body: JSON.stringify(body),
  });
}

export function get(s: Session, path: string): Promise<Response> {
  return fetch(s.base + path, { headers: { cookie: s.cookie } });
}

/** A socket with its messages queued, to wait for one that matches. */
export class TestSocket {
  readonly messages: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      this.messages.push(JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
      this.waiters.splice(0).forEach((w) => w());
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString() };
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  static open(s: Pick<Session, 'base' | 'cookie'>, path: string, headers: Record<string, string> = { origin: s.base }): Promise<TestSocket> {
    const ws = new WebSocket(s.base.replace(/^http/, 'ws') + path, { headers: { cookie: s.cookie, ...headers } });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestSocket(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** Terminal output so far, as text. */
  text(): string {
    return this.messages.filter((m) => m.t === 'out').map((m) => Buffer.from(m.d as string, 'base64').toString('utf8')).join('');
  }

  type(text: string): void {
    this.ws.send(JSON.stringify({ t: 'in', d: text }));
  }

  /** Wait until `done` holds (checked on every message), for at most `ms`. */
  async until(done: () => boolean, ms = 60_000): Promise<void> {
    const end = Date.now() + ms;
    while (!done()) {
      if (this.closed || Date.now() > end) throw new Error(`gave up waiting (closed: ${JSON.stringify(this.closed)}); last: ${JSON.stringify(this.messages.at(-1))?.slice(0, 400)}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 500);
      });
    }
  }

  close(): void {
    this.ws.close();
  }
}
