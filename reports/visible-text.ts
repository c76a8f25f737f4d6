// Learner-controlled text (command text, output, file and learner names) as every report shows it:
// control characters, escape sequences, bidi overrides and invisible format characters written out
// visibly (`\x1b`, `\u202e`), so no terminal, browser, Markdown viewer or spreadsheet interprets them.

// C0/C1 controls and DEL, format characters (bidi, zero-width, BOM, tags), line/paragraph separators, lone surrogates.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function spelled(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (ch === '\r') return '\\r';
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/** Text that may span lines: keeps line feeds and tabs, writes every other hidden character out visibly. */
export function visibleText(text: string): string {
  return text.replace(HIDDEN, (ch) => (ch === '\n' || ch === '\t' ? ch : spelled(ch)));
}

/** Text that must stay on one line (names, ids, table cells): line feeds and tabs written out too. */
export function visibleLine(text: string): string {
  return text.replace(HIDDEN, (ch) => (ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : spelled(ch)));
}

/** A copy of a plain data value (a GradeResult, a view) with every string in it made visible, except under `keep` keys (links). */
export function visibleDeep<T>(value: T, keep: ReadonlySet<string> = NO_KEYS): T {
  if (typeof value === 'string') return visibleText(value) as T;
  if (Array.isArray(value)) return value.map((v) => visibleDeep(v, keep)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = keep.has(key) ? v : visibleDeep(v, keep);
    return out as T;
  }
  return value;
}

const NO_KEYS: ReadonlySet<string> = new Set();
