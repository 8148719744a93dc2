/**
 * The popup's rendering of a report: kind badge and reason, entities grouped by type with counts,
 * coverage grouped by name (best match first), opinion passages with reasons, and each empty state. Renders the
 * real PopupView into a linkedom document; the report below is our own invented fixture.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { PopupView, type PopupState, type PopupViewProps } from '../components/popup/PopupView';
import { explainSignals, groupEntities, opinionShare, pageScheme, snippet } from '../components/popup/model';
import { t } from '../components/i18n';
import type { PageReport } from '../lib/report';
import type { TabStatus } from '../lib/messaging';
import { mountAppRoot, unmountAppRoot } from './_app-root';

const report: PageReport = {
  url: 'https://news.example/2025/06/08/harbour-talks',
  article: {
    detected: true,
    kind: 'news',
    title: 'Harbour talks resume after the storm',
    date: '2025-06-08',
    text: '',
    paragraphs: [
      'Mayor Ana Ruiz met the Port Authority on Sunday in Valdora to restart the harbour talks.',
      'The Port Authority said repairs would take a month.',
      'Frankly, the city has waited far too long, and Ruiz must stop stalling before the next storm arrives.',
      'Talks continue on Monday.',
    ],
    signals: ['json-ld:NewsArticle'],
    kindReasons: ['The publisher marks this page as a news article'],
    siteName: 'Example News',
  },
  entities: [
    {
      id: 'P1',
      name: 'Ana Ruiz',
      type: 'person',
      description: 'Mayor of Valdora',
      mentions: [
        { paragraph: 2, start: 39, end: 43, text: 'Ruiz' },
        { paragraph: 0, start: 6, end: 14, text: 'Ana Ruiz' },
      ],
    },
    { id: 'O1', name: 'Port Authority', type: 'organization', description: 'Harbour operator', mentions: [
      { paragraph: 0, start: 19, end: 33, text: 'Port Authority' },
      { paragraph: 1, start: 4, end: 18, text: 'Port Authority' },
      { paragraph: 1, start: 4, end: 18, text: 'Port Authority' },
    ] },
    { id: 'L1', name: 'Valdora', type: 'place', description: 'City', mentions: [{ paragraph: 0, start: 47, end: 54, text: 'Valdora' }] },
    { id: 'X1', name: 'Nobody', type: 'person', description: '', mentions: [] },
  ],
  coverage: [
    // The ranker's order (relatedCoverage's picks), best first.
    { id: 'c-high', title: 'Mayor promises harbour repairs', date: '2025-06-01', source: 'Example Post', url: 'javascript:alert(1)', entities: ['P1', 'O1'], score: 0.9, why: 'Ana Ruiz · Port Authority · 1 week earlier', origin: 'history' },
    { id: 'c-low', title: 'Storm closes the harbour', date: '2025-05-30', source: 'Example Wire', url: 'https://wire.example/storm', entities: ['L1'], score: 0.4, why: 'Valdora · 9 days earlier' },
  ],
  opinion: [
    { paragraph: 0, label: 'reporting', score: 0.1, reasons: [] },
    { paragraph: 1, label: 'reporting', score: 0.2, reasons: [] },
    { paragraph: 2, label: 'opinion', score: 0.9, reasons: [{ key: 'becauseCueEvaluative', subs: ["'far too long'"] }, { key: 'becauseCueObligation', subs: ["'must'"] }] },
    { paragraph: 3, label: 'reporting', score: 0.1, reasons: [] },
  ],
};

let document: Document;
let root: Element;

beforeEach(() => {
  ({ document, root } = mountAppRoot());
});

afterEach(() => {
  unmountAppRoot(root);
});

function props(state: PopupState, over: Partial<PopupViewProps> = {}): PopupViewProps {
  return {
    state,
    enabled: true,
    site: 'news.example',
    siteEnabled: true,
    opinionHighlight: false,
    shortcut: 'Alt+Shift+O',
    onReveal: vi.fn(),
    onHighlightChange: vi.fn(),
    onSiteChange: vi.fn(),
    onOpenOptions: vi.fn(),
    ...over,
  };
}

const ready = (status: TabStatus, url: string | null = report.url ?? null): PopupState => ({ phase: 'ready', status, url });
const $ = (sel: string) => root.querySelector(sel);
const $$ = (sel: string) => [...root.querySelectorAll(sel)];
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function click(el: Element | null) {
  el!.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true }));
}

describe('PopupView with an article report', () => {
  it('shows the kind badge with its reason', () => {
    render(h(PopupView, props(ready({ state: 'ready', report }))), root);
    expect(text($('[data-testid=kind]'))).toBe('News The publisher marks this page as a news article');
    expect($('[data-testid=empty]')).toBeNull();
    expect($('[data-testid=loading]')).toBeNull();
  });

  it('an "Other" page that marks no kind says so beside the badge (a bare badge explained nothing)', () => {
    const unmarked = { ...report, article: { ...report.article, kind: 'other' as const, kindSignals: [], kindReasons: [] } };
    render(h(PopupView, props(ready({ state: 'ready', report: unmarked }))), root);
    expect(text($('[data-testid=kind]'))).toBe('Other The page does not say what kind of article it is');
  });

  it('the line under the title names the site, the date and the byline once each', () => {
    const own = { ...report, article: { ...report.article, siteName: 'Ana Writer', byline: 'ana  writer' } };
    render(h(PopupView, props(ready({ state: 'ready', report: own }))), root);
    const meta = text($('.article-meta'));
    expect(meta.split(' · ')).toHaveLength(2);
    expect(meta.startsWith('Ana Writer · ')).toBe(true);
    const staffed = { ...report, article: { ...report.article, byline: 'Ana Ruiz' } };
    render(h(PopupView, props(ready({ state: 'ready', report: staffed }))), root);
    expect(text($('.article-meta')).split(' · ')).toEqual(['Example News', expect.any(String), 'Ana Ruiz']);
  });

  it('words the kind reason from the kind signal, in the catalogue’s words (not the extractor’s English)', () => {
    const opinion = { ...report, article: { ...report.article, kind: 'opinion' as const, kindSignals: ['meta:article:section=Comment'], kindReasons: ['(English from the extractor)'] } };
    render(h(PopupView, props(ready({ state: 'ready', report: opinion }))), root);
    expect(text($('[data-testid=kind]'))).toBe('Opinion Filed in the publisher’s “Comment” section');
  });

  it('groups entities by type, most mentioned first, with counts, and skips unmentioned ones', () => {
    render(h(PopupView, props(ready({ state: 'ready', report }))), root);
    const groups = $$('[data-testid=entities] .entity-group').map((g) => text(g.querySelector('h3')));
    expect(groups).toEqual(['People', 'Organisations', 'Places']);
    const items = $$('[data-testid=entity]');
    expect(items.map((i) => text(i.querySelector('.entity-name')))).toEqual(['Ana Ruiz', 'Port Authority', 'Valdora']);
    expect(items.map((i) => text(i.querySelector('[data-testid=entity-count]')))).toEqual(['2', '3', '1']);
    // What a screen reader hears after the count: "1 mention", not "1 mentions".
    expect(items.map((i) => text(i.querySelector('.sr-only')))).toEqual(['mentions', 'mentions', 'mention']);
  });

  it('reveals the first mention (by position) when an entity is clicked', () => {
    const p = props(ready({ state: 'ready', report }));
    render(h(PopupView, p), root);
    click($('[data-testid=entity] button'));
    expect(p.onReveal).toHaveBeenCalledWith({ paragraph: 0, start: 6, end: 14 });
  });

  it('lists coverage under the page’s names, best match first, with date, source and why; unsafe links are not links', () => {
    render(h(PopupView, props(ready({ state: 'ready', report }))), root);
    // c-high names Ana Ruiz (2 mentions) and the Port Authority (3): it goes under the Port Authority only.
    expect($$('[data-testid=coverage] h3').map(text)).toEqual(['Port Authority', 'Valdora']);
    const items = $$('[data-testid=coverage-item]');
    expect(items).toHaveLength(2);
    expect(text(items[0]!.querySelector('.coverage-title'))).toBe('Mayor promises harbour repairs');
    expect(items[0]!.querySelector('a')).toBeNull();
    expect(text(items[0])).toContain('Example Post');
    expect(text(items[0])).toContain('You read this');
    expect(text(items[0])).toContain('Ana Ruiz · Port Authority · 1 week earlier');
    expect(items[1]!.querySelector('a')?.getAttribute('href')).toBe('https://wire.example/storm');
    expect(items[1]!.querySelector('a')?.getAttribute('rel')).toContain('noopener');
  });

  it('says "You read this" once for a read whose why-line already says it', () => {
    const read = { ...report.coverage[0]!, why: 'You read this · Ana Ruiz · Port Authority · 1 week earlier' };
    render(h(PopupView, props(ready({ state: 'ready', report: { ...report, coverage: [read] } }))), root);
    const item = $('[data-testid=coverage-item]')!;
    expect(text(item.querySelector('.coverage-why'))).toBe('You read this · Ana Ruiz · Port Authority · 1 week earlier');
    expect(text(item).split('You read this')).toHaveLength(2);
    expect(item.querySelector('.tag')).toBeNull();
  });

  it('lists only opinion passages, with their first words and reasons; a click reveals the paragraph', () => {
    const p = props(ready({ state: 'ready', report }));
    render(h(PopupView, p), root);
    const items = $$('[data-testid=opinion-item]');
    expect(items).toHaveLength(1);
    expect(text(items[0])).toContain('Frankly, the city has waited far too long');
    // Reasons are message keys in the report, worded from the catalogue here.
    expect([...items[0]!.querySelectorAll('.reasons li')].map((li) => li.textContent)).toEqual(["evaluative language: 'far too long'", "obligation: 'must'"]);
    click(items[0]!.querySelector('button'));
    expect(p.onReveal).toHaveBeenCalledWith({ paragraph: 2 });
  });

  it('shows the opinion share, the highlight switch with its shortcut and the site switch', () => {
    render(h(PopupView, props(ready({ state: 'ready', report }), { opinionHighlight: true })), root);
    expect(text($('[data-testid=opinion-share]'))).toMatch(/^About \d+% opinion · 1 of 4 passages$/);
    const toggle = $('[data-testid=highlight-toggle]') as HTMLInputElement;
    expect(toggle.getAttribute('type')).toBe('checkbox');
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(text($('.highlight'))).toContain('Alt+Shift+O');
    expect($('[data-testid=site-toggle]')?.getAttribute('aria-checked')).toBe('true');
    expect(text($('.popup-foot'))).toContain('news.example');
  });

  it('renders page text as text, never as markup', () => {
    const hostile: PageReport = { ...report, article: { ...report.article, title: '<img src=x onerror=alert(1)>' } };
    render(h(PopupView, props(ready({ state: 'ready', report: hostile }))), root);
    expect($('img[src=x]')).toBeNull();
    expect(text($('.article-title'))).toBe('<img src=x onerror=alert(1)>');
  });

  it('says so when nothing was found', () => {
    const bare: PageReport = { ...report, entities: [], coverage: [], opinion: [] };
    render(h(PopupView, props(ready({ state: 'ready', report: bare }))), root);
    expect($$('[data-testid=entity]')).toHaveLength(0);
    expect(text($('[data-testid=entities]'))).toContain('No names');
    expect($$('[data-testid=coverage-item]')).toHaveLength(0);
    expect($$('[data-testid=coverage] h3')).toHaveLength(0);
    expect(text($('#h-coverage')?.parentElement)).toContain('No earlier coverage found');
    expect($$('[data-testid=opinion-item]')).toHaveLength(0);
    expect($('[data-testid=opinion-share]')).toBeNull();
  });
});

describe('PopupView empty states', () => {
  it('loading', () => {
    render(h(PopupView, props({ phase: 'loading' })), root);
    expect($('[data-testid=loading]')).not.toBeNull();
  });

  it('not an article: says why, from the signals', () => {
    const status: TabStatus = { state: 'not-article', url: 'https://news.example/search?q=x', title: 'Search', signals: ['url:search', 'no-article-metadata'] };
    render(h(PopupView, props(ready(status))), root);
    const empty = $('[data-testid=empty]');
    expect(text(empty)).toContain("doesn't look like a news article");
    // No veto among the signals: the page failed on text. Raw signals never show.
    expect(text(empty)).toContain('too little text');
    expect(text(empty)).not.toContain('url:search');
    expect($('[data-testid=kind]')).toBeNull();
  });

  it('off on this site: says so and keeps the switch to turn it back on', () => {
    render(h(PopupView, props(ready({ state: 'ready', report }), { siteEnabled: false })), root);
    expect(text($('[data-testid=empty]'))).toContain('off on news.example');
    expect($('[data-testid=site-toggle]')?.getAttribute('aria-checked')).toBe('false');
    expect($('[data-testid=entities]')).toBeNull();
  });

  it('turned off everywhere', () => {
    render(h(PopupView, props(ready({ state: 'ready', report }), { enabled: false })), root);
    expect(text($('[data-testid=empty]'))).toContain('turned off');
  });

  it('not analysed yet, and browser pages', () => {
    render(h(PopupView, props(ready({ state: 'unknown' }, 'https://news.example/a'))), root);
    expect(text($('[data-testid=empty]'))).toContain('No article found');
    render(h(PopupView, props(ready({ state: 'unknown' }, 'chrome://extensions/'), { site: null })), root);
    expect(text($('[data-testid=empty]'))).toContain("can't read this page");
    expect($('[data-testid=site-toggle]')).toBeNull();
  });

  it('an error from the background is shown as it came', () => {
    render(h(PopupView, props({ phase: 'error', message: 'invalid message: tabId' })), root);
    expect(text($('[data-testid=empty]'))).toContain('invalid message: tabId');
  });
});

describe('not-article reasons in plain words', () => {
  it.each([
    [['url:home', 'veto:html:many-articles'], ['whyList']],
    [['veto:url:home', 'text:some'], ['whyHome']],
    [['veto:form:password'], ['whyLogin']],
    [['veto:url:account', 'veto:form:password'], ['whyAccount', 'whyLogin']],
    [['veto:url:search'], ['whySearch']],
    [['veto:form:search-in-main'], ['whySearch']],
    [['veto:json-ld:SearchResultsPage'], ['whySearch']],
    [['veto:url:forum', 'veto:html:thread', 'veto:json-ld:DiscussionForumPosting'], ['whyForum']],
    [['veto:json-ld:QAPage'], ['whyForum']],
    [['veto:json-ld:CollectionPage', 'veto:json-ld:ItemList'], ['whyList']],
    [['veto:json-ld:ProfilePage'], ['whyProfile']],
    [['veto:json-ld:Product', 'veto:json-ld:ProductPage'], ['whyProduct']],
    [['veto:page-too-large'], ['whyTooLarge']],
    [['veto:json-ld:SomethingNew'], ['whyOther']],
    [['veto:html:brand-new-check'], ['whyOther']],
    [['text:little'], ['whyLittleText']],
    [['json-ld:NewsArticle', 'text:score=3'], ['whyLittleText']],
    [['url:slug', 'not:url:search'], ['whyLittleText']],
    [['not:no-body'], ['whyNoContent']],
    [[], ['whyLittleText']],
  ] as [string[], string[]][])('%j → %j', (signals, keys) => {
    expect(explainSignals(signals)).toEqual(keys);
  });

  it('every reason has words, and the view shows them, never the signal', () => {
    for (const k of ['whyList', 'whyHome', 'whyLogin', 'whyAccount', 'whySearch', 'whyForum', 'whyProfile', 'whyProduct', 'whyLittleText', 'whyNoContent', 'whyTooLarge', 'whyOther'] as const) {
      expect(t(k)).not.toBe(k);
      expect(t(k).length).toBeGreaterThan(10);
    }
    expect(t('whyList')).toBe('This looks like a list of articles (a home or section page)');
    expect(t('whyLogin')).toBe('This page has a login form');
    expect(t('whyLittleText')).toBe('There is too little text for an article');
    const status: TabStatus = { state: 'not-article', url: 'https://x.example/login', title: 'Sign in', signals: ['veto:form:password', 'veto:json-ld:Weird'] };
    render(h(PopupView, props(ready(status))), root);
    const why = text($('[data-testid=why]'));
    expect(why).toContain('login form');
    expect(why).toContain("don't match a news article");
    expect(why).not.toMatch(/veto|json-ld|form:/);
  });

  it('the page itself answers when the background knows nothing', () => {
    render(h(PopupView, props({ phase: 'ready', status: { state: 'unknown' }, url: 'https://news.example/', page: { state: 'not-article', signals: ['veto:html:many-articles'] } })), root);
    expect(text($('[data-testid=why]'))).toContain('list of articles');
    render(h(PopupView, props({ phase: 'ready', status: { state: 'unknown' }, url: 'https://news.example/a', page: { state: 'article' } })), root);
    expect($('[data-testid=loading]')).not.toBeNull();
    render(h(PopupView, props({ phase: 'ready', status: { state: 'unknown' }, url: 'https://news.example/a', page: 'unreachable', final: true })), root);
    expect(text($('[data-testid=empty]'))).toContain("can't read this page");
    expect(text($('[data-testid=empty]'))).toContain('installed or updated');
  });
});

describe('popup model', () => {
  it('groups in a fixed type order', () => {
    expect(groupEntities(report.entities).map((g) => g.type)).toEqual(['person', 'organization', 'place']);
  });
  it('weights the opinion share by paragraph length', () => {
    const s = opinionShare(report);
    expect(s.opinion).toBe(1);
    expect(s.total).toBe(4);
    expect(s.share).toBeGreaterThan(0.3);
    expect(s.share).toBeLessThan(0.5);
  });
  it('cuts snippets at a word', () => {
    expect(snippet('one two three four five six', 14)).toBe('one two three…');
    expect(snippet('short')).toBe('short');
  });
  it.each([
    ['https://a.example/x', 'web'],
    ['chrome://newtab/', 'browser'],
    ['about:blank', 'browser'],
    ['https://chromewebstore.google.com/detail/x', 'browser'],
    ['file:///tmp/a.html', 'file'],
    [null, 'none'],
  ] as const)('pageScheme(%s) = %s', (url, scheme) => {
    expect(pageScheme(url)).toBe(scheme);
  });
});
