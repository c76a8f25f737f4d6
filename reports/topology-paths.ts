// Draws a path overlay (path-overlay.ts) on a laid-out topology: passing paths as a green band under
// the links, how far each failing check's packets get as an amber dashed line, and at the first
// broken hop a red pill "✕ n" with a short label (grey "? n" when grade cannot tell), on the node's
// link to the network where the packets stop, or on the node itself. A legend goes below the map.
// Every text is escaped here; labels come from path-words.ts.

import type { BreakKind, PathHop } from '../core/result.js';
import { hopKey, type FailingPath, type PathOverlay } from './path-overlay.js';
import { columns } from '../core/text-width.js';
import { BAR_H_PX, BOX_H_PX, type TopologyLayout } from './topology-layout.js';

type Point = readonly [number, number];

export interface PathDrawing {
  /** Drawn over the bars, under the links. */
  readonly under: readonly string[];
  /** Drawn over the links, under the boxes. */
  readonly middle: readonly string[];
  /** Drawn over everything. */
  readonly over: readonly string[];
  /** Below the map, in the picture's own coordinates (not shifted). */
  readonly legend: string;
  /** How far right the map moves so that map and legend share one centre line. */
  readonly shift: number;
  readonly width: number;
  readonly height: number;
}

const GREEN = '#2f9e55';
const AMBER = '#e08a1e';
const RED = '#c62828';
const GREY = '#6b7280';
const PILL_H = 20;
const LEGEND_H = 34;

/** SVG pieces for `overlay` on `layout`, and the picture's size with marks and legend. */
export function drawPaths(layout: TopologyLayout, overlay: PathOverlay, esc: (s: string) => string): PathDrawing {
  const under: string[] = [];
  const middle: string[] = [];
  for (const h of overlay.passing) {
    const p = hopPieces(layout, h, 'bottom');
    if (p === null) continue;
    for (const l of p.links) under.push(`<path class="path-pass" d="${d(l)}" fill="none" stroke="${GREEN}" stroke-opacity="0.5" stroke-width="8" stroke-linejoin="round" stroke-linecap="round"/>`);
    middle.push(`<path class="path-pass" d="${d(p.bar)}" stroke="${GREEN}" stroke-width="3.5"/>`);
  }
  const seen = new Set<string>();
  for (const f of overlay.failing) {
    for (const h of f.hops) {
      const p = hopPieces(layout, h, 'top');
      if (p === null || seen.has(hopKey(h))) continue;
      seen.add(hopKey(h));
      for (const l of [...p.links, p.bar]) middle.push(`<path class="path-fail" d="${d(l)}" fill="none" stroke="${AMBER}" stroke-width="3" stroke-dasharray="8 5" stroke-linejoin="round"/>`);
    }
  }
  const marks = placeMarks(layout, overlay.failing, overlay.words.breakLabel);
  const over = marks.map((m) => drawMark(m, esc));
  const right = Math.max(layout.width, ...marks.map((m) => (m.side === 'right' ? m.x + m.width : m.x + pillWidth(m.kind, m.numbers)) + 12));
  if (overlay.passing.length === 0 && overlay.failing.length === 0) return { under, middle, over, legend: '', shift: 0, width: right, height: layout.height };
  const legendY = Math.max(layout.height, ...marks.map((m) => m.y + PILL_H)) + 4;
  const items = legendItems(overlay);
  const legendW = items.reduce((w, i) => w + itemWidth(i.words), 0) - 22;
  const width = Math.max(right, legendW + 32);
  const legend = drawLegend((width - legendW) / 2, legendY, items, esc);
  return { under, middle, over, legend, shift: (width - right) / 2, width, height: legendY + LEGEND_H };
}

/**
 * One hop as drawn: the sender's and the receiver's links, and between their ends a line along the
 * network's bar, at its bottom edge (passing) or its top edge (failing), clear of the bar's text.
 */
function hopPieces(layout: TopologyLayout, h: PathHop, edge: 'top' | 'bottom'): { links: Point[][]; bar: Point[] } | null {
  const from = layout.links.find((l) => l.node === h.from && l.iface.network === h.network);
  const to = layout.links.find((l) => l.node === h.to && l.iface.network === h.network);
  const net = layout.nets.find((n) => n.name === h.network);
  if (from === undefined || to === undefined || net === undefined) return null;
  const y = edge === 'top' ? net.y + 2.5 : net.y + BAR_H_PX - 2.5;
  const a = from.points[from.points.length - 1]!;
  const b = to.points[to.points.length - 1]!;
  const reach = (p: Point): Point[] => [p, [p[0], y]];
  return { links: [[...from.points, ...reach(a).slice(1)], [...to.points, ...reach(b).slice(1)]], bar: [[a[0], y], [b[0], y]] };
}

interface Mark {
  readonly kind: BreakKind;
  /** The short words beside the pill ("no route back"). */
  readonly label: string;
  readonly numbers: readonly number[];
  readonly reasons: readonly string[];
  /** Left end of the pill, and its vertical centre. */
  readonly x: number;
  readonly y: number;
  /** The label is written left of the pill when the right side is taken. */
  readonly side: 'right' | 'left';
  readonly width: number;
  readonly leader?: Point;
}

