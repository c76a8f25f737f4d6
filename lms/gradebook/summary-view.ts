// The prepared view of summary.html: every string and every SVG coordinate the page shows. The
// template (summary-template.ts) only loops and tests presence; Handlebars escapes everything.

import type { BatchEntry, Gradebook, GradebookExercise } from '../../core/batch-entry.js';
import { entryReportDir } from '../../core/batch-entry.js';
import { ENTRY_STATUSES, entryNote, entryStatus, failedChecks, learnersOf, points, type EntryStatus } from './entry-status.js';
import type { Similarity } from './similar.js';

export interface CountView { readonly cls: EntryStatus; readonly label: string; readonly count: number }
export interface BarView {
  readonly x: string; readonly y: string; readonly width: string; readonly height: string;
  readonly count: string; readonly countX: string; readonly countY: string;
  readonly tick: string; readonly tickY: string; readonly title: string;
}
export interface HistogramView { readonly width: number; readonly height: number; readonly baseY: string; readonly plotRight: string; readonly bars: readonly BarView[]; readonly label: string }
export interface RateView {
  readonly id: string; readonly title: string; readonly shortTitle: string; readonly rate: string; readonly detail: string;
  readonly y: string; readonly textY: string; readonly barX: string; readonly width: string; readonly fullWidth: string; readonly rateX: string;
  readonly cls: 'low' | 'mid' | 'high';
}
export interface RateChartView { readonly width: number; readonly height: number; readonly rates: readonly RateView[] }
export interface ExerciseView {
  readonly id: string; readonly title: string; readonly possible: string; readonly graded: string; readonly average: string;
  readonly histogram: HistogramView; readonly checkChart: RateChartView; readonly hasChecks: boolean;
}
export interface EntryLinkView {
  readonly learner: string; readonly name: string; readonly exercise: string; readonly cls: EntryStatus; readonly status: string;
  readonly score: string; readonly detail: string; readonly duration: string; readonly href: string | null;
}
export interface GroupView {
  readonly exercise: string; readonly similarity: string; readonly lines: string;
  readonly learners: readonly { readonly learner: string; readonly href: string }[];
}
export interface SummaryView {
  readonly title: string; readonly learners: string; readonly counts: readonly CountView[];
  readonly exercises: readonly ExerciseView[]; readonly slowest: readonly EntryLinkView[]; readonly problems: readonly EntryLinkView[];
  readonly groups: readonly GroupView[]; readonly similarityRule: string; readonly generator: string; readonly generatedAt: string | null;
  /** What the LMS reporters could not write (unmatched learners, scaling, files for which LMS), for the teacher. */
  readonly lmsNotes: readonly string[];
}

const STATUS_LABEL: Record<EntryStatus, string> = { pass: 'pass', fail: 'fail', error: 'error', invalid: 'invalid' };
const SLOWEST = 10;

export function buildSummaryView(book: Gradebook, similarity: Similarity, generatedAt: string | null, lmsNotes: readonly string[] = []): SummaryView {
  const results = book.entries.flatMap((e) => (e.result ? [e.result] : []));
  const byDuration = book.entries.filter((e) => e.result !== null).sort((a, b) => b.result!.durationMs - a.result!.durationMs);
  return {
    title: `Gradebook: ${book.exercises.map((x) => `${x.id} ${x.title}`).join(', ') || 'no exercises'}`,
    learners: `${learnersOf(book).length} learners, ${book.entries.length} submissions`,
    counts: ENTRY_STATUSES.map((cls) => ({ cls, label: STATUS_LABEL[cls], count: book.entries.filter((e) => entryStatus(e) === cls).length })),
    exercises: book.exercises.map((x) => exerciseView(x, book.entries.filter((e) => e.exercise === x.id))),
    slowest: byDuration.slice(0, SLOWEST).map((e) => entryLink(e, book)),
    problems: book.entries.filter((e) => entryStatus(e) !== 'pass').map((e) => entryLink(e, book)),
    groups: similarity.groups.map((g) => ({
      exercise: g.exercise,
      similarity: `${Math.floor(g.similarity * 100)}%`,
      lines: String(g.lines),
      learners: g.learners.map((learner) => ({ learner, href: reportHref({ learner, exercise: g.exercise }) })),
    })),
    similarityRule:
      `Commands are compared per exercise after dropping comments, sudo, pure inspection (ip a, ping, cat, ...) and every line of the reference solution; ` +
      `submissions that keep at least ${similarity.minLines} lines and share at least ${Math.round(similarity.threshold * 100)}% of them (Jaccard index) are grouped.`,
    generator: results[0] ? `${results[0].tool.name} ${results[0].tool.version}` : 'grade',
    generatedAt,
    lmsNotes,
  };
}

function reportHref(entry: Pick<BatchEntry, 'learner' | 'exercise'>): string {
  // Names keep their letters on disk; the link spells each segment out so '#', '%' or spaces cannot cut it.
  return `./${entryReportDir(entry).split('/').map(encodeURIComponent).join('/')}/report.html`;
}

