// Say a catalogue sentence (a Said) in a language: its template, each `{name}` replaced once by its
// parameter. Data goes in as data: the replacement is never scanned again, so a `{name}` inside learner
// text stays as written. Sentences inside a parameter are said in the same language.

import type { Lang, Texts } from './lang.js';
import type { Said, SaidParam } from './result.js';

/** The templates of every catalogue a result may name, by id. */
export type Catalogue = Readonly<Record<string, Texts>>;

/** How a list of sentences inside a parameter is joined, in each language. */
const LIST_JOIN: Texts = { en: '; ', ko: '; ' };

/** The sentence in `lang`; undefined when the catalogue does not know an id in it (the caller keeps its English). */
export function renderSaid(said: Said, lang: Lang, catalogue: Catalogue): string | undefined {
  const texts = Object.hasOwn(catalogue, said.id) ? catalogue[said.id] : undefined;
  if (!texts) return undefined;
  let unknown = false;
  const text = texts[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(said.params, name)) return whole;
    const value = paramText(said.params[name]!, lang, catalogue);
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : text;
}

function paramText(param: SaidParam, lang: Lang, catalogue: Catalogue): string | undefined {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  if (Array.isArray(param)) {
    const parts = (param as readonly Said[]).map((s) => renderSaid(s, lang, catalogue));
    return parts.some((p) => p === undefined) ? undefined : parts.join(LIST_JOIN[lang]);
  }
  return renderSaid(param as Said, lang, catalogue);
}

/** The `{name}`s a template names, sorted: both languages of a sentence must name the same. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}
