// Who is asking: one small interface, so OIDC or LTI can replace signed links later.
import type { IncomingHttpHeaders } from 'node:http';
import { signToken, verifyToken, type Role, type TokenClaims } from './join-token.js';

export interface Principal {
  readonly role: Role;
  /** The learner id, or "teacher". */
  readonly id: string;
  /** The session's own value, bound into its CSRF token. */
  readonly session: string;
}

export interface Identity {
  /** The principal a join link names, or null when it is forged, for someone else's server, or expired. */
  join(token: string): Principal | null;
  /** The cookie value that keeps the principal signed in, and until when. */
  sessionCookie(principal: Principal): { value: string; expires: Date };
  /** The principal of a request, from its session cookie; null when there is none or it is not valid. */
  fromRequest(headers: IncomingHttpHeaders): Principal | null;
}

export const SESSION_COOKIE = 'grade_session';

/** Identity by signed links and a signed session cookie, all under the server's secret. */
export function signedLinkIdentity(secret: () => Buffer, sessionHours: number, knows: (p: { role: Role; id: string }) => boolean): Identity {
  const principal = (c: TokenClaims | null, token: string): Principal | null => (c && knows({ role: c.role, id: c.sub }) ? { role: c.role, id: c.sub, session: token.slice(-16) } : null);
  return {
    join: (token) => principal(verifyToken(secret(), token, 'join'), token),
    sessionCookie(p) {
      const exp = Math.floor(Date.now() / 1000) + sessionHours * 3600;
      const value = signToken(secret(), { sub: p.id, role: p.role, use: 'session', exp });
      return { value, expires: new Date(exp * 1000) };
    },
    fromRequest(headers) {
      const token = cookieValue(headers.cookie ?? '', SESSION_COOKIE);
      return token ? principal(verifyToken(secret(), token, 'session'), token) : null;
    },
  };
}

function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
