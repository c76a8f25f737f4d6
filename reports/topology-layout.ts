// Layout of a lab topology for topology-svg.ts: networks are horizontal bars, nodes are boxes linked
// to the bars they have interfaces on.
//
// Deterministic and layered: the first network is the top bar (its single-homed nodes sit above
// it); a node on several networks (a router) hangs below the first of them that was placed, and the
// networks it brings in become the next bar row, side by side under it. Single-homed nodes of the
// lower bars sit below their bar. Widths come from the tree, so boxes and bars never overlap; link
// labels try a few positions and take the first that hits nothing already drawn.

import type { Topology, TopologyInterface } from '../core/result.js';

type TopoNode = Topology['nodes'][number];

export interface NetBox {
  readonly name: string;
  readonly subnet: string | null;
  depth: number;
  leaves: NodeBox[];
  routers: NodeBox[];
  x1: number;
  x2: number;
  y: number;
}

export interface NodeBox {
  readonly node: TopoNode;
  /** Networks first reached through this node, drawn as the bar row below it. */
  children: NetBox[];
  /** 'top': above a root bar; a number: the row below the bars of that depth; 'loose': no network. */
  row: 'top' | number | 'loose';
  cx: number;
  y: number;
  readonly w: number;
  /** Horizontal room the node needs in its row, labels included. */
  readonly slot: number;
}

const PAD = 16;
const SLOT = 176;
const GAP = 20;
const BOX_H = 44;
const BAR_H = 24;
const LINK = 62;
const ELBOW = 12;
const CHAR_W = 7.2;

/** Positions of every bar, box, link and link label of `topology`. Deterministic. */
export function layoutTopology(topology: Topology): TopologyLayout {
  const nets = collectNets(topology);
  const boxes = topology.nodes.map(sizeBox);
  const netsOf = (b: NodeBox): NetBox[] => unique(b.node.interfaces.map((i) => i.network)).map((n) => nets.get(n)!);
  const { roots, loose } = buildTree(nets, boxes, netsOf);
  const widths = measureWidths(roots);
  const rows = layRows(nets, boxes, roots, loose.length > 0);
  const placer = new Placer(widths, rows);
  let cursor = PAD;
  for (const r of roots) {
    placer.placeNet(r, cursor, widths.get(r) ?? 0);
    cursor += widths.get(r) ?? 0;
  }
  const looseW = sum(loose.map((b) => b.slot));
  placer.placeRow(loose, PAD, Math.max(looseW, cursor - PAD), rows.looseY, false);
  const width = Math.max(cursor, PAD + looseW) + PAD;
  const links = routeLinks(boxes, netsOf);
  return { nets: [...nets.values()], boxes, links, width, height: rows.height };
}

/** Every network, declared ones first (with their subnets), then any an interface names. */
function collectNets(topology: Topology): Map<string, NetBox> {
  const nets = new Map<string, NetBox>();
  const addNet = (name: string, subnet: string | null): void => {
    if (!nets.has(name)) nets.set(name, { name, subnet, depth: -1, leaves: [], routers: [], x1: 0, x2: 0, y: 0 });
  };
  for (const n of topology.networks) addNet(n.name, n.subnet);
  for (const node of topology.nodes) for (const i of node.interfaces) addNet(i.network, null);
  return nets;
}

/** A node's box, wide enough for its name and for one link per interface on a shared network. */
function sizeBox(node: TopoNode): NodeBox {
  const sameNet = node.interfaces.length - unique(node.interfaces.map((i) => i.network)).length;
  const w = Math.max(124, textWidth(node.name, 8.5) + 40, sameNet > 0 ? (sameNet + 1) * 120 : 0);
  const slot = Math.max(SLOT, w + 56 + (sameNet > 0 ? 120 : 0));
  return { node, children: [], row: 'loose', cx: 0, y: 0, w, slot };
}

/** Breadth-first from each not yet reached network, in declaration order: the tree of bars and boxes. */
function buildTree(nets: ReadonlyMap<string, NetBox>, boxes: readonly NodeBox[], netsOf: (b: NodeBox) => NetBox[]): { roots: NetBox[]; loose: NodeBox[] } {
  const placed = new Set<NodeBox>();
  const roots: NetBox[] = [];
  for (const start of nets.values()) {
    if (start.depth >= 0) continue;
    start.depth = 0;
    roots.push(start);
    const queue = [start];
    for (let net = queue.shift(); net !== undefined; net = queue.shift()) {
      for (const box of boxes) {
        const mine = netsOf(box);
        if (placed.has(box) || !mine.includes(net)) continue;
        placed.add(box);
        queue.push(...hang(box, net, mine));
      }
    }
  }
  return { roots, loose: boxes.filter((b) => !placed.has(b)) };
}

