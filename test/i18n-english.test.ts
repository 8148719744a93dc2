/**
 * English formatting by hand (lib/i18n-english.ts, issue #8) against Intl itself: the same text
 * for every date, number, list and plural lib/i18n.ts hands it, and no Intl object built for an
 * English locale (the first one loads ICU's locale data in a fresh worker).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishDate, englishList, englishNumber, englishPlural, englishStyle } from '../lib/i18n-english';
import { mulberry32 } from '../lib/seeded-random';

const LOCALES = ['en', 'en-US', 'en-GB'] as const;

describe('English formatting, as Intl does it', () => {
  it('dates: long and short months, with and without the day, any year 1–9999', () => {
    const rand = mulberry32(12);
    const cases: [number, number, number][] = [[2012, 9, 7], [2024, 2, 29], [1, 1, 1], [9999, 12, 31], [5, 6, 0], [2000, 2, 29]];
    for (let i = 0; i < 300; i++) cases.push([1 + Math.floor(rand() * 9999), 1 + Math.floor(rand() * 12), Math.floor(rand() * 29)]);
    for (const locale of LOCALES) {
      const style = englishStyle(locale)!;
      for (const form of ['long', 'short'] as const) {
        const withDay = new Intl.DateTimeFormat(locale, { year: 'numeric', month: form, day: 'numeric', timeZone: 'UTC' });
        const noDay = new Intl.DateTimeFormat(locale, { year: 'numeric', month: form, timeZone: 'UTC' });
        for (const [y, m, d] of cases) {
          const date = new Date(0);
          date.setUTCFullYear(y, m - 1, d || 1);
          expect(englishDate(style, y, m, d, form), `${locale} ${form} ${y}-${m}-${d}`).toBe((d ? withDay : noDay).format(date));
        }
      }
      // Days a month lacks roll over in Date: left to Intl.
      expect(englishDate(style, 2023, 2, 29, 'long')).toBeNull();
      expect(englishDate(style, 2012, 4, 31, 'long')).toBeNull();
      expect(englishDate(style, 0, 4, 1, 'long')).toBeNull();
    }
  });

  it('numbers: rounding ties away from zero, trailing zeros dropped, thousands grouped', () => {
    const rand = mulberry32(5);
    const values = [0, 0.5, 1.5, 2.5, 1.005, 999.95, 999.5, 9.96, 99.999, 1000, 12_345.678, 1e20, 123_456_789.0125, 0.0004, 2_031_921.15];
    for (let i = 0; i < 300; i++) values.push(Math.floor(rand() * 10 ** Math.floor(rand() * 12)) / 10 ** Math.floor(rand() * 4));
    for (const locale of LOCALES) {
      for (const max of [0, 1, 3]) {
        const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: max });
        for (const n of values) expect(englishNumber(n, max), `${locale} ${max} ${n}`).toBe(intl.format(n));
      }
    }
    for (const n of [-1, NaN, Infinity, 1e21, 1e-7]) expect(englishNumber(n, 0)).toBeNull();
  });

  it('lists and plural categories', () => {
    const items = ['Reuters', 'AP', 'BBC', 'The Guardian', 'NPR'];
    for (const locale of LOCALES) {
      const intl = new Intl.ListFormat(locale, { type: 'conjunction' });
      for (let k = 0; k <= items.length; k++) expect(englishList(englishStyle(locale)!, items.slice(0, k))).toBe(intl.format(items.slice(0, k)));
      const rules = new Intl.PluralRules(locale);
      for (const n of [-2, -1, 0, 1, 1.5, 2, 11, 21, 101]) expect(englishPlural(n)).toBe(rules.select(n));
    }
    expect(englishStyle('en-AU')).toBeNull();
    expect(englishStyle('de')).toBeNull();
  });
});

describe('lib/i18n.ts in English builds no Intl object', () => {
  const real = { DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat, ListFormat: Intl.ListFormat, PluralRules: Intl.PluralRules };
  afterEach(() => {
    Object.assign(Intl, real);
    vi.unstubAllGlobals();
  });

  it.each(['en-US', 'en-GB'])('UI language %s', async (ui) => {
    vi.resetModules(); // a fresh module: no formatter cached by an earlier case
    const { formatCount, formatList, formatTextDate, formatTextNumber, tn } = await import('../lib/i18n');
    const i18n = (language: string) => ({ i18n: { getMessage: () => '', getUILanguage: () => language } });
    vi.stubGlobal('browser', i18n(ui));
    vi.stubGlobal('chrome', i18n(ui));
    const built: string[] = [];
    for (const [name, Real] of Object.entries(real)) {
      (Intl as unknown as Record<string, unknown>)[name] = class extends (Real as new (...a: unknown[]) => object) {
        constructor(...args: unknown[]) {
          super(...args);
          built.push(name);
        }
      };
    }
    const us = ui === 'en-US';
    expect(formatTextDate('2025-01-20')).toBe(us ? 'January 20, 2025' : '20 January 2025');
    expect(formatTextDate('2017-09', 'month', 'short')).toBe(us ? 'Sep 2017' : 'Sept 2017');
    expect(formatTextNumber(1_234_567)).toBe('1,234,567');
    expect(formatTextNumber(2.75, 1)).toBe('2.8');
    expect(formatCount(12_000)).toBe('12,000');
    expect(formatList(['Reuters', 'AP', 'BBC'])).toBe(us ? 'Reuters, AP, and BBC' : 'Reuters, AP and BBC');
    expect(tn('cardMentions', 1)).not.toBe(tn('cardMentions', 2));
    expect(built).toEqual([]);
    // Another English (and any other language) still goes through Intl.
    vi.stubGlobal('browser', i18n('en-AU'));
    expect(formatList(['A', 'B', 'C'])).toBe('A, B and C');
    expect(built).toEqual(['ListFormat']);
  });
});
