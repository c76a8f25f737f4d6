import { describe, expect, test } from 'vitest';
import { esc, page } from './html.js';

describe('serve html', () => {
  test('learner text is escaped, in markup and in the data the scripts read', () => {
    expect(esc(`<img src=x onerror="alert(1)">'&`)).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;');
    const html = page({ lang: 'en', title: '<t>', nonce: 'n', data: { name: '"><script>alert(1)</script>' }, body: '', scripts: ['a.js'], styles: [] });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<t>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script src="/static/a.js"></script>');
  });
});
