import { describe, expect, test } from 'vitest';
import { UserError } from './errors.js';
import { renderTemplate } from './render-template.js';

const values = { lan: '192.168.7.0/24', gw: 254, hostA: 10, wan: '10.1.2.0/23' };
const render = (text: string) => renderTemplate(text, values, 'ex99/exercise.yaml');
const errorOf = (text: string): string => {
  try {
    render(text);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('rendered without an error');
};

describe('renderTemplate', () => {
  test('params and the helpers: a subnet, an address in it, its network address and mask', () => {
    expect(render('{{lan}} via {{addr lan gw}} from {{addr lan hostA}}')).toBe('192.168.7.0/24 via 192.168.7.254 from 192.168.7.10');
    expect(render('route add -net {{net wan}} netmask {{mask wan}} gw {{addr wan 300}}')).toBe('route add -net 10.1.2.0 netmask 255.255.254.0 gw 10.1.3.44');
  });

  test('the check-time placeholders stay as written, for the checks to fill in', () => {
    const text = 'expect: "{{token}} {{nonce}} from {{port}}"\nhost {{addr lan gw}}';
    expect(render(text)).toBe('expect: "{{token}} {{nonce}} from {{port}}"\nhost 192.168.7.254');
  });

  test('text without templates, shell and YAML syntax included, comes back unchanged; \\{{ is a literal {{', () => {
    const text = 'for i in $(seq 3); do echo "${i}" | awk \'{print $1}\'; done\nkey: { a: 1 } & <b> "q"\n';
    expect(render(text)).toBe(text);
    expect(render('\\{{lan}} is {{lan}}')).toBe('{{lan}} is 192.168.7.0/24');
  });

  test('strict: a misspelt param is an error naming the file, the line and the params, never an empty string', () => {
    expect(errorOf('first\n  to: {{addr lann gw}}')).toBe(
      'ex99/exercise.yaml:2: {{lann}} is not a param of this exercise (its params are lan, gw, hostA, wan; helpers: addr, net, mask).',
    );
    expect(errorOf('{{hosta}}')).toMatch(/^ex99\/exercise\.yaml:1: \{\{hosta\}\} is not a param/);
    expect(errorOf('{{adr lan 1}}')).toMatch(/^ex99\/exercise\.yaml:1: \{\{adr\}\} is not a param/);
  });

  test('a helper used wrongly, or a broken template, says what to write', () => {
    expect(errorOf('a\nb {{addr lan}}')).toBe('ex99/exercise.yaml:2: {{addr}} takes 2 values, like {{addr lan 10}}.');
    expect(errorOf('{{addr gw 1}}')).toBe('ex99/exercise.yaml:1: {{addr}} needs a subnet param first, not 254.');
    expect(errorOf('{{addr lan 256}}')).toBe('ex99/exercise.yaml:1: {{addr}}: 256 is not a host number inside 192.168.7.0/24.');
    expect(errorOf('x\ny {{#if}}')).toMatch(/^ex99\/exercise\.yaml:2: this \{\{ \.\.\. \}\} is not a valid template/);
  });
});
