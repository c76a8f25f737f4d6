// How many terminal columns a text takes: Hangul and other East Asian wide characters take two, so
// Korean titles line up and wrap at the same width as English ones.

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** `text` padded with spaces on the right to `width` columns (String.padEnd, counted in columns). */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}

/** `text` cut to at most `width` columns. */
export function sliceColumns(text: string, width: number): string {
  let out = '';
  let n = 0;
  for (const ch of text) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (n + w > width) break;
    out += ch;
    n += w;
  }
  return out;
}
