import type { CheckResult } from '../core/result.js';
import type { ReportKey } from './messages.js';

// Whose words a check's observation carries. A command check runs a command in the learner's node
// and reports what it printed: the learner controls that node, so it is their word. Every other
// kind reports what grade itself saw from where the learner cannot write (the switch, lab-owned
// nodes, kernel state read from outside the node).

export type ObservedSource = 'learner' | 'grade';

/** 'learner' for what a program in the learner's node printed, 'grade' for grade's own observation. */
export function observedSource(check: Pick<CheckResult, 'kind'>): ObservedSource {
  return check.kind === 'command' ? 'learner' : 'grade';
}

/** The label of a check's observation, "grade observed" or "the learner's command printed": inline, or as a heading. */
export function observedLabelKey(check: Pick<CheckResult, 'kind'>, form: 'inline' | 'heading' = 'inline'): ReportKey {
  const learner = observedSource(check) === 'learner';
  if (form === 'heading') return learner ? 'printed' : 'observed';
  return learner ? 'printedLabel' : 'observedLabel';
}

/** The same label in English, for machine-read reports (JUnit). */
export function observedLabelText(check: Pick<CheckResult, 'kind'>): string {
  return observedSource(check) === 'learner' ? "the learner's command printed" : 'grade observed';
}
