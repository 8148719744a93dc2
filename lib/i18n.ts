/**
 * t() / tn(): the one way user-facing text is looked up, in the popup, the options page and the
 * hover card. Strings live in public/_locales/<lang>/messages.json; the browser's i18n API answers
 * (it falls back to the default locale, English, by itself).
 *
 * Unit tests have no i18n API: there the bundled English file answers. It is imported only for
 * Vite's test mode, so production bundles (popup, content script) carry no copy of it — the
 * `MODE === 'test'` branch is folded away at build time and the JSON with it.
 */
import en from '../public/_locales/en/messages.json';
import { englishDate, englishList, englishNumber, englishPlural, englishStyle } from './i18n-english';

export type Entry = { message: string; placeholders?: Record<string, { content: string }> };
type Messages = Record<string, Entry>;
export type MessageKey = keyof typeof en;

/** Keys that have plural forms, as `<base>_one`, `<base>_other` (and any other CLDR category). */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}_other` ? B : never }[MessageKey];

type I18nApi = { getMessage(name: string, substitutions?: string[]): string; getUILanguage?(): string };

let bundled: Messages | null = import.meta.env?.MODE === 'test' ? (en as Messages) : null;

/**
 * Node has no i18n API: the CLI hands its catalogue over here (lib/cli/format.ts), so text built
 * with t() deep in shared code (coverage titles) comes out in English there, not as keys.
 */
export function useMessages(messages: Record<string, Entry>): void {
  bundled = messages;
}

function api(): I18nApi | null {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  try {
    return g.browser?.i18n ?? g.chrome?.i18n ?? null;
  } catch {
    return null;
  }
}

/** The same substitution rules as chrome.i18n: $NAME$ → its placeholder's content, $1…$9 → subs. */
function fromBundled(key: string, subs: string[]): string {
  const entry = bundled?.[key];
  return entry ? fillMessage(entry, subs) : key;
}

/**
 * One catalogue entry with its substitutions, by chrome.i18n's rules. Exported for Node (the CLI
 * words reports from the English catalogue with it), where there is no i18n API.
 */
export function fillMessage(entry: Entry, subs: string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? ph.content : all;
  });
  return named.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}

export function t(key: MessageKey, subs: string | number | (string | number)[] = []): string {
  const list = (Array.isArray(subs) ? subs : [subs]).map(String);
  try {
    const message = api()?.getMessage(key, list);
    if (message) return message;
  } catch {
    // No i18n API here (unit tests, a torn-down context): the bundled English, if any.
  }
  return fromBundled(key, list);
}

/** The reader's UI language (for plural rules and number/date formats). */
export function uiLanguage(): string | undefined {
  try {
    return api()?.getUILanguage?.() || undefined;
  } catch {
    return undefined;
  }
}

let rules: Intl.PluralRules | null = null;
let numbers: Intl.NumberFormat | null = null;
let lists: Intl.ListFormat | null = null;

/** "A, B and C" in the reader's language. */
export function formatList(items: string[]): string {
  // English by hand (lib/i18n-english.ts): no Intl locale data for the worker to load (#8).
  const english = englishStyle(uiLanguage());
  if (english) return englishList(english, items);
  lists ??= new Intl.ListFormat(uiLanguage(), { type: 'conjunction' });
  return lists.format(items);
}

/** A number in the reader's locale ("1,204"). */
export function formatCount(n: number): string {
  const english = englishStyle(uiLanguage()) ? englishNumber(n, 3) : null;
  if (english !== null) return english;
  numbers ??= new Intl.NumberFormat(uiLanguage());
  return numbers.format(n);
}

/**
 * Plural-aware lookup: `<base>_<category>` for the UI language's plural category of `n`
 * (Intl.PluralRules: one, few, many, other…), falling back to `<base>_other`. $1 is the count in
 * the reader's number format; further substitutions follow as $2…
 */
export function tn(base: PluralBase, n: number, more: (string | number)[] = []): string {
  const category = englishStyle(uiLanguage()) ? englishPlural(n) : (rules ??= new Intl.PluralRules(uiLanguage())).select(n);
  const subs = [formatCount(n), ...more];
  const exact = n === 0 ? `${base}_zero` : null; // a phrasing for none, where a message has one
  for (const key of [exact, `${base}_${category}`, `${base}_other`]) {
    if (!key) continue;
    const s = t(key as MessageKey, subs);
    if (s && s !== key) return s;
  }
  return base;
}

/**
 * The language and direction of the messages actually shown — from the messages file itself
 * (uiLocale / uiDirection), since the browser falls back to English for languages without a
 * translation and the UI language would then name the wrong one.
 */
export function messagesLocale(): { lang: string; dir: 'ltr' | 'rtl' } {
  const lang = t('uiLocale').replace('_', '-');
  return { lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang) ? lang : 'en', dir: t('uiDirection') === 'rtl' ? 'rtl' : 'ltr' };
}

/** lang= and dir= on an extension page's root, as the messages say. */
export function applyMessagesLocale(root: HTMLElement): void {
  const { lang, dir } = messagesLocale();
  root.setAttribute('lang', lang);
  root.setAttribute('dir', dir);
}

/**
 * The locale for dates, numbers and country names inside the catalogue's sentences: the
 * catalogue's own `formatLocale`, so they match the words around them (English reads
 * "7 May 2012" in every browser and in the CLI, not a mix of English words and another
 * language's dates when the UI language has no translation yet).
 */
export function textLocale(): string {
  const l = t('formatLocale');
  const own = /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(l) && l !== 'formatLocale' ? l : 'en-GB';
  // Same language as the browser (an American reading the English catalogue): the browser's own
  // regional format, so "May 7, 2012" in a role line matches "Apr 29, 2025" in the date lines.
  const ui = uiLanguage();
  return ui && ui.split('-')[0]!.toLowerCase() === own.split('-')[0]!.toLowerCase() ? ui : own;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * One formatter per locale and shape, made once: each Date.toLocaleDateString(locale, options)
 * call builds a new Intl.DateTimeFormat (~0.5 ms in the popup, #8). `undefined`: the browser's locale.
 */
export function dateFormat(locale: string | undefined, withDay: boolean, month: 'long' | 'short', withYear = true): Intl.DateTimeFormat {
  const key = `${locale}|${withDay}|${month}|${withYear}`;
  let f = dateFormats.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { ...(withYear ? { year: 'numeric' } : {}), month, timeZone: 'UTC', ...(withDay ? { day: 'numeric' } : {}) };
    try { f = new Intl.DateTimeFormat(locale, opts); } catch { f = new Intl.DateTimeFormat('en-GB', opts); }
    dateFormats.set(key, f);
  }
  return f;
}

/**
 * A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) for a sentence: "2012", "May 2012", "7 May 2012".
 * `precision: 'month'` drops the day even when there is one.
 */
export function formatTextDate(iso: string, precision: 'day' | 'month' = 'day', month: 'long' | 'short' = 'long'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const mon = Number(m[2] ?? 0);
  if (!(mon >= 1 && mon <= 12)) return m[1]!;
  const day = precision === 'day' ? Number(m[3] ?? 0) : 0;
  const locale = textLocale();
  const english = englishStyle(locale);
  const written = english ? englishDate(english, Number(m[1]), mon, day, month) : null;
  if (written !== null) return written;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), mon - 1, day || 1); // not Date.UTC: it maps years 0–99 to 1900–1999
  return dateFormat(locale, day > 0, month).format(d);
}

const textNumbers = new Map<string, Intl.NumberFormat>();
/** A number inside a catalogue sentence, in textLocale() ("2.8", "12,000"). */
export function formatTextNumber(n: number, maxFraction = 0): string {
  const locale = textLocale();
  const english = englishStyle(locale) ? englishNumber(n, maxFraction) : null;
  if (english !== null) return english;
  const key = `${locale}|${maxFraction}`;
  let f = textNumbers.get(key);
  if (!f) textNumbers.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFraction })));
  return f.format(n);
}