function entryLink(entry: BatchEntry, book: Gradebook): EntryLinkView {
  const status = entryStatus(entry);
  const possible = book.exercises.find((x) => x.id === entry.exercise)?.possible;
  const failed = entry.result ? failedChecks(entry.result).map((c) => c.title) : [];
  return {
    learner: entry.learner,
    name: entry.displayName ?? '',
    exercise: entry.exercise,
    cls: status,
    status: STATUS_LABEL[status],
    score: entry.result ? `${points(entry.result.score.earned)}/${points(possible ?? entry.result.score.possible)}` : '–',
    detail: entryNote(entry) ?? (failed.length > 0 ? `failed: ${failed.join('; ')}` : 'every check passed'),
    duration: entry.result ? duration(entry.result.durationMs) : '',
    href: entry.result ? reportHref(entry) : null,
  };
}

function exerciseView(exercise: GradebookExercise, entries: readonly BatchEntry[]): ExerciseView {
  const graded = entries.filter((e) => e.result !== null && e.result.status !== 'error').map((e) => e.result!.score.earned);
  const average = graded.length === 0 ? '–' : points(graded.reduce((a, b) => a + b, 0) / graded.length);
  return {
    id: exercise.id,
    title: exercise.title,
    possible: points(exercise.possible),
    graded: String(graded.length),
    average,
    histogram: histogram(graded, exercise.possible),
    checkChart: rateChart(exercise, entries),
    hasChecks: exercise.checks.length > 0,
  };
}

const H = { width: 640, height: 220, left: 40, right: 12, top: 22, bottom: 40 } as const;

/** Score histogram: one bar per whole score up to 20 points, else ten equal ranges. */
export function histogram(scores: readonly number[], possible: number): HistogramView {
  const perPoint = possible <= 20 && Number.isInteger(possible);
  const binCount = perPoint ? possible + 1 : 10;
  const binOf = (s: number) => (perPoint ? Math.min(possible, Math.max(0, Math.round(s))) : Math.min(9, Math.max(0, Math.floor((s / possible) * 10))));
  const counts = new Array<number>(binCount).fill(0);
  for (const s of scores) counts[binOf(s)]!++;
  const max = Math.max(1, ...counts);
  const plotW = H.width - H.left - H.right;
  const plotH = H.height - H.top - H.bottom;
  const slot = plotW / binCount;
  const baseY = H.top + plotH;
  const bars = counts.map((count, i) => {
    const height = (count / max) * plotH;
    const x = H.left + i * slot + slot * 0.1;
    const tick = perPoint ? String(i) : `${points((i * possible) / 10)}–${points(((i + 1) * possible) / 10)}`;
    return {
      x: f(x), y: f(baseY - height), width: f(slot * 0.8), height: f(height),
      count: count > 0 ? String(count) : '', countX: f(x + slot * 0.4), countY: f(baseY - height - 5),
      tick, tickY: f(baseY + 16),
      title: `${count} ${count === 1 ? 'learner' : 'learners'} scored ${tick}${perPoint ? ` point${i === 1 ? '' : 's'}` : ''}`,
    };
  });
  return { width: H.width, height: H.height, baseY: f(baseY), plotRight: f(H.width - H.right), bars, label: `Scores out of ${points(possible)}, ${scores.length} graded` };
}

const R = { width: 640, labelWidth: 300, row: 26, bar: 16, top: 4 } as const;

/** Each check's pass rate among the gradings that decided it (a check the grader could not run is left out). */
export function rateChart(exercise: GradebookExercise, entries: readonly BatchEntry[]): RateChartView {
  const fullWidth = R.width - R.labelWidth - 110;
  const rates = exercise.checks.map((check, i) => {
    const decided = entries.flatMap((e) => e.result?.checks.filter((c) => c.id === check.id && c.status !== 'error') ?? []);
    const passed = decided.filter((c) => c.status === 'pass').length;
    const rate = decided.length === 0 ? 0 : passed / decided.length;
    const y = R.top + i * R.row;
    return {
      id: check.id,
      title: check.title,
      shortTitle: check.title.length > 44 ? `${check.title.slice(0, 43)}…` : check.title,
      rate: decided.length === 0 ? '–' : `${Math.round(rate * 100)}%`,
      detail: `${passed} of ${decided.length}`,
      y: f(y), textY: f(y + R.bar - 3), barX: String(R.labelWidth), width: f(rate * fullWidth), fullWidth: f(fullWidth),
      rateX: f(R.labelWidth + fullWidth + 8),
      cls: rate < 0.5 ? ('low' as const) : rate < 0.8 ? ('mid' as const) : ('high' as const),
    };
  });
  return { width: R.width, height: R.top * 2 + exercise.checks.length * R.row, rates };
}

function f(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
