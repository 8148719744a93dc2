/**
 * English dates, numbers, lists and plural categories written out by hand, exactly as Intl gives
 * them for `en`, `en-US` and `en-GB` (the catalogue's own locale and the commonest reader's).
 * Why (issue #8): the first Intl formatter, collator or display-names object in a fresh worker
 * loads ICU's locale data, 10–30 ms of the worker's time on the first article after every worker
 * start (a card's role dates, population, coverage ages and source lists), whichever Intl object
 * comes first. lib/i18n.ts asks here first and falls back to Intl for every other locale and for
 * anything these do not cover (they return null then). test/i18n-english.test.ts holds them to Intl.
 */

/** The two English conventions Intl distinguishes in what we format. */
export type EnglishStyle = 'us' | 'gb';

/** `en` and `en-US` write "May 7, 2012" and "A, B, and C"; `en-GB` "7 May 2012" and "A, B and C". */
export function englishStyle(locale: string | undefined): EnglishStyle | null {
  if (!locale) return null;
  const l = locale.toLowerCase();
  return l === 'en' || l === 'en-us' ? 'us' : l === 'en-gb' ? 'gb' : null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Abbreviated months; en-GB writes "Sept" (CLDR), en-US "Sep". */
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days in a month of the proleptic Gregorian calendar (JavaScript's Date). */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Intl.DateTimeFormat(locale, { year: 'numeric', month, day?: 'numeric', timeZone: 'UTC' }) for a
 * year 1–9999, month 1–12 and a day of that month (0: no day). Null otherwise: year 0 is 1 BC, and
 * the caller's Date rolls "April 31" over into May.
 */
export function englishDate(style: EnglishStyle, year: number, month: number, day: number, form: 'long' | 'short'): string | null {
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 0 && day <= daysIn(year, month))) return null;
  const name = form === 'long' ? MONTHS[month - 1]! : style === 'gb' && month === 9 ? 'Sept' : SHORT[month - 1]!;
  if (!day) return `${name} ${year}`;
  return style === 'gb' ? `${day} ${name} ${year}` : `${name} ${day}, ${year}`;
}

/**
 * Intl.NumberFormat(en, { maximumFractionDigits }) for a finite number ≥ 0 below 10^21. ICU rounds
 * the number's shortest decimal form (String(n): 2031921.15 → "2,031,921.2", where toFixed rounds
 * the binary value down), half away from zero; trailing zeros dropped, groups of three digits with
 * commas. Null for anything else (negative, huge, NaN, or written with an exponent).
 */
export function englishNumber(n: number, maxFraction: number): string | null {
  if (!(n >= 0 && n < 1e21) || !Number.isInteger(maxFraction) || maxFraction < 0 || maxFraction > 20) return null;
  const decimal = String(n);
  if (decimal.includes('e')) return null;
  const dot = decimal.indexOf('.');
  let whole = dot < 0 ? decimal : decimal.slice(0, dot);
  let fraction = dot < 0 ? '' : decimal.slice(dot + 1);
  if (fraction.length > maxFraction) {
    const up = fraction.charCodeAt(maxFraction) >= 53; // '5'
    fraction = fraction.slice(0, maxFraction);
    if (up) {
      // Add one unit of the last kept place to the digits whole + fraction, carrying leftwards.
      const digits = (whole + fraction).split('');
      let i = digits.length - 1;
      for (; i >= 0 && digits[i] === '9'; i--) digits[i] = '0';
      if (i < 0) digits.unshift('1');
      else digits[i] = String(Number(digits[i]) + 1);
      whole = digits.slice(0, digits.length - maxFraction).join('');
      fraction = digits.slice(digits.length - maxFraction).join('');
    }
  }
  fraction = fraction.replace(/0+$/, '');
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3) grouped = whole.slice(Math.max(0, end - 3), end) + (grouped ? ',' + grouped : '');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Intl.ListFormat(en, { type: 'conjunction' }): "A", "A and B", "A, B, and C" (en-GB without the last comma). */
export function englishList(style: EnglishStyle, items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}${style === 'us' ? ',' : ''} and ${items[items.length - 1]}`;
}

/** Intl.PluralRules(en).select: "one" for exactly 1 (or -1), "other" for everything else. */
export function englishPlural(n: number): 'one' | 'other' {
  return n === 1 || n === -1 ? 'one' : 'other';
}
