import { describe, expect, test } from 'vitest';
import { renderSaid, templateParams } from '../../core/said.js';
import { CHECK_WORDS } from './catalogue.js';
import { andList, line } from './say.js';

const HANGUL = /[\uAC00-\uD7A3]/;

describe('the checks catalogue', () => {
  test.each(Object.entries(CHECK_WORDS))('%s: both languages, the same parameters', (id, texts) => {
    expect(id).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(texts.en.trim()).not.toBe('');
    expect(texts.ko.trim()).not.toBe('');
    expect(templateParams(texts.ko)).toEqual(templateParams(texts.en));
  });

  test('every Korean sentence that has words is Korean, not English left over', () => {
    const words = (t: string) => t.replace(/\{\w+\}/g, ' ');
    // A Korean template made of parameters and marks alone (a rule's target and its detail) is fine.
    const english = Object.entries(CHECK_WORDS).filter(([, t]) => /[a-z]{4,}/i.test(words(t.en)) && /\p{L}/u.test(words(t.ko)) && !HANGUL.test(t.ko));
    expect(english.map(([id]) => id)).toEqual([]);
    const leftover = Object.entries(CHECK_WORDS).filter(([, t]) => /\b(?:the|and|not|from|has|have|with|rule|rules|packets|reply|replies|which|but)\b/i.test(words(t.ko)));
    expect(leftover.map(([id]) => id)).toEqual([]);
  });

  test('a line keeps the English text and says the same sentence in Korean from its id and parameters', () => {
    const l = line('reach.forged', { from: 'red', count: 3, what: line('reach.none-reached', { far: 'lan-server' }), to: '192.168.1.3', far: 'lan-server' });
    expect(l.text).toBe('red got 3 replies, but none of its echo requests reached lan-server: something answered for 192.168.1.3 that is not lan-server (an address on red itself, or a relay?)');
    const ko = renderSaid(l.said, 'ko', CHECK_WORDS);
    expect(ko).toContain('에코 요청이 하나도 lan-server에 닿지 않았습니다');
    expect(ko).toContain('192.168.1.3');
    expect(JSON.parse(JSON.stringify(l.said))).toEqual(l.said);
  });

  test('learner data goes in as data: a {name} or a template inside it is never filled again', () => {
    const l = line('common.quoted', { text: '{text} {node} $(reboot)' });
    expect(l.text).toBe('"{text} {node} $(reboot)"');
    expect(renderSaid(l.said, 'ko', CHECK_WORDS)).toBe('"{text} {node} $(reboot)"');
  });

  test('lists: "and" in English, commas in Korean', () => {
    const l = line('bridge.ports-missing', { missing: andList(['eth0', 'eth1', 'eth2']), attached: 'none' });
    expect(l.text).toBe('eth0 and eth1 and eth2 are not attached (attached: none)');
    expect(renderSaid(l.said, 'ko', CHECK_WORDS)).toBe('eth0, eth1, eth2이(가) 브릿지에 붙어 있지 않습니다(붙어 있는 포트: none)');
  });

  test('an id the catalogue does not know is not said at all (the caller keeps its English)', () => {
    expect(renderSaid({ id: 'nope.nothing', params: {} }, 'ko', CHECK_WORDS)).toBeUndefined();
    expect(renderSaid({ id: 'reach.wrong', params: { from: 'a', count: 1, wrong: { id: 'nope.nothing', params: {} } } }, 'ko', CHECK_WORDS)).toBeUndefined();
    expect(renderSaid({ id: 'toString', params: {} }, 'ko', CHECK_WORDS)).toBeUndefined();
  });
});
