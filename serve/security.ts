// The rules every route shares: who may ask (a session of the right role), from where (the server's
// own origin, so another site cannot drive a learner's browser: CSRF and cross-site WebSocket
// hijacking), and what a page may load (a strict Content-Security-Policy, no inline script).
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Role } from './join-token.js';

/** The Content-Security-Policy of every response; `nonce` admits the style elements xterm.js makes (the page stamps it on them). */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The headers every response carries. */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(nonce),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
  };
}

/**
 * Whether a request comes from one of the server's own pages. Browsers send Origin on every WebSocket
 * handshake and on cross-site POSTs; a request without one is not a browser's cross-site request.
 * `requireOrigin` is for WebSockets: no Origin, no socket.
 */
export function sameOrigin(headers: IncomingHttpHeaders, allowed: readonly string[], requireOrigin: boolean): boolean {
  const origin = headers.origin;
  if (origin === undefined) return !requireOrigin;
  return allowed.includes(origin);
}

/** The roles a route admits, by its path: one table, read by the one onRequest hook. */
export function roleFor(path: string): Role | 'public' | null {
  if (path.startsWith('/join/')) return 'public';
  if (path === '/learn' || path.startsWith('/api/learner/') || path.startsWith('/ws/learner/')) return 'learner';
  if (path === '/teacher' || path.startsWith('/api/teacher/') || path.startsWith('/ws/teacher/')) return 'teacher';
  // Static files are the same for all, but only a signed-in page loads them.
  if (path.startsWith('/static/')) return null;
  return 'public';
}

/** A WebSocket's messages: each under a size, and not more than a budget a second. */
export class MessageBudget {
  private windowStart = Number.NEGATIVE_INFINITY;
  private count = 0;

  constructor(
    private readonly perSecond: number,
    readonly maxBytes: number,
  ) {}

  /** False when the message breaks the rules: the socket is then closed. */
  allow(bytes: number, now = Date.now()): boolean {
    if (bytes > this.maxBytes) return false;
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.count = 0;
    }
    return ++this.count <= this.perSecond;
  }
}
