// Draws a lab topology (see topology-layout.ts) as a self-contained inline SVG: networks are
// horizontal bars, nodes are boxes coloured and shaped by role, each link labelled with interface
// name and addresses. All text is escaped here, so the HTML report can insert the SVG unescaped.
// With a path overlay (path-overlay.ts) it also shows the checks' paths and where they break.

import type { Topology } from '../core/result.js';
import type { PathOverlay } from './path-overlay.js';
import { BAR_H_PX, BOX_H_PX, layoutTopology, type Link, type NetBox, type NodeBox } from './topology-layout.js';
import { drawPaths } from './topology-paths.js';

/** SVG for `topology`, with every piece of text escaped; `overlay` adds the checks' paths and breaks. */
export function topologySvg(topology: Topology, overlay?: PathOverlay): string {
  const layout = layoutTopology(topology);
  const { nets, boxes, links } = layout;
  const paths = overlay === undefined ? null : drawPaths(layout, overlay, esc);
  const width = paths?.width ?? layout.width;
  const height = paths?.height ?? layout.height;
  const map = [
    ...nets.map(drawBar),
    ...(paths?.under ?? []),
    ...links.map((l) => `<path d="${pathData(l)}" fill="none" stroke="#5e6779" stroke-width="2"/>`),
    ...(paths?.middle ?? []),
    ...boxes.map(drawBox),
    ...links.map(drawLabel),
    ...(paths?.over ?? []),
  ];
  const parts = paths === null || paths.legend === '' ? map : [`<g transform="translate(${r(paths.shift)} 0)">`, ...map, '</g>', paths.legend];
  const label = paths === null || paths.legend === '' || overlay === undefined ? 'Lab topology' : overlay.words.mapLabel;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="topology" role="img" aria-label="${esc(label)}"`,
    ` width="${r(width)}" height="${r(height)}" viewBox="0 0 ${r(width)} ${r(height)}"`,
    ` font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">\n`,
    parts.join('\n'),
    '\n</svg>',
  ].join('');
}

function drawBar(n: NetBox): string {
  const subnet = n.subnet === null ? '' : `<tspan font-weight="400" fill="#d8dee9">  ${esc(n.subnet)}</tspan>`;
  return (
    `<rect x="${r(n.x1)}" y="${r(n.y)}" width="${r(n.x2 - n.x1)}" height="${BAR_H_PX}" rx="5" fill="#3b4252"/>` +
    `<text x="${r(n.x1 + 10)}" y="${r(n.y + 16.5)}" font-size="12.5" font-weight="700" fill="#ffffff" xml:space="preserve">` +
    `${esc(n.name)}${subnet}</text>`
  );
}

const ROLE_STYLE: Record<string, { fill: string; stroke: string; rx: number }> = {
  router: { fill: '#fdebd0', stroke: '#c0701a', rx: BOX_H_PX / 2 },
  host: { fill: '#dbe7fb', stroke: '#3867b0', rx: 4 },
  server: { fill: '#d8f1e0', stroke: '#2e7d4a', rx: 4 },
};

function drawBox(b: NodeBox): string {
  const style = ROLE_STYLE[b.node.role] ?? { fill: '#eceff4', stroke: '#616e88', rx: 4 };
  const x = b.cx - b.w / 2;
  const stripes =
    b.node.role === 'server'
      ? [10, 16, 22].map((dy) => `<line x1="${r(x + 7)}" y1="${r(b.y + dy)}" x2="${r(x + 16)}" y2="${r(b.y + dy)}" stroke="${style.stroke}" stroke-width="2"/>`).join('')
      : '';
  return (
    `<g class="topo-node role-${esc(b.node.role)}"><rect x="${r(x)}" y="${r(b.y)}" width="${r(b.w)}" height="${BOX_H_PX}"` +
    ` rx="${style.rx}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="2"/>${stripes}` +
    `<text x="${r(b.cx)}" y="${r(b.y + 19)}" text-anchor="middle" font-size="14" font-weight="700" fill="#1f2430">${esc(b.node.name)}</text>` +
    `<text x="${r(b.cx)}" y="${r(b.y + 35)}" text-anchor="middle" font-size="11" fill="${style.stroke}">${esc(b.node.role)}</text></g>`
  );
}

function pathData(l: Link): string {
  return l.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r(x)} ${r(y)}`).join(' ');
}

function drawLabel(l: Link): string {
  const { x, y, anchor, lines } = l.label;
  const spans = lines
    .map((t, i) => `<tspan x="${r(x)}" y="${r(y + i * 13)}"${i === 0 ? ' font-weight="700"' : ''}>${esc(t)}</tspan>`)
    .join('');
  return (
    `<text font-family="ui-monospace, 'DejaVu Sans Mono', monospace" font-size="11" fill="#2e3440"` +
    ` text-anchor="${anchor}" paint-order="stroke" stroke="#ffffff" stroke-width="3">${spans}</text>`
  );
}

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
const esc = escapeXml;

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}
