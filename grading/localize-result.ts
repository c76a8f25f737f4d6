// The result in the learner's language, made once before any reporter sees it: the exercise's and
// the checks' own texts (title, summary, hints) from the exercise's translation, and `lang`, which
// tells the reporters which fixed words to use. Ids, evidence and what the checks observed stay as
// the machine said them.

import type { Exercise } from '../core/exercise.js';
import type { Lang } from '../core/lang.js';
import type { GradeResult } from '../core/result.js';

export function localizeResult(result: GradeResult, exercise: Exercise, lang: Lang): GradeResult {
  const texts = lang === 'ko' ? exercise.texts?.ko : undefined;
  if (!texts) return { ...result, lang };
  return {
    ...result,
    lang,
    exercise: { ...result.exercise, title: texts.title, summary: texts.summary },
    checks: result.checks.map((check) => {
      const own = texts.checks[check.id];
      if (!own) return check;
      return { ...check, title: own.title, ...(check.hint !== undefined && own.hint !== undefined ? { hint: own.hint } : {}) };
    }),
  };
}
