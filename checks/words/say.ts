// How a check words its expected and observed lines: a catalogue sentence, said in English for the
// result's strings, and kept by id and parameters so a report can say it in the learner's language.

import { renderSaid } from '../../core/said.js';
import type { CheckStatus, Evidence, Said, SaidParam } from '../../core/result.js';
import type { CheckOutcome } from '../check-kind.js';
import { CHECK_WORDS, type CheckWordId } from './catalogue.js';

/** One sentence: the English text the result keeps, and what it is in the catalogue. */
export interface Line {
  readonly text: string;
  readonly said: Said;
}

/** The sentence `id` with its parameters (learner data goes in as a string, never as a template). */
export function line(id: CheckWordId, params: Readonly<Record<string, SaidParam | Line | readonly Line[]>> = {}): Line {
  const plain = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, saidOf(v)]));
  const said: Said = { id, params: plain };
  return { text: renderSaid(said, 'en', CHECK_WORDS)!, said };
}

/** A check's outcome from its two lines. */
export function told(status: CheckStatus, expected: Line, observed: Line, evidence: readonly Evidence[]): CheckOutcome {
  return { status, expected: expected.text, observed: observed.text, said: { expected: expected.said, observed: observed.said }, evidence };
}

function saidOf(v: SaidParam | Line | readonly Line[]): SaidParam {
  if (Array.isArray(v)) return (v as readonly (Line | Said)[]).map((x) => ('said' in x ? x.said : x));
  if (typeof v === 'object' && 'said' in v) return (v as Line).said;
  return v as SaidParam;
}

/** Items joined with "or" (a or b or c): one item is itself. */
export function orList(items: readonly string[]): SaidParam | Line {
  if (items.length <= 1) return items[0] ?? '';
  return line('common.or', { first: items[0]!, rest: orList(items.slice(1)) });
}

/** Items joined as English joins them with "and" (a and b and c): one item is itself. */
export function andList(items: readonly string[]): SaidParam | Line {
  if (items.length <= 1) return items[0] ?? '';
  return line('common.and', { first: items[0]!, rest: andList(items.slice(1)) });
}
