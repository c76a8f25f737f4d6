// summary.html: the teacher's overview of a batch (counts, score histograms, each check's pass rate,
// what needs a look, the slowest gradings and similar submissions), self-contained.

import Handlebars from 'handlebars';
import type { Gradebook } from '../../core/batch-entry.js';
import { visibleDeep } from '../../reports/visible-text.js';
import { findSimilar, type Similarity } from './similar.js';
import { SUMMARY_TEMPLATE } from './summary-template.js';
import { buildSummaryView, type SummaryView } from './summary-view.js';
import type { GradebookOptions, GradebookOutput } from './types.js';

const LINK_KEYS: ReadonlySet<string> = new Set(['href']);

let compiled: Handlebars.TemplateDelegate<SummaryView> | undefined;

export function renderSummary(book: Gradebook, similarity: Similarity, generatedAt: string | null = null, lmsNotes: readonly string[] = []): string {
  compiled ??= Handlebars.create().compile<SummaryView>(SUMMARY_TEMPLATE, { strict: true, knownHelpersOnly: true });
  // Links are grade's own paths; every other string may hold a learner's name, note or title.
  return compiled(visibleDeep(buildSummaryView(book, similarity, generatedAt, lmsNotes), LINK_KEYS));
}

export function summaryReporter(book: Gradebook, options: GradebookOptions): GradebookOutput {
  const similarity = findSimilar(book, { baseLines: options.baseLines });
  return { files: [{ path: 'summary.html', content: renderSummary(book, similarity, options.generatedAt ?? null, options.lmsNotes ?? []) }], warnings: [] };
}
