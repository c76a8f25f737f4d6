// The report's map as the HTML view shows it: the topology SVG with the checks' paths drawn on it,
// and the numbered list of where failing checks' packets stop, matching the marks on the map.

import type { CheckResult, Topology } from '../core/result.js';
import { breakItems, pathOverlay, type BreakItem } from './path-overlay.js';
import type { Lang } from '../core/lang.js';
import { topologySvg } from './topology-svg.js';

export interface BreakView extends BreakItem {
  /** "✕ 2" or "? 3", as on the map. */
  readonly mark: string;
  readonly cls: 'stop' | 'unclear';
}

export interface MapView {
  readonly topologySvg: string;
  readonly hasPathBreaks: boolean;
  readonly pathBreaksTitle: string;
  readonly pathBreaks: readonly BreakView[];
}

export function mapView(topology: Topology, checks: readonly CheckResult[], lang: Lang = 'en'): MapView {
  const overlay = pathOverlay(checks, lang);
  const breaks = breakItems(overlay).map((b) => ({
    ...b,
    mark: `${b.kind === 'unknown' ? '?' : '✕'} ${b.number}`,
    cls: b.kind === 'unknown' ? ('unclear' as const) : ('stop' as const),
  }));
  return { topologySvg: topologySvg(topology, overlay), hasPathBreaks: breaks.length > 0, pathBreaksTitle: overlay.words.listTitle, pathBreaks: breaks };
}
