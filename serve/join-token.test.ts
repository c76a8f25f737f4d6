import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { csrfToken, signToken, verifyToken } from './join-token.js';

const secret = randomBytes(32);
const inAnHour = Math.floor(Date.now() / 1000) + 3600;

describe('join tokens', () => {
  test('a signed link names its learner until it expires', () => {
    const t = signToken(secret, { sub: 'alice', role: 'learner', use: 'join', exp: inAnHour });
    expect(verifyToken(secret, t, 'join')).toMatchObject({ sub: 'alice', role: 'learner' });
    expect(verifyToken(secret, t, 'join', (inAnHour + 1) * 1000)).toBeNull();
  });

  test('a changed payload, another secret (rotated), or another use is refused', () => {
    const t = signToken(secret, { sub: 'alice', role: 'learner', use: 'join', exp: inAnHour });
    const [, sig] = t.split('.');
    const forged = `${Buffer.from(JSON.stringify({ sub: 'bob', role: 'teacher', use: 'join', exp: inAnHour })).toString('base64url')}.${sig}`;
    expect(verifyToken(secret, forged, 'join')).toBeNull();
    expect(verifyToken(randomBytes(32), t, 'join')).toBeNull();
    expect(verifyToken(secret, t, 'session')).toBeNull();
    expect(verifyToken(secret, 'garbage', 'join')).toBeNull();
    expect(verifyToken(secret, `${t}.x`, 'join')).toBeNull();
  });

  test('CSRF tokens differ per session and per secret', () => {
    expect(csrfToken(secret, 'a')).not.toBe(csrfToken(secret, 'b'));
    expect(csrfToken(secret, 'a')).not.toBe(csrfToken(randomBytes(32), 'a'));
  });
});
