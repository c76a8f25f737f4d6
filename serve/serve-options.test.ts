import { describe, expect, test } from 'vitest';
import { UserError } from '../core/errors.js';
import { parseClassRoster } from './class-roster.js';
import { linksCsv } from './join-links.js';
import { verifyToken } from './join-token.js';
import { baseUrl, serveOptions } from './serve-options.js';

describe('grade serve options', () => {
  test('defaults: loopback, port 8080, one exercise', () => {
    const o = serveOptions({ roster: 'r.csv', exercise: 'ex01' });
    expect(o).toMatchObject({ host: '127.0.0.1', port: 8080, publicUrl: null, state: 'grade-serve', maxLabs: 60, idleMinutes: 30 });
    expect(baseUrl(o)).toBe('http://127.0.0.1:8080');
    expect(baseUrl(serveOptions({ roster: 'r', exercise: 'ex01', publicUrl: 'https://grade.school.example/x' }))).toBe('https://grade.school.example');
  });

  test('several exercises, in the order given', () => {
    expect(serveOptions({ roster: 'r', exercise: ['ex01', 'ex03'] }).exercises).toEqual(['ex01', 'ex03']);
  });

  test('bad input is one sentence', () => {
    expect(() => serveOptions({ exercise: 'ex01' })).toThrow(UserError);
    expect(() => serveOptions({ roster: 'r' })).toThrow(/name an exercise/);
    expect(() => serveOptions({ roster: 'r', exercise: ['ex01', 'ex01'] })).toThrow(/named twice/);
    expect(() => serveOptions({ roster: 'r', exercise: 'ex01', port: '70000' })).toThrow(/--port/);
    expect(() => serveOptions({ roster: 'r', exercise: 'ex01', publicUrl: 'javascript:alert(1)' })).toThrow(/--public-url/);
  });

  test('links: one signed link per learner; a name a spreadsheet would run is quoted inert', () => {
    const secret = Buffer.alloc(32, 7);
    const roster = parseClassRoster('alice,"=HYPERLINK(""x"")"\n', 'r.csv');
    const [header, row] = linksCsv('http://127.0.0.1:8080', secret, roster.learners, 1).trim().split('\n');
    expect(header).toBe('id,name,link');
    expect(row).toMatch(/^alice,"'=HYPERLINK\(""x""\)",http:\/\/127\.0\.0\.1:8080\/join\//);
    const token = row!.split('/join/')[1]!;
    expect(verifyToken(secret, token, 'join')).toMatchObject({ sub: 'alice', role: 'learner' });
  });
});
