import { describe, expect, it } from 'vitest';
import type { CheckResult, GradeResult } from '../core/result.js';
import { loadFixture } from './fixtures/load-fixture.js';
import { renderHtml } from './html-reporter.js';
import { mapView } from './map-view.js';
import { pathOverlay } from './path-overlay.js';
import { layoutTopology } from './topology-layout.js';
import { topologySvg } from './topology-svg.js';
import { validateResult } from './validate-result.js';

const base = loadFixture('ex01-fail');
const there = (from: string, to: string, network: string, back = false) => ({ from, to, network, back });

/** ex01-fail with traced paths: host-a's ping passes; host-b's ping to web has no route; a third check stops at the router. */
function traced(): GradeResult {
  const checks: CheckResult[] = base.checks.map((c) => {
    if (c.id === 'host-a-reaches-server-c') {
      return { ...c, path: [there('host-a', 'router', 'lan'), there('router', 'server-c', 'wan'), there('server-c', 'router', 'wan', true), there('router', 'host-a', 'lan', true)] };
    }
    if (c.id === 'host-b-reaches-web') {
      return { ...c, path: [], brokenHop: { from: 'host-b', to: null, network: null, kind: 'no-route', reason: 'host-b has no route to 203.0.113.10.' } };
    }
    return c;
  });
  const extra: CheckResult = {
    ...base.checks.find((c) => c.id === 'host-b-reaches-web')!,
    id: 'evil',
    title: '<img src=x onerror=alert(1)>',
    path: [there('host-a', 'router', 'lan')],
    brokenHop: { from: 'router', to: 'web', network: 'internet', kind: 'dropped', reason: "router's FORWARD chain drops them (rule -A FORWARD -m comment --comment \"<script>x</script>\" -j DROP)." },
  };
  return { ...base, checks: [...checks, extra] };
}

describe('the map of paths', () => {
  it('is a valid result with path and brokenHop', () => {
    expect(validateResult(JSON.parse(JSON.stringify(traced())))).toEqual({ ok: true });
  });

  it('numbers the failing checks with a broken hop in order, and collects the passing hops once', () => {
    const overlay = pathOverlay(traced().checks);
    expect(overlay.failing.map((f) => [f.number, f.checkId, f.broken.kind])).toEqual([[1, 'host-b-reaches-web', 'no-route'], [2, 'evil', 'dropped']]);
    expect(overlay.passing).toHaveLength(2);
  });

  it('draws passing paths green, failing ones dashed, a red pill with the number and label at each break, and a legend', () => {
    const r = traced();
    const svg = topologySvg(r.topology, pathOverlay(r.checks));
    expect(svg.match(/class="path-pass"/g)?.length).toBeGreaterThanOrEqual(4);
    expect(svg).toContain('class="path-fail"');
    expect(svg).toContain('>✕ 1</text>');
    expect(svg).toContain('>no route</text>');
    expect(svg).toContain('>✕ 2</text>');
    expect(svg).toContain('>dropped</text>');
    expect(svg).toContain('class="path-legend"');
    expect(svg).toContain('where its packets stop');
    expect(svg).toBe(topologySvg(structuredClone(r.topology), pathOverlay(structuredClone(r.checks))));
  });

  it('speaks the report\'s language: Korean labels, legend and list title with --lang ko', () => {
    const r = { ...traced(), lang: 'ko' as const };
    const svg = topologySvg(r.topology, pathOverlay(r.checks, 'ko'));
    expect(svg).toContain('>경로 없음</text>');
    expect(svg).toContain('>차단됨</text>');
    expect(svg).toContain('패킷이 멈추는 곳');
    expect(svg).not.toContain('>no route</text>');
    expect(renderHtml(r)).toContain('패킷이 멈추는 곳');
  });

  it('puts a node\'s mark beside its box and a link\'s mark on that link', () => {
    const r = traced();
    const svg = topologySvg(r.topology, pathOverlay(r.checks));
    const layout = layoutTopology(r.topology);
    const shift = Number(/translate\(([\d.]+) 0\)/.exec(svg)?.[1] ?? 0);
    const pill = (n: number) => {
      const m = new RegExp(`<rect x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="20"[^>]*/><text[^>]*>✕ ${n}</text>`).exec(svg);
      return { x: Number(m?.[1]) + shift, y: Number(m?.[2]) + 10, w: Number(m?.[3]) };
    };
    const hostB = layout.boxes.find((b) => b.node.name === 'host-b')!;
    const one = pill(1);
    expect(one.y).toBeGreaterThan(hostB.y);
    expect(one.y).toBeLessThan(hostB.y + 44);
    expect(Math.min(Math.abs(one.x - (hostB.cx + hostB.w / 2 + shift)), Math.abs(one.x + one.w - (hostB.cx - hostB.w / 2 + shift)))).toBeLessThan(10);
    const link = layout.links.find((l) => l.node === 'router' && l.iface.network === 'internet')!;
    const xs = link.points.map((p) => p[0] + shift);
    const ys = link.points.map((p) => p[1]);
    // On the link, or beside the box with a leader line that ends on the link.
    const mark = /<g class="path-mark kind-dropped">[\s\S]*?<\/g>/.exec(svg)?.[0] ?? '';
    const leader = /<line x1="[\d.]+" y1="[\d.]+" x2="([\d.]+)" y2="([\d.]+)"/.exec(mark);
    const two = leader ? { x: Number(leader[1]) + shift, y: Number(leader[2]), w: 0 } : pill(2);
    expect(two.x - 2).toBeLessThanOrEqual(Math.max(...xs));
    expect(two.x + two.w + 2).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(two.y).toBeGreaterThanOrEqual(Math.min(...ys));
    expect(two.y).toBeLessThanOrEqual(Math.max(...ys));
  });

  it('escapes everything learner-controlled in the map and in the list', () => {
    const html = renderHtml(traced());
    expect(html).not.toContain('<script>x</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src');
    const svg = mapView(traced().topology, traced().checks).topologySvg;
    expect(svg).toContain('&#60;script&#62;x&#60;/script&#62;');
  });

  it('lists the breaks beside the map with the numbers of the marks, and leaves the plain map when nothing was traced', () => {
    const html = renderHtml(traced());
    expect(html).toContain('<ol class="breaks"');
    expect(html).toMatch(/<span class="pill">✕ 1<\/span> <a href="#check-host-b-reaches-web">[^<]*<\/a> — <strong>no route<\/strong>: host-b has no route to 203.0.113.10.<\/li>/);
    const plain = mapView(base.topology, base.checks);
    expect(plain.hasPathBreaks).toBe(false);
    expect(plain.topologySvg).not.toContain('path-legend');
    expect(plain.topologySvg).toBe(topologySvg(base.topology));
  });

  it('marks "?" in grey where grade cannot tell', () => {
    const r = traced();
    const checks = r.checks.map((c) => (c.brokenHop ? { ...c, brokenHop: { ...c.brokenHop, kind: 'unknown' as const } } : c));
    const svg = topologySvg(r.topology, pathOverlay(checks));
    expect(svg).toContain('>? 1</text>');
    expect(svg).toContain('>unclear</text>');
    expect(svg).toContain('grade cannot tell');
  });
});
