/**
 * Text that shared code builds (entity descriptions, coverage why-lines, popup notes, the
 * extractor's kind reasons, the options page's storage errors) comes from the catalogue, not from English in the code: with another
 * catalogue installed, the words, the dates and the country names change with it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import en from '../public/_locales/en/messages.json';
import { extractMetadata } from '../lib/article/metadata';
import { relativeAge } from '../lib/coverage/rank';
import { describeEntity } from '../lib/entities/describe';
import { formatTextDate, useMessages, type Entry } from '../lib/i18n';
import { clampArticleInput } from '../lib/messaging';
import { storageErrorText } from '../lib/store/db';
import { validatePackText } from '../lib/store/packs';
import { ENTITIES } from './entities-fixture';

const english = en as Record<string, Entry>;
/** A German catalogue for the keys these tests meet (our own words); English for the rest. */
const german: Record<string, Entry> = {
  ...english,
  uiLocale: { message: 'de' },
  formatLocale: { message: 'de-DE' },
  describeRoleSince: { message: '$ROLE$ seit $DATE$', placeholders: { role: { content: '$1' }, date: { content: '$2' } } },
  describeRoleNotes: english.describeRoleNotes!,
  describeAlso: { message: 'auch $SPAN$', placeholders: { span: { content: '$1' } } },
  describeCountryParty: english.describeCountryParty!,
  describeEventIn: { message: 'Ereignis in $COUNTRY$', placeholders: { country: { content: '$1' } } },
  describeSince: { message: 'seit $DATE$', placeholders: { date: { content: '$1' } } },
  coverageAgeWeeks_other: { message: 'vor $COUNT$ Wochen', placeholders: { count: { content: '$1' } } },
  coverageAgeSameDay: { message: 'am selben Tag' },
  noteStoppedLong_other: { message: 'Analyse nach $COUNT$ Absätzen beendet (der Artikel ist sehr lang).', placeholders: { count: { content: '$1' } } },
  becauseKindOpinionMarked: { message: 'der Verlag kennzeichnet die Seite als Meinung' },
  storeFileEmpty: { message: 'Die Datei ist leer.' },
  storeNoSpace: { message: 'Nicht genug Speicherplatz, um $ACTION$.', placeholders: { action: { content: '$1' } } },
  storeActionInstallNamedPack: { message: 'das Paket „$NAME$“ zu installieren', placeholders: { name: { content: '$1' } } },
};
const quotaError = Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
const failure = (r: { ok: boolean; error?: string }) => (r.ok ? '' : r.error);

const byId = new Map(ENTITIES.map((e) => [e.id, e]));
const opinionPage = () =>
  parseHTML(
    `<!doctype html><html><head><title>A view</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"OpinionNewsArticle","headline":"A view"}</script></head><body><p>Text.</p></body></html>`,
  ).document as unknown as Document;
const longArticle = () => ({
  url: 'https://news.example/a', title: 'T', byline: null, date: null, lang: 'en', siteName: null,
  kind: 'news' as const, kindSignals: [], kindReasons: [], signals: [],
  blocks: Array.from({ length: 40 }, () => ({ text: 'word '.repeat(4100), kind: 'paragraph' as const, section: null })),
});

describe('built text follows the installed catalogue', () => {
  afterAll(() => useMessages(english));

  it('in English (the default catalogue)', () => {
    useMessages(english);
    expect(describeEntity(byId.get('Q22686')!, '2025-06-08')).toMatch(/^President of the United States since 20 January 2025 \(also 2017–2021\) — United States, Republican$/);
    expect(describeEntity(byId.get('curated:russian-invasion')!, '2025-06-08')).toBe('Event in Ukraine, since 24 February 2022');
    expect(relativeAge(21)).toBe('3 weeks earlier');
    expect(relativeAge(1)).toBe('1 day earlier');
    expect(clampArticleInput(longArticle()).notes[0]).toMatch(/^Analysis stopped after \d+ paragraphs \(the article is very long\)\.$/);
    expect(extractMetadata(opinionPage(), 'https://news.example/a').kindReasons).toEqual(['The publisher marks this page as opinion']);
    expect(failure(validatePackText(''))).toBe('The file is empty.');
    expect(storageErrorText(quotaError, 'storeActionInstallNamedPack', ['Mine'])).toBe('Not enough storage space to install the pack "Mine". Free some space (remove a pack or clear the history) and try again.');
  });

  it('in another language: its words, its date format, its country names', () => {
    useMessages(german);
    expect(describeEntity(byId.get('Q22686')!, '2025-06-08')).toBe('President of the United States seit 20. Januar 2025 (auch 2017–2021) — Vereinigte Staaten, Republican');
    expect(describeEntity(byId.get('curated:russian-invasion')!, '2025-06-08')).toBe('Ereignis in Ukraine, seit 24. Februar 2022');
    expect(relativeAge(21)).toBe('vor 3 Wochen');
    expect(relativeAge(0)).toBe('am selben Tag');
    expect(clampArticleInput(longArticle()).notes[0]).toMatch(/^Analyse nach \d+ Absätzen beendet/);
    expect(extractMetadata(opinionPage(), 'https://news.example/a').kindReasons).toEqual(['Der Verlag kennzeichnet die Seite als Meinung']);
    expect(failure(validatePackText(''))).toBe('Die Datei ist leer.');
    expect(storageErrorText(quotaError, 'storeActionInstallNamedPack', ['Mine'])).toBe('Nicht genug Speicherplatz, um das Paket „Mine“ zu installieren.');
  });
});

describe('dates inside catalogue sentences follow the browser when it speaks the same language', () => {
  const g = globalThis as { browser?: unknown };
  const saved = g.browser;
  afterAll(() => {
    g.browser = saved;
  });
  const withUi = (ui: string | undefined) => {
    // getMessage answers nothing, so t() falls back to the installed catalogue (English here).
    g.browser = ui ? { i18n: { getMessage: () => '', getUILanguage: () => ui } } : undefined;
  };

  it('an American browser reads "May 7, 2012" in English sentences, a British one "7 May 2012", the CLI (no browser) the catalogue\'s own', () => {
    useMessages(english);
    withUi('en-US');
    expect(formatTextDate('2012-05-07')).toBe('May 7, 2012');
    withUi('en-GB');
    expect(formatTextDate('2012-05-07')).toBe('7 May 2012');
    withUi(undefined);
    expect(formatTextDate('2012-05-07')).toBe('7 May 2012');
  });

  it('a browser in a language with no translation keeps the catalogue\'s format, not a mix', () => {
    useMessages(english);
    withUi('de-DE');
    expect(formatTextDate('2012-05-07')).toBe('7 May 2012');
  });
});
