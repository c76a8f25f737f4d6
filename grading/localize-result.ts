// The result in the learner's language, made once before any reporter sees it: the exercise's and
// the checks' own texts (title, summary, hints) from the exercise's translation, the checks' expected
// and observed lines from their catalogue sentences (said), and `lang`, which tells the reporters
// which fixed words to use. Ids, evidence and the data inside the sentences stay as the machine said them.

import type { Exercise } from '../core/exercise.js';
import type { Lang } from '../core/lang.js';
import type { CheckResult, GradeResult } from '../core/result.js';
import { renderSaid } from '../core/said.js';
import { RESULT_WORDS } from './words.js';

export function localizeResult(result: GradeResult, exercise: Exercise, lang: Lang): GradeResult {
  if (lang === 'en') return { ...result, lang };
  const texts = exercise.texts?.ko;
  return {
    ...result,
    lang,
    ...(texts ? { exercise: { ...result.exercise, title: texts.title, summary: texts.summary } } : {}),
    checks: result.checks.map((check) => {
      const own = texts?.checks[check.id];
      const titled = own ? { ...check, title: own.title, ...(check.hint !== undefined && own.hint !== undefined ? { hint: own.hint } : {}) } : check;
      return saidIn(titled, lang);
    }),
  };
}

/** expected, observed, the causes' observations and the broken hop's reason in `lang`, where the check said them from the catalogue. */
function saidIn(check: CheckResult, lang: Lang): CheckResult {
  const said = check.said;
  // A check that could not run expected what its title says: the title already in `lang`.
  const expected = said?.expected?.id === 'grading.title' ? check.title : said?.expected && renderSaid(said.expected, lang, RESULT_WORDS);
  const observed = said?.observed && renderSaid(said.observed, lang, RESULT_WORDS);
  const causes = check.causes?.map((c) => {
    const text = c.said && renderSaid(c.said, lang, RESULT_WORDS);
    return text === undefined ? c : { ...c, observed: text };
  });
  const reason = check.brokenHop?.said && renderSaid(check.brokenHop.said, lang, RESULT_WORDS);
  const brokenHop = reason !== undefined && check.brokenHop ? { brokenHop: { ...check.brokenHop, reason } } : {};
  return { ...check, ...(expected !== undefined ? { expected } : {}), ...(observed !== undefined ? { observed } : {}), ...(causes ? { causes } : {}), ...brokenHop };
}