type Rect = readonly [number, number, number, number];

/** One mark per place and kind, each put where it covers no box, bar, link label or other mark. */
function placeMarks(layout: TopologyLayout, failing: readonly FailingPath[], labels: Readonly<Record<BreakKind, string>>): Mark[] {
  const groups = new Map<string, { f: FailingPath; numbers: number[]; reasons: string[] }>();
  for (const f of failing) {
    const key = `${f.broken.from}\u0000${f.broken.network ?? ''}\u0000${f.broken.kind}`;
    const g = groups.get(key) ?? { f, numbers: [], reasons: [] };
    g.numbers.push(f.number);
    g.reasons.push(`${f.number}. ${f.broken.reason}`);
    groups.set(key, g);
  }
  const taken: Rect[] = [
    ...layout.boxes.map((b): Rect => [b.cx - b.w / 2, b.y, b.cx + b.w / 2, b.y + BOX_H_PX]),
    ...layout.nets.map((n): Rect => [n.x1, n.y, n.x2, n.y + BAR_H_PX]),
    ...layout.links.map((l): Rect => {
      const w = Math.max(...l.label.lines.map((t) => t.length)) * 6.8;
      const x1 = l.label.anchor === 'start' ? l.label.x : l.label.x - w;
      return [x1, l.label.y - 10, x1 + w, l.label.y - 10 + l.label.lines.length * 13];
    }),
  ];
  const marks: Mark[] = [];
  for (const g of groups.values()) {
    const kind = g.f.broken.kind;
    const pillW = pillWidth(kind, g.numbers);
    const width = pillW + 6 + columns(labels[kind]) * 7.2;
    const spots = candidates(layout, g.f);
    if (spots.length === 0) continue;
    const fits = (x: number, y: number, side: 'right' | 'left'): Rect => {
      const left = side === 'right' ? x : x + pillW - width;
      return [left, y - PILL_H / 2, left + width, y + PILL_H / 2];
    };
    const at = (c: Spot) => ({ x: c.side === 'right' ? c.x : c.x - pillW, y: c.y, side: c.side, ...(c.leader ? { leader: c.leader } : {}) });
    const rect = (c: ReturnType<typeof at>) => fits(c.x, c.y, c.side);
    const clash = (c: ReturnType<typeof at>) => (rect(c)[0] < 4 || rect(c)[1] < 2 ? Infinity : taken.reduce((sum, t) => sum + overlapArea(t, rect(c)), 0));
    const placed = spots.map(at);
    // The first spot that covers nothing, else the one that covers least.
    const chosen = placed.find((c) => clash(c) === 0) ?? placed.reduce((best, c) => (clash(c) < clash(best) ? c : best));
    taken.push(rect(chosen));
    marks.push({ kind, label: labels[kind], numbers: g.numbers, reasons: g.reasons, ...chosen, width });
  }
  return marks;
}

/** Where the pill may go: its outer end at x (its left end for 'right', right end for 'left'), centred on y. */
interface Spot {
  readonly x: number;
  readonly y: number;
  readonly side: 'right' | 'left';
  /** A point of the broken link, joined to a pill that had to go beside the box instead. */
  readonly leader?: Point;
}

/** On the node's link to the network it could not cross, else beside the node's box; nearest first. */
function candidates(layout: TopologyLayout, f: FailingPath): Spot[] {
  const b = f.broken;
  const link = b.network === null ? undefined : layout.links.find((l) => l.node === b.from && l.iface.network === b.network);
  if (link !== undefined) {
    // On the link, the ✕ centred on it; else, where its label leaves no room, the pill just beside it.
    const spots = (dx: number): Spot[] =>
      [0.5, 0.3, 0.7, 0.15, 0.85].flatMap((t) => {
        const [x, y] = along(link.points, t);
        return [{ x: x - dx, y, side: 'right' as const }, { x: x + dx, y, side: 'left' as const }];
      });
    const leader = along(link.points, 0.3);
    // Beside the box on the link's own side first, so the leader crosses no other link.
    const box = layout.boxes.find((x) => x.node.name === b.from);
    const side = box !== undefined && leader[0] < box.cx ? 'left' : 'right';
    const beside = besideBox(layout, b.from).sort((p, q) => Number(q.side === side) - Number(p.side === side));
    return [...spots(PILL_H / 2), ...spots(-1), ...beside.map((s) => ({ ...s, leader }))];
  }
  return besideBox(layout, b.from);
}

function besideBox(layout: TopologyLayout, node: string): Spot[] {
  const box = layout.boxes.find((x) => x.node.name === node);
  if (box === undefined) return [];
  const right = box.cx + box.w / 2 + 5;
  const left = box.cx - box.w / 2 - 5;
  const mid = box.y + BOX_H_PX / 2;
  return [0, 1, 2, 3].flatMap((k) => {
    const dy = k * (PILL_H + 4);
    return [{ x: right, y: mid + dy, side: 'right' as const }, { x: left, y: mid + dy, side: 'left' as const }, { x: right, y: mid - dy, side: 'right' as const }];
  });
}

