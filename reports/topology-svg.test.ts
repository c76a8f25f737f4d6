import { describe, expect, it } from 'vitest';
import type { Topology } from '../core/result.js';
import { loadFixture } from './fixtures/load-fixture.js';
import { layoutTopology } from './topology-layout.js';
import { topologySvg } from './topology-svg.js';

const ex01 = loadFixture('ex01-pass').topology;
type Box = { x1: number; y1: number; x2: number; y2: number };
const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('topologySvg', () => {
  it('draws every network with its subnet and every link with interface and address', () => {
    const svg = topologySvg(ex01);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    for (const net of ex01.networks) expect(svg).toContain(`>${net.name}<tspan font-weight="400" fill="#d8dee9">  ${net.subnet}</tspan>`);
    for (const node of ex01.nodes) {
      expect(svg).toContain(`>${node.name}</text>`);
      for (const i of node.interfaces) expect(svg).toContain(`>${i.addresses[0]}</tspan>`);
    }
    expect(svg.match(/<path /g)).toHaveLength(7);
  });

  it('is deterministic', () => {
    expect(topologySvg(ex01)).toBe(topologySvg(structuredClone(ex01)));
  });

  it('puts the router between the bars and hosts on their own side', () => {
    const { nets, boxes } = layoutTopology(ex01);
    const bar = (n: string) => nets.find((x) => x.name === n)!;
    const box = (n: string) => boxes.find((b) => b.node.name === n)!;
    expect(box('host-a').y).toBeLessThan(bar('lan').y);
    expect(box('router').y).toBeGreaterThan(bar('lan').y);
    expect(box('router').y).toBeLessThan(bar('wan').y);
    expect(bar('wan').y).toBe(bar('internet').y);
    expect(box('server-c').y).toBeGreaterThan(bar('wan').y);
  });

  it('lays out boxes and labels without overlaps', () => {
    const { boxes, links } = layoutTopology(ex01);
    const rects: Box[] = boxes.map((b) => ({ x1: b.cx - b.w / 2, y1: b.y, x2: b.cx + b.w / 2, y2: b.y + 44 }));
    for (const l of links) {
      const w = Math.max(...l.label.lines.map((t) => t.length)) * 6.8;
      const x1 = l.label.anchor === 'start' ? l.label.x : l.label.x - w;
      rects.push({ x1, y1: l.label.y - 10, x2: x1 + w, y2: l.label.y - 10 + l.label.lines.length * 13 });
    }
    rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlap(a, b), JSON.stringify([a, b])).toBe(false)));
  });

  it('escapes every piece of text', () => {
    const nasty: Topology = {
      networks: [{ name: 'lan<&>', subnet: '"10.0.0.0/8"' }],
      nodes: [
        { name: "<script>alert('x')</script>", role: 'host"><g', interfaces: [{ name: 'e&0', network: 'lan<&>', addresses: ['<b>'] }] },
        { name: 'h2', role: 'host', interfaces: [{ name: 'eth0', network: 'undeclared&', addresses: [] }] },
      ],
    };
    const svg = topologySvg(nasty);
    expect(svg).not.toMatch(/<script|<b>|lan<&>|e&0|undeclared&[^#]/);
    expect(svg).toContain('&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;');
    expect(svg).toContain('class="topo-node role-host&#34;&#62;&#60;g"');
    expect(svg).toContain('undeclared&#38;');
  });

  it('copes with nodes without interfaces, chains of routers and an empty topology', () => {
    const chain: Topology = {
      networks: [{ name: 'a', subnet: null }, { name: 'b', subnet: null }, { name: 'c', subnet: null }],
      nodes: [
        { name: 'r1', role: 'router', interfaces: [{ name: 'eth0', network: 'a', addresses: [] }, { name: 'eth1', network: 'b', addresses: [] }] },
        { name: 'r2', role: 'router', interfaces: [{ name: 'eth0', network: 'b', addresses: [] }, { name: 'eth1', network: 'c', addresses: [] }] },
        { name: 'lonely', role: 'server', interfaces: [] },
      ],
    };
    const { nets, boxes } = layoutTopology(chain);
    expect(nets.map((n) => n.depth)).toEqual([0, 1, 2]);
    expect(boxes[2]!.y).toBeGreaterThan(nets[2]!.y);
    expect(topologySvg({ networks: [], nodes: [] })).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });
});
