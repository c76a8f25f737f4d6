// The map's broken hop on real labs: wrong cases of the shipped exercises that break in different
// ways (no route on the sender, forwarding off, no way back, no NAT, a FORWARD policy DROP) are
// graded in-process, and each failing path must stop at the right node for the right reason, on the
// map of report.html too. With a Chromium on the machine, the report is also drawn to a PNG.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import type { GradeResult } from '../../core/result.js';
import { gradeSubmission } from '../../grading/grade-exercise.js';
import { renderHtml } from '../../reports/html-reporter.js';
import { validateResult } from '../../reports/validate-result.js';
import { findChromium, screenshot } from '../../scripts/screenshot.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, kinds } from './lab-fixture.js';

const CASES = [
  ['ex01-default-gateway', 'one-host-only'],
  ['ex02-linux-router', 'forwarding-off'],
  ['ex02-linux-router', 'no-way-back'],
  ['ex03-bridge-masquerade', 'no-nat'],
  ['ex05-firewalls', 'ufw-only'],
] as const;

const results = new Map<string, GradeResult>();
const out = mkdtempSync(join(tmpdir(), 'grade-broken-hop-'));
const reportOf = (name: string) => join(out, `${name}.html`);

async function grade(slug: string, wrong: string): Promise<GradeResult> {
  const ex = exercise(slug);
  const dir = ex.wrongCases.find((c) => c.name === wrong)!.dir;
  return gradeSubmission({ exercise: ex, kinds, engine, image, submission: readSubmissionFor(ex, dir), mode: 'wrong-case', label: wrong });
}

const hopOf = (caseName: string, check: string) => results.get(caseName)!.checks.find((c) => c.id === check)!;

describe('broken hops on the real engine', () => {
  beforeAll(async () => {
    await Promise.all(
      CASES.map(async ([slug, wrong]) => {
        const result = await grade(slug, wrong);
        results.set(`${slug.slice(0, 4)}/${wrong}`, result);
        writeFileSync(reportOf(`${slug.slice(0, 4)}-${wrong}`), renderHtml(result));
      }),
    );
  }, 180_000);
  afterAll(async () => {
    rmSync(out, { recursive: true, force: true });
    await expectNoLabsOfThisProcess();
  });

  test('every result is valid, and only failing connection checks carry a broken hop', () => {
    for (const [name, r] of results) {
      expect(r.status, `${name}: ${r.error}`).toBe('fail');
      expect(validateResult(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true });
      for (const c of r.checks) {
        if (c.brokenHop) expect(c.status, c.id).toBe('fail');
        if (c.brokenHop || c.path) expect(['reach', 'tcp', 'http']).toContain(c.kind);
      }
    }
  });

  test('ex01 one-host-only: host-b has no route, host-a\'s paths pass through the router', () => {
    for (const id of ['host-b-reaches-server-c', 'host-b-reaches-web']) {
      expect(hopOf('ex01/one-host-only', id).brokenHop).toMatchObject({ from: 'host-b', kind: 'no-route' });
    }
    const a = hopOf('ex01/one-host-only', 'host-a-reaches-server-c');
    expect(a.status).toBe('pass');
    expect(a.path?.map((h) => `${h.from}>${h.to}`)).toEqual(['host-a>router', 'router>server-c', 'server-c>router', 'router>host-a']);
  });

  test('ex02 forwarding-off: the router does not pass the packets on', () => {
    for (const id of ['network01-reaches-network02', 'network02-reaches-network01', 'network01-gets-token']) {
      expect(hopOf('ex02/forwarding-off', id).brokenHop).toMatchObject({ from: 'router', kind: 'forwarding-off' });
    }
  });

  test('ex02 no-way-back: network02 has no route back, and none of its own', () => {
    expect(hopOf('ex02/no-way-back', 'network01-reaches-network02').brokenHop).toMatchObject({ from: 'network02', kind: 'no-way-back' });
    expect(hopOf('ex02/no-way-back', 'network01-gets-token').brokenHop).toMatchObject({ from: 'network02', kind: 'no-way-back' });
    expect(hopOf('ex02/no-way-back', 'network02-reaches-network01').brokenHop).toMatchObject({ from: 'network02', kind: 'no-route' });
  });

  test('ex03 no-nat: lan-server cannot answer the bridge\'s private addresses', () => {
    for (const id of ['red-reaches-lan-server', 'blue-reaches-lan-server', 'lan-server-sees-host']) {
      const hop = hopOf('ex03/no-nat', id).brokenHop;
      expect(hop).toMatchObject({ from: 'lan-server', kind: 'no-way-back' });
      expect(hop?.reason).toContain('(no NAT)');
    }
  });

  test('ex05 ufw-only: the router\'s FORWARD policy drops everything between the networks', () => {
    expect(hopOf('ex05/ufw-only', 'network01-reaches-network02').brokenHop).toMatchObject({ from: 'router', to: 'network02', network: 'net2', kind: 'dropped' });
    expect(hopOf('ex05/ufw-only', 'network02-reaches-network01').brokenHop).toMatchObject({ from: 'router', to: 'network01', network: 'net1', kind: 'dropped' });
    expect(hopOf('ex05/ufw-only', 'network01-gets-answer').brokenHop?.reason).toContain('policy DROP');
  });

  test('report.html shows the marks, their labels and the numbered list', () => {
    const html = (name: string) => readFileSync(reportOf(name), 'utf8');
    expect(html('ex02-no-way-back')).toMatch(/>✕ 1,3<\/text>.*>no route back<\/text>/s);
    expect(html('ex02-forwarding-off')).toContain('>forwarding off</text>');
    expect(html('ex05-ufw-only')).toContain('>dropped</text>');
    expect(html('ex01-one-host-only')).toContain('class="path-pass"');
    for (const name of ['ex02-no-way-back', 'ex03-no-nat']) {
      expect(html(name)).toContain('<ol class="breaks"');
      expect(html(name)).toContain('<span class="pill">✕ 1</span>');
    }
  });

  test.skipIf(findChromium() === null)('a browser draws the report with its map (scripts/screenshot.ts)', async () => {
    const png = join(out, 'ex02-no-way-back.png');
    await screenshot(reportOf('ex02-no-way-back'), png, { width: 1200, height: 1600 });
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(1200);
    expect(bytes.length).toBeGreaterThan(20_000);
  });
});