/** How much two rectangles, each grown by a small margin, overlap. */
function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 3;
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 2;
  return w > 0 && h > 0 ? w * h : 0;
}

/** The point a fraction `t` of the way along a polyline. */
function along(points: readonly Point[], t: number): Point {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i]![0], p[1] - points[i]![1]));
  let left = lengths.reduce((a, b) => a + b, 0) * t;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (left <= len && len > 0) {
      const [x1, y1] = points[i]!;
      const [x2, y2] = points[i + 1]!;
      return [x1 + ((x2 - x1) * left) / len, y1 + ((y2 - y1) * left) / len];
    }
    left -= len;
  }
  return points[points.length - 1] ?? [0, 0];
}

function pillWidth(kind: BreakKind, numbers: readonly number[]): number {
  return pillText(kind, numbers).length * 7.4 + 14;
}

function pillText(kind: BreakKind, numbers: readonly number[]): string {
  return `${kind === 'unknown' ? '?' : '✕'} ${numbers.join(',')}`;
}

function drawMark(m: Mark, esc: (s: string) => string): string {
  const colour = m.kind === 'unknown' ? GREY : RED;
  const text = pillText(m.kind, m.numbers);
  const pillW = pillWidth(m.kind, m.numbers);
  const top = m.y - PILL_H / 2;
  const labelAt = m.side === 'right' ? `x="${r(m.x + pillW + 5)}"` : `x="${r(m.x - 5)}" text-anchor="end"`;
  const near = m.side === 'right' ? m.x : m.x + pillW;
  const leader = m.leader ? `<line x1="${r(near)}" y1="${r(m.y)}" x2="${r(m.leader[0])}" y2="${r(m.leader[1])}" stroke="${colour}" stroke-width="1.5"/><circle cx="${r(m.leader[0])}" cy="${r(m.leader[1])}" r="3" fill="${colour}"/>` : '';
  return (
    `<g class="path-mark kind-${esc(m.kind)}"><title>${esc(m.reasons.join('\n'))}</title>${leader}` +
    `<rect x="${r(m.x)}" y="${r(top)}" width="${r(pillW)}" height="${PILL_H}" rx="${PILL_H / 2}" fill="${colour}" stroke="#ffffff" stroke-width="2"/>` +
    `<text x="${r(m.x + pillW / 2)}" y="${r(m.y + 4.5)}" text-anchor="middle" font-size="13" font-weight="800" fill="#ffffff">${esc(text)}</text>` +
    `<text ${labelAt} y="${r(m.y + 4.5)}" font-size="12.5" font-weight="700" fill="${colour}" paint-order="stroke" stroke="#ffffff" stroke-width="4" stroke-linejoin="round">${esc(m.label)}</text></g>`
  );
}

interface LegendItem {
  readonly swatch: (x: number, mid: number) => string;
  readonly words: string;
}

function legendItems(overlay: PathOverlay): LegendItem[] {
  const line = (attrs: string) => (x: number, mid: number) => `<line x1="${r(x)}" y1="${r(mid)}" x2="${r(x + 32)}" y2="${r(mid)}" ${attrs}/>`;
  const pill = (colour: string, t: string) => (x: number, mid: number) =>
    `<rect x="${r(x)}" y="${r(mid - PILL_H / 2)}" width="32" height="${PILL_H}" rx="${PILL_H / 2}" fill="${colour}"/>` +
    `<text x="${r(x + 16)}" y="${r(mid + 4.5)}" text-anchor="middle" font-size="13" font-weight="800" fill="#ffffff">${t}</text>`;
  const items: LegendItem[] = [];
  if (overlay.passing.length > 0) items.push({ swatch: line(`stroke="${GREEN}" stroke-opacity="0.5" stroke-width="8" stroke-linecap="round"`), words: overlay.words.legendWorks });
  if (overlay.failing.some((f) => f.hops.length > 0)) items.push({ swatch: line(`stroke="${AMBER}" stroke-width="3" stroke-dasharray="8 5"`), words: overlay.words.legendGotThere });
  if (overlay.failing.some((f) => f.broken.kind !== 'unknown')) items.push({ swatch: pill(RED, '✕'), words: overlay.words.legendStops });
  if (overlay.failing.some((f) => f.broken.kind === 'unknown')) items.push({ swatch: pill(GREY, '?'), words: overlay.words.legendUnclear });
  return items;
}

function itemWidth(words: string): number {
  return 40 + columns(words) * 6.3 + 22;
}

function drawLegend(x0: number, y: number, items: readonly LegendItem[], esc: (s: string) => string): string {
  const mid = y + LEGEND_H / 2;
  let x = x0;
  const parts = items.map((i) => {
    const part = i.swatch(x, mid) + `<text x="${r(x + 40)}" y="${r(mid + 4)}" font-size="12" fill="#3b4252">${esc(i.words)}</text>`;
    x += itemWidth(i.words);
    return part;
  });
  return `<g class="path-legend">${parts.join('')}</g>`;
}

function d(points: readonly Point[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r(x)} ${r(y)}`).join(' ');
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}
