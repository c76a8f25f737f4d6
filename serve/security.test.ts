import { describe, expect, test } from 'vitest';
import { MessageBudget, contentSecurityPolicy, roleFor, sameOrigin } from './security.js';

describe('serve security rules', () => {
  test('the CSP admits no inline or foreign script', () => {
    const csp = contentSecurityPolicy('abc');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('Origin: only the server\'s own, and a WebSocket must send one', () => {
    const allowed = ['http://127.0.0.1:8080'];
    expect(sameOrigin({ origin: 'http://127.0.0.1:8080' }, allowed, true)).toBe(true);
    expect(sameOrigin({ origin: 'http://evil.example' }, allowed, false)).toBe(false);
    expect(sameOrigin({}, allowed, true)).toBe(false);
    expect(sameOrigin({}, allowed, false)).toBe(true);
  });

  test('every path has a role; teacher and learner routes are apart', () => {
    expect(roleFor('/join/x')).toBe('public');
    expect(roleFor('/api/learner/me')).toBe('learner');
    expect(roleFor('/ws/teacher/watch/a/b')).toBe('teacher');
    expect(roleFor('/static/learner.js')).toBeNull();
  });

  test('a WebSocket budget refuses big messages and floods', () => {
    const b = new MessageBudget(3, 10);
    expect(b.allow(11, 0)).toBe(false);
    expect([1, 2, 3, 4].map(() => b.allow(1, 0))).toEqual([true, true, true, false]);
    expect(b.allow(1, 1500)).toBe(true);
  });
});
