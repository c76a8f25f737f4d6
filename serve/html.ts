// HTML built from escaped parts: every value that is not markup goes through `esc`.

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A page: the scripts load from /static only (the CSP admits nothing else); `data` reaches them as escaped JSON in a meta tag. */
export function page(p: { lang: string; title: string; nonce: string; data: unknown; body: string; scripts: readonly string[]; styles: readonly string[] }): string {
  return [
    '<!doctype html>',
    `<html lang="${esc(p.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(p.title)}</title>`,
    `<meta name="grade-nonce" content="${esc(p.nonce)}">`,
    `<meta name="grade-data" content="${esc(JSON.stringify(p.data))}">`,
    ...p.styles.map((s) => `<link rel="stylesheet" href="/static/${esc(s)}">`),
    '</head><body>',
    p.body,
    ...p.scripts.map((s) => `<script src="/static/${esc(s)}"></script>`),
    '</body></html>',
  ].join('\n');
}

/** Links to each served exercise's page (none when the server serves one); the current one is not a link. */
export function exerciseNav(ids: readonly string[], path: string, current: string): string {
  if (ids.length < 2) return '';
  const links = ids.map((id) => (id === current ? `<strong>${esc(id)}</strong>` : `<a href="${esc(path)}?ex=${esc(encodeURIComponent(id))}">${esc(id)}</a>`));
  return `<nav id="exercises">${links.join(' ')}</nav>`;
}
