// Signed join links: `<payload>.<hmac>`, base64url, HMAC-SHA256 under the server's secret. Rotating
// the secret (serve/server-state.ts) revokes every link and session signed under the old one.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Role = 'learner' | 'teacher';

export interface TokenClaims {
  /** The learner id from the roster, or "teacher". */
  readonly sub: string;
  readonly role: Role;
  /** What the token is: a join link, or the session cookie a link is traded for. */
  readonly use: 'join' | 'session';
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

export function signToken(secret: Buffer, claims: TokenClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The claims of a token signed under `secret`, for `use`, and not expired at `now`; null otherwise. */
export function verifyToken(secret: Buffer, token: string, use: TokenClaims['use'], now = Date.now()): TokenClaims | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0 || token.length > 2048) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isClaims(claims) || claims.use !== use || claims.exp * 1000 <= now) return null;
  return claims;
}

/** A value bound to a session that a page must echo in a header: a cross-site form cannot know it. */
export function csrfToken(secret: Buffer, session: string): string {
  return mac(secret, `csrf:${session}`);
}

function mac(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

function isClaims(v: unknown): v is TokenClaims {
  const c = v as Partial<Record<keyof TokenClaims, unknown>> | null;
  return (
    !!c &&
    typeof c.sub === 'string' &&
    (c.role === 'learner' || c.role === 'teacher') &&
    (c.use === 'join' || c.use === 'session') &&
    typeof c.exp === 'number' &&
    Number.isFinite(c.exp)
  );
}
