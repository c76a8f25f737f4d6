// Each learner's join link (and the teacher's), signed under the server's secret.
import type { Learner } from './class-roster.js';
import { signToken, type Role } from './join-token.js';

export function joinLink(base: string, secret: Buffer, who: { id: string; role: Role }, hours: number, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + hours * 3600;
  return `${base}/join/${signToken(secret, { sub: who.id, role: who.role, use: 'join', exp })}`;
}

/** id,name,link lines, CSV-quoted, for a teacher to send round. */
export function linksCsv(base: string, secret: Buffer, learners: readonly Learner[], hours: number): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) || /^[=+\-@\t\r]/.test(s) ? `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);
  const rows = learners.map((l) => [l.id, l.name, joinLink(base, secret, { id: l.id, role: 'learner' }, hours)].map(quote).join(','));
  return ['id,name,link', ...rows].join('\n') + '\n';
}
