/** Hover card text (from _locales, plural-aware), its concise earlier items, and the page-derived theme. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { cardModel, pageTheme, parseColor, renderCard } from '../lib/page/card';
import { messagesLocale, t, tn } from '../lib/i18n';
import type { EntityCoverageHit, LinkedEntity } from '../lib/report';
import en from '../public/_locales/en/messages.json';

const hit = (i: number, over: Partial<EntityCoverageHit> = {}): EntityCoverageHit => ({
  id: `c${i}`, title: `Item ${i}`, date: '2024-03-0' + ((i % 9) + 1), source: 'Reuters', url: `https://example.org/${i}`,
  why: `why ${i}`, ...over,
});

const entity = (over: Partial<LinkedEntity> = {}): LinkedEntity => ({
  id: 'Q1', name: 'Ada Example', type: 'person', description: 'Mathematician', url: 'https://www.wikidata.org/wiki/Q1',
  mentions: [{ paragraph: 0, start: 0, end: 3, text: 'Ada' }], coverage: [], ...over,
}) as LinkedEntity;

describe('i18n helper', () => {
  it('every message has text and every $NAME$ has a placeholder', () => {
    for (const [key, entry] of Object.entries(en as Record<string, { message: string; placeholders?: Record<string, unknown> }>)) {
      expect(entry.message.length, key).toBeGreaterThan(0);
      expect(key, 'Chrome message names are [A-Za-z0-9_]').toMatch(/^[A-Za-z0-9_]+$/);
      for (const m of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) expect(entry.placeholders?.[m[1]!.toLowerCase()], `${key}: $${m[1]}$`).toBeTruthy();
    }
  });

  it('plural forms: one and other, counts in the number format', () => {
    expect(tn('cardMentions', 1)).toBe('Mentioned once here');
    expect(tn('cardMentions', 4)).toBe('Mentioned 4 times here');
    expect(tn('cardMentions', 1204)).toBe('Mentioned 1,204 times here');
    expect(tn('historyCount', 1)).toBe('1 article remembered');
    expect(tn('historyCount', 0)).toBe('0 articles remembered');
  });

  it('placeholders are substituted', () => {
    expect(t('cardLearnMoreLabel', 'Ada Example')).toBe('Learn more about Ada Example (opens in a new tab)');
    expect(t('describeCapital', 'Ukraine')).toBe('Capital of Ukraine');
  });
});

describe('messages locale', () => {
  afterEach(() => void vi.unstubAllGlobals());

  it('English by default; the card carries lang and dir so the page\'s own do not apply', () => {
    expect(messagesLocale()).toEqual({ lang: 'en', dir: 'ltr' });
    const { document } = parseHTML('<!doctype html><html lang="ar" dir="rtl"><body></body></html>');
    const card = renderCard(document as unknown as Document, cardModel(entity()));
    expect(card.getAttribute('lang')).toBe('en');
    expect(card.getAttribute('dir')).toBe('ltr');
  });

  it('a right-to-left translation: dir="rtl" and its language code', () => {
    const table: Record<string, string> = { uiLocale: 'ar', uiDirection: 'rtl', cardTypePerson: 'شخص' };
    vi.stubGlobal('browser', { i18n: { getMessage: (k: string) => table[k] ?? '' } });
    expect(messagesLocale()).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(t('cardTypePerson')).toBe('شخص');
    expect(t('cardLearnMore'), 'untranslated keys still answer in English').toBe('Learn more');
  });
});

describe('card text', () => {
  it('type, mention count and link label come from the messages', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const card = renderCard(document as unknown as Document, cardModel(entity({ type: 'organization', name: 'Acme' })));
    expect(card.querySelector('[data-testid="card-type"]')!.textContent).toBe('Organisation');
    expect(card.querySelector('.count')!.textContent).toBe('Mentioned once here');
    expect(card.querySelector('a.more')!.getAttribute('aria-label')).toBe('Learn more about Acme (opens in a new tab)');
    expect(card.getAttribute('data-theme')).toBe('light');
  });

  it('earlier items: three, each "date · source" over a clamped title, the whole in the tooltip; the rest counted', () => {
    const long = 'A very long headline about talks that went on and on, with every participant named and every detail of the venue described at length';
    const e = entity({ coverage: [hit(1, { title: long }), hit(2), hit(3, { source: '' }), hit(4), hit(5)] });
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const card = renderCard(document as unknown as Document, cardModel(e), 'dark', new Date(Date.UTC(2026, 5, 1)));
    const items = [...card.querySelectorAll('[data-testid="card-coverage"] li')];
    expect(items).toHaveLength(3);
    const first = items[0]!;
    expect(first.querySelector('.meta')!.textContent).toMatch(/^Mar 2, 2024 · Reuters$/);
    expect(first.querySelector('a.line')!.textContent).toBe(long);
    expect(first.getAttribute('title')).toBe(`${long}\nReuters\nwhy 1`);
    expect(items[2]!.querySelector('.meta')!.textContent).toBe('Mar 4, 2024');
    expect(card.querySelector('.more-items')!.textContent).toBe('2 more in the Backstory toolbar button');
    expect(card.getAttribute('data-theme')).toBe('dark');
    expect(card.className).toContain('dark');
  });

  it('this year\'s dates drop the year', () => {
    const e = entity({ coverage: [hit(1, { date: '2026-02-03' })] });
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const card = renderCard(document as unknown as Document, cardModel(e), 'light', new Date(Date.UTC(2026, 5, 1)));
    expect(card.querySelector('.meta')!.textContent).toBe('Feb 3 · Reuters');
  });
});

describe('page theme', () => {
  it('parses computed colours', () => {
    expect(parseColor('rgb(255, 255, 255)')).toEqual({ luminance: 1, alpha: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ luminance: 0, alpha: 0 });
    expect(parseColor('rgb(18 18 18 / 50%)')!.alpha).toBe(0.5);
    expect(parseColor('color(srgb 1 1 1)')!.luminance).toBe(1);
    expect(parseColor('oklch(0.5 0.1 20)')).toBeNull();
  });

  /** A tree of elements with computed styles, as pageTheme reads them. */
  function page(chain: { bg?: string; color?: string }[], opts: { scheme?: string; prefersDark?: boolean } = {}) {
    const styles = new Map<object, { backgroundColor: string; color: string; colorScheme: string }>();
    let parent: { parentElement: unknown } | null = null;
    const els: { parentElement: unknown }[] = [];
    for (const c of chain) {
      const node: { parentElement: unknown } = { parentElement: parent };
      styles.set(node, { backgroundColor: c.bg ?? 'rgba(0, 0, 0, 0)', color: c.color ?? 'rgb(0, 0, 0)', colorScheme: '' });
      els.push(node);
      parent = node;
    }
    const root = els[0]!;
    styles.get(root)!.colorScheme = opts.scheme ?? 'normal';
    const doc = {
      documentElement: root,
      body: els[1] ?? root,
      defaultView: {
        getComputedStyle: (n: object) => styles.get(n)!,
        matchMedia: () => ({ matches: !!opts.prefersDark }),
      },
    };
    return { doc: doc as unknown as Document, leaf: els[els.length - 1] as unknown as Element };
  }

  it('the first opaque background up the tree decides', () => {
    const dark = page([{ bg: 'rgb(255, 255, 255)' }, { bg: 'rgb(17, 17, 17)' }, {}]);
    expect(pageTheme(dark.doc, dark.leaf)).toBe('dark');
    const light = page([{ bg: 'rgb(0, 0, 0)' }, { bg: 'rgb(250, 248, 240)' }, { bg: 'rgba(0, 0, 0, 0.1)' }], { prefersDark: true });
    expect(pageTheme(light.doc, light.leaf)).toBe('light');
  });

  it('a transparent page: light text means dark; otherwise color-scheme and the reader\'s preference', () => {
    const lightText = page([{}, {}, { color: 'rgb(230, 230, 230)' }]);
    expect(pageTheme(lightText.doc, lightText.leaf)).toBe('dark');
    const plain = page([{}, {}], { prefersDark: true });
    expect(pageTheme(plain.doc, plain.leaf), 'a page that says nothing has a white canvas').toBe('light');
    const both = page([{}, {}], { scheme: 'light dark', prefersDark: true });
    expect(pageTheme(both.doc, both.leaf)).toBe('dark');
    const bothLight = page([{}, {}], { scheme: 'light dark', prefersDark: false });
    expect(pageTheme(bothLight.doc, bothLight.leaf)).toBe('light');
    const onlyDark = page([{}, {}], { scheme: 'dark' });
    expect(pageTheme(onlyDark.doc, onlyDark.leaf)).toBe('dark');
  });

  it('nothing readable: the reader\'s prefers-color-scheme', () => {
    const doc = { defaultView: { matchMedia: () => ({ matches: true }) } } as unknown as Document;
    expect(pageTheme(doc, null)).toBe('dark');
  });
});
