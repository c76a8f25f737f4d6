import { randomBytes, randomInt } from 'node:crypto';
import { line, type Line } from './words/say.js';

/**
 * The values an expected text may name. `{{token}}` is the run's token, which only the lab's own
 * services know; `{{nonce}}` is fresh for each check, so an answer recorded earlier cannot pass; and
 * `{{port}}` is the source port the check connects from, which a service that reports its peer
 * echoes back only when the connection really reached it (NAT keeps the port, a proxy does not).
 */
export interface Placeholders {
  readonly token: string;
  readonly nonce: string;
  readonly port: number;
}

export function placeholders(token: string): Placeholders {
  return { token, nonce: randomBytes(6).toString('hex'), port: randomInt(20000, 60000) };
}

export function fill(text: string, values: Placeholders): string {
  return text
    .replace(/\{\{\s*token\s*\}\}/g, values.token)
    .replace(/\{\{\s*nonce\s*\}\}/g, values.nonce)
    .replace(/\{\{\s*port\s*\}\}/g, String(values.port));
}

/** Whether a text names the source port, so the check must connect from it. */
export function usesPort(...texts: readonly (string | undefined)[]): boolean {
  return texts.some((t) => t !== undefined && /\{\{\s*port\s*\}\}/.test(t));
}

/** Put the run's token into an expected text: `{{token}}` stands for it. */
export function withToken(text: string, token: string): string {
  return text.replace(/\{\{\s*token\s*\}\}/g, token);
}

/** How an expected text is shown in a report: the placeholders by name, never their values. */
export function shown(text: string): Line {
  if (/^\{\{\s*token\s*\}\}$/.test(text)) return line('common.token');
  return line(text.includes('{{') ? 'common.with-values' : 'common.quoted', { text });
}