/** Put a box under the bar it was reached from; a router brings in its other networks as its children. */
function hang(box: NodeBox, net: NetBox, mine: readonly NetBox[]): NetBox[] {
  if (mine.length === 1) {
    box.row = net.depth === 0 ? 'top' : net.depth;
    net.leaves.push(box);
    return [];
  }
  box.row = net.depth;
  net.routers.push(box);
  const fresh = mine.filter((other) => other.depth < 0);
  for (const other of fresh) {
    other.depth = net.depth + 1;
    box.children.push(other);
  }
  return fresh;
}

/** The width of every bar and router subtree, bottom-up. */
function measureWidths(roots: readonly NetBox[]): Map<NetBox | NodeBox, number> {
  const widths = new Map<NetBox | NodeBox, number>();
  const netWidth = (n: NetBox): number => {
    const routers = n.routers.map(routerWidth);
    const leaves = n.leaves.map((b) => b.slot);
    const row = n.depth === 0 ? Math.max(sum(leaves), sum(routers)) : sum(leaves) + sum(routers);
    const w = Math.max(textWidth(`${n.name}  ${n.subnet ?? ''}`, CHAR_W) + 28 + GAP, row);
    widths.set(n, w);
    return w;
  };
  const routerWidth = (b: NodeBox): number => {
    const w = Math.max(b.slot, sum(b.children.map(netWidth)));
    widths.set(b, w);
    return w;
  };
  roots.forEach(netWidth);
  return widths;
}

interface Rows {
  readonly topY: number;
  /** The bar row of each depth. */
  readonly barY: readonly number[];
  /** The box row below the bars of each depth, where one is used. */
  readonly rowY: readonly number[];
  readonly looseY: number;
  readonly height: number;
}

/** The y of every row, top-down. */
function layRows(nets: ReadonlyMap<string, NetBox>, boxes: readonly NodeBox[], roots: readonly NetBox[], anyLoose: boolean): Rows {
  const maxDepth = Math.max(0, ...[...nets.values()].map((n) => n.depth));
  let y = PAD;
  const topY = y;
  if (roots.some((r) => r.leaves.length > 0)) y += BOX_H + LINK;
  const barY: number[] = [];
  const rowY: number[] = [];
  for (let d = 0; d <= maxDepth; d++) {
    barY[d] = y;
    y += BAR_H;
    if (boxes.some((b) => b.row === d)) {
      rowY[d] = y + LINK;
      y += LINK + BOX_H;
    }
    if (d < maxDepth) y += LINK;
  }
  const looseY = y + (nets.size > 0 ? LINK / 2 : 0);
  if (anyLoose) y = looseY + BOX_H;
  return { topY, barY, rowY, looseY, height: y + PAD };
}

/** Horizontal placement, top-down: each bar or router centred in the width its subtree needs. */
class Placer {
  constructor(
    private readonly widths: ReadonlyMap<NetBox | NodeBox, number>,
    private readonly rows: Rows,
  ) {}

  placeRow(items: readonly NodeBox[], x: number, w: number, rowTop: number, routersToo: boolean): void {
    const ws = items.map((b) => (routersToo && b.children.length > 0 ? this.widths.get(b)! : b.slot));
    let cursor = x + (w - sum(ws)) / 2;
    items.forEach((b, i) => {
      const bw = ws[i] ?? SLOT;
      if (b.children.length > 0) this.placeRouter(b, cursor, bw);
      else b.cx = cursor + bw / 2;
      b.y = rowTop;
      cursor += bw;
    });
  }

  placeNet(n: NetBox, x: number, w: number): void {
    n.x1 = x + GAP / 2;
    n.x2 = x + w - GAP / 2;
    n.y = this.rows.barY[n.depth] ?? 0;
    const below = this.rows.rowY[n.depth] ?? 0;
    if (n.depth === 0) {
      this.placeRow(n.leaves, x, w, this.rows.topY, false);
      this.placeRow(n.routers, x, w, below, true);
    } else this.placeRow([...n.leaves, ...n.routers], x, w, below, true);
  }

  private placeRouter(b: NodeBox, x: number, w: number): void {
    b.cx = x + w / 2;
    const ws = b.children.map((c) => this.widths.get(c)!);
    let cursor = x + (w - sum(ws)) / 2;
    b.children.forEach((c, i) => {
      this.placeNet(c, cursor, ws[i] ?? 0);
      cursor += ws[i] ?? 0;
    });
  }
}

export interface LinkLabel {
  readonly x: number;
  /** Baseline of the first line. */
  readonly y: number;
  readonly anchor: 'start' | 'end';
  readonly lines: readonly string[];
}

export interface Link {
  /** The node whose interface this is. */
  readonly node: string;
  readonly iface: TopologyInterface;
  /** Polyline points, from the node box to the bar. */
  readonly points: readonly (readonly [number, number])[];
  readonly label: LinkLabel;
}

