// The languages learner-facing text comes in, and how one is chosen: `--lang`, else the locale.

import { UserError } from './errors.js';

export type Lang = 'en' | 'ko';

export const LANGS: readonly Lang[] = ['en', 'ko'];

/** One fixed text of a catalog, in every language; the type makes a missing translation a compile error. */
export type Texts = { readonly [L in Lang]: string };

/** `--lang ko` -> 'ko'; anything else is a usage mistake told in one sentence. */
export function parseLang(value: string): Lang {
  const lang = value.trim().toLowerCase();
  if ((LANGS as readonly string[]).includes(lang)) return lang as Lang;
  throw new UserError(`--lang takes ${LANGS.join(' or ')}, not "${value}".`);
}

/**
 * The language the locale asks for: the first of LC_ALL, LC_MESSAGES and LANG that is set decides, as
 * POSIX orders them (LC_ALL=C over LANG=ko_KR.UTF-8 is English). Korean for ko, ko_KR.UTF-8, ko-KR; English otherwise.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^ko(?:[_.@-]|$)/i.test(locale) ? 'ko' : 'en';
}

/** A catalog text in `lang`, with each `{name}` replaced by vars[name] (an unknown name stays as written). */
export function say(texts: Texts, lang: Lang, vars: Readonly<Record<string, string | number>> = {}): string {
  return texts[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}
