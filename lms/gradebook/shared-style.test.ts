import { describe, expect, test } from 'vitest';
import { BASE_STYLE } from '../../reports/html/base-style.js';
import { REPORT_TEMPLATE } from '../../reports/html/report-template.js';
import { SUMMARY_TEMPLATE } from './summary-template.js';

const defined = new Set([...BASE_STYLE.matchAll(/(--[a-z-]+):/g)].map((m) => m[1]));

describe('the stylesheet the report and summary.html share', () => {
  test.each([
    ['report.html', REPORT_TEMPLATE],
    ['summary.html', SUMMARY_TEMPLATE],
  ])('%s carries it once, first in its one <style>, and uses no colour it leaves undefined', (_name, page) => {
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(styles[0]!.startsWith(BASE_STYLE)).toBe(true);
    expect(styles[0]!.indexOf(BASE_STYLE, 1)).toBe(-1);
    const used = [...styles[0]!.matchAll(/var\((--[a-z-]+)\)/g)].map((m) => m[1]);
    expect(used.filter((v) => !defined.has(v))).toEqual([]);
  });
});