export interface TopologyLayout {
  readonly nets: readonly NetBox[];
  readonly boxes: readonly NodeBox[];
  readonly links: readonly Link[];
  readonly width: number;
  readonly height: number;
}

export const BOX_H_PX = BOX_H;
export const BAR_H_PX = BAR_H;
const LINE_H = 13;
const LABEL_CHAR_W = 6.8;

type Rect = readonly [number, number, number, number]; // x1 y1 x2 y2

function routeLinks(boxes: readonly NodeBox[], netsOf: (b: NodeBox) => NetBox[]): Link[] {
  const geoms: { node: string; iface: TopologyInterface; points: [number, number][]; seg: Rect; leftward: boolean }[] = [];
  for (const b of boxes) {
    if (b.row === 'loose') continue;
    const mine = netsOf(b);
    const ends = b.node.interfaces.map((iface) => {
      const net = mine.find((n) => n.name === iface.network)!;
      return { iface, net, up: b.row !== 'top' && net.depth === b.row, tx: clamp(b.cx, net.x1 + 14, net.x2 - 14) };
    });
    for (const up of [true, false]) {
      const side = ends.filter((l) => l.up === up).sort((a, c) => a.tx - c.tx);
      side.forEach((l, i) => {
        const ex = side.length === 1 ? b.cx : b.cx - b.w / 2 + ((i + 1) * b.w) / (side.length + 1);
        const tx = side.length === 1 ? l.tx : clamp(ex, l.net.x1 + 14, l.net.x2 - 14);
        const from = up ? b.y : b.y + BOX_H;
        const to = up ? l.net.y + BAR_H : l.net.y;
        const elbow = from + (up ? -ELBOW : ELBOW);
        const straight = Math.abs(ex - tx) < 1;
        const points: [number, number][] = straight ? [[ex, from], [ex, to]] : [[ex, from], [ex, elbow], [tx, elbow], [tx, to]];
        const top = Math.min(straight ? from : elbow, to);
        const bottom = Math.max(straight ? from : elbow, to);
        geoms.push({ node: b.node.name, iface: l.iface, points, seg: [tx, top, tx, bottom], leftward: tx < b.cx - 1 || (side.length > 1 && i === 0) });
      });
    }
  }
  // Obstacles: boxes, bars' neighbourhood is free (labels sit in link gaps), every link segment.
  const taken: Rect[] = boxes.map((b) => [b.cx - b.w / 2, b.y, b.cx + b.w / 2, b.y + BOX_H] as const);
  for (const g of geoms) {
    for (let i = 1; i < g.points.length; i++) {
      const [x1, y1] = g.points[i - 1]!;
      const [x2, y2] = g.points[i]!;
      taken.push([Math.min(x1, x2) - 1, Math.min(y1, y2), Math.max(x1, x2) + 1, Math.max(y1, y2)]);
    }
  }
  return geoms.map((g) => {
    const shown = g.iface.addresses.slice(0, 2);
    const more = g.iface.addresses.length - shown.length;
    const lines = [g.iface.name, ...shown, ...(more > 0 ? [`+${more} more`] : [])];
    const w = Math.max(...lines.map((l) => l.length)) * LABEL_CHAR_W;
    const h = lines.length * LINE_H;
    const [x, top, , bottom] = g.seg;
    const mid = (top + bottom) / 2 - h / 2;
    const sides: ('start' | 'end')[] = g.leftward ? ['end', 'start'] : ['start', 'end'];
    const ys = [mid, top + 2, bottom - h - 2];
    let best: { rect: Rect; anchor: 'start' | 'end' } | undefined;
    for (const y of ys) {
      for (const anchor of sides) {
        const x1 = anchor === 'start' ? x + 5 : x - 5 - w;
        const rect: Rect = [x1, y, x1 + w, y + h];
        if (!taken.some((t) => overlaps(t, rect, 4))) best ??= { rect, anchor };
      }
    }
    const fallbackX = sides[0] === 'start' ? x + 5 : x - 5 - w;
    const chosen = best ?? { rect: [fallbackX, mid, fallbackX + w, mid + h] as Rect, anchor: sides[0]! };
    taken.push(chosen.rect);
    const lx = chosen.anchor === 'start' ? chosen.rect[0] : chosen.rect[2];
    return { node: g.node, iface: g.iface, points: g.points, label: { x: lx, y: chosen.rect[1] + LINE_H - 3, anchor: chosen.anchor, lines } };
  });
}

function overlaps(a: Rect, b: Rect, margin: number): boolean {
  return a[0] < b[2] + margin && b[0] < a[2] + margin && a[1] < b[3] && b[1] < a[3];
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
function clamp(v: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}
function textWidth(s: string, perChar: number): number {
  return s.length * perChar;
}
