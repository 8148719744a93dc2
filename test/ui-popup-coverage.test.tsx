/**
 * The popup's earlier coverage, grouped by the page's names. The report below has the shape and the
 * facts (entity ids, names, mention counts, item ids, dates, outlets, fact-built titles, why-lines,
 * in the ranker's order) of `backstory analyze test/fixtures/pages/own-seed.html --json` with the
 * default pack; mention positions are left out (only their count matters here).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { PopupView, type PopupViewProps } from '../components/popup/PopupView';
import { entityImportance, firstCoverage, groupCoverage } from '../components/popup/model';
import type { CoverageHit, LinkedEntity, PageReport } from '../lib/report';
import type { EntityType } from '../lib/dataset/schema';
import { mountAppRoot, unmountAppRoot } from './_app-root';

function entity(id: string, name: string, type: EntityType, mentions: number): LinkedEntity {
  return {
    id,
    name,
    type,
    description: '',
    mentions: Array.from({ length: mentions }, (_, i) => ({ paragraph: i, start: 0, end: name.length, text: name })),
  };
}

// The linker's order (first mention), with each name's mention count.
const entities: LinkedEntity[] = [
  entity('Q22686', 'Donald Trump', 'person', 6),
  entity('Q7747', 'Vladimir Putin', 'person', 3),
  entity('Q212', 'Ukraine', 'place', 1),
  entity('Q794', 'Iran', 'place', 5),
  entity('curated:truth-social', 'Truth Social', 'organization', 1),
  entity('Q649', 'Moscow', 'place', 2),
  entity('Q1899', 'Kyiv', 'place', 3),
  entity('Q159', 'Russia', 'place', 2),
  entity('curated:the-kremlin', 'Kremlin', 'organization', 2),
  entity('curated:russian-invasion-of-ukraine', 'Russian invasion of Ukraine', 'event', 2),
  entity('Q35525', 'White House', 'organization', 1),
  entity('Q3616', 'Tehran', 'place', 2),
  entity('Q61', 'Washington, D.C.', 'place', 2),
  entity('Q3874799', 'Volodymyr Zelenskyy', 'person', 1),
  entity('curated:biden-administration', 'Biden administration', 'organization', 1),
];

function hit(date: string, n: number, title: string, source: string, ids: string[], score: number, why: string): CoverageHit {
  const [y, m, d] = date.split('-');
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(m) - 1];
  return {
    id: `wcep-${date}-${String(n).padStart(3, '0')}`,
    title,
    date,
    source,
    url: `https://en.wikipedia.org/wiki/Portal:Current_events/${y}_${month}_${Number(d)}`,
    entities: ids,
    score,
    why,
    origin: 'timeline',
  };
}

// relatedCoverage's picks in its order (diversity applied: the scores are not monotone).
const coverage: CoverageHit[] = [
  hit('2025-05-18', 3, 'Russian invasion of Ukraine: Donald Trump, Vladimir Putin', 'The Guardian', ['Q159', 'Q212', 'Q22686', 'Q7747'], 1, 'Donald Trump · Vladimir Putin · 3 weeks earlier'),
  hit('2025-05-11', 3, 'Russian invasion of Ukraine: Vladimir Putin, Istanbul', 'Reuters', ['Q7747', 'Q406', 'Q43', 'Q145', 'Q142', 'Q183', 'Q36'], 0.927, 'Vladimir Putin · 4 weeks earlier'),
  hit('2025-06-06', 1, 'Russian invasion of Ukraine: Kyiv', 'Reuters, AP', ['Q1899', 'Q212'], 0.924, 'Kyiv · 2 days earlier'),
  hit('2025-03-11', 2, 'Russian invasion of Ukraine: Moscow', 'BBC News, Reuters', ['Q212', 'Q649', 'Q159'], 0.915, 'Moscow · Russia · 3 months earlier'),
  hit('2022-10-18', 4, 'Russo-Ukrainian War: Iran, Russia', 'The Guardian', ['Q794', 'Q159', 'curated:russian-invasion-of-ukraine'], 0.912, 'Iran · Russian invasion of Ukraine · 3 years earlier'),
  hit('2025-06-01', 1, 'Russian invasion of Ukraine', 'AP', ['Q159', 'Q212'], 0.911, 'Russia · 7 days earlier'),
  hit('2025-03-03', 1, 'Russian invasion of Ukraine: United States, Donald Trump', 'Bloomberg, CNN', ['Q30', 'Q22686', 'Q212'], 0.924, 'Donald Trump · 3 months earlier'),
  hit('2025-03-13', 2, 'Russian invasion of Ukraine: Vladimir Putin, United States', 'Euronews, Politico', ['Q7747', 'Q30', 'Q212', 'Q159'], 0.921, 'Vladimir Putin · Russia · 3 months earlier'),
  hit('2025-04-24', 1, 'Russian invasion of Ukraine: Kyiv', 'CTV News, Reuters', ['Q1899', 'Q212'], 0.92, 'Kyiv · 6 weeks earlier'),
  hit('2024-11-10', 1, 'Russian invasion of Ukraine: Moscow', 'CBC News', ['Q649', 'Q159'], 0.913, 'Moscow · Russia · 7 months earlier'),
];

const groupsOf = (gs: ReturnType<typeof groupCoverage>) => gs.map((g) => [g.entity?.name ?? null, g.items.map((c) => c.date)]);

describe('groupCoverage on the own-seed report', () => {
  it('ranks the page’s names by mentions, then by first mention; unmentioned names are not ranked', () => {
    const rank = entityImportance([...entities, entity('X1', 'Nobody', 'person', 0)]);
    expect([...rank.keys()].slice(0, 6)).toEqual(['Q22686', 'Q794', 'Q7747', 'Q1899', 'Q649', 'Q159']);
    expect(rank.has('X1')).toBe(false);
  });

  it('puts each item once under its most mentioned name, groups ordered by their best item', () => {
    const groups = groupCoverage(coverage, entities);
    expect(groupsOf(groups)).toEqual([
      // Trump (6 mentions) and Putin (3) on one item: it goes under Trump only.
      ['Donald Trump', ['2025-05-18', '2025-03-03']],
      ['Vladimir Putin', ['2025-05-11', '2025-03-13']],
      ['Kyiv', ['2025-06-06', '2025-04-24']],
      // Moscow and Russia both have 2 mentions: Moscow is mentioned first.
      ['Moscow', ['2025-03-11', '2024-11-10']],
      ['Iran', ['2022-10-18']],
      ['Russia', ['2025-06-01']],
    ]);
    const ids = groups.flatMap((g) => g.items.map((c) => c.id));
    expect(ids).toHaveLength(coverage.length);
    expect(new Set(ids)).toEqual(new Set(coverage.map((c) => c.id)));
  });

  it('gives names without items no group (Ukraine is on many items but always beside a more mentioned name)', () => {
    const names = groupCoverage(coverage, entities).map((g) => g.entity?.name);
    for (const none of ['Ukraine', 'Truth Social', 'Volodymyr Zelenskyy', 'Kremlin']) expect(names).not.toContain(none);
    // Alone on an item, Ukraine heads its own group.
    const alone = hit('2025-02-28', 2, 'Ukraine', 'Reuters', ['Q212', 'Q30'], 0.5, 'Ukraine · 3 months earlier');
    expect(groupsOf(groupCoverage([...coverage, alone], entities)).at(-1)).toEqual(['Ukraine', ['2025-02-28']]);
  });

  it('keeps items that name none of the page’s names in one group of their own, in rank order', () => {
    const other = hit('2025-06-02', 5, 'Reuters on Istanbul', 'Reuters', ['Q406'], 0.95, 'You read this · 6 days earlier');
    const groups = groupCoverage([coverage[0]!, other, ...coverage.slice(1)], entities);
    expect(groupsOf(groups).slice(0, 2)).toEqual([
      ['Donald Trump', ['2025-05-18', '2025-03-03']],
      [null, ['2025-06-02']],
    ]);
  });

  it('collapsed: the first groups whole, best match first, at most 3 a name, until 6 items', () => {
    const groups = groupCoverage(coverage, entities);
    expect(groupsOf(firstCoverage(groups, 6))).toEqual([
      ['Donald Trump', ['2025-05-18', '2025-03-03']],
      ['Vladimir Putin', ['2025-05-11', '2025-03-13']],
      ['Kyiv', ['2025-06-06', '2025-04-24']],
    ]);
    const many = groupCoverage(coverage.map((c) => ({ ...c, entities: ['Q22686'] })), entities);
    expect(groupsOf(firstCoverage(many, 6))).toEqual([['Donald Trump', ['2025-05-18', '2025-05-11', '2025-06-06']]]);
  });

  it('no coverage, no groups', () => {
    expect(groupCoverage([], entities)).toEqual([]);
    expect(firstCoverage([], 6)).toEqual([]);
  });
});

describe('PopupView coverage section', () => {
  let document: Document;
  let root: Element;
  beforeEach(() => {
    ({ document, root } = mountAppRoot());
  });
  afterEach(() => {
    unmountAppRoot(root);
  });

  const report: PageReport = {
    url: 'https://news.example/2025/06/08/trump-putin-call',
    article: {
      detected: true,
      kind: 'news',
      title: "Trump and Putin talk for an hour as Kyiv's drone raid on bomber bases reverberates",
      date: '2025-06-08',
      text: '',
      paragraphs: [],
      signals: ['json-ld:NewsArticle'],
    },
    entities,
    coverage,
    opinion: [],
  };
  const props = (r: PageReport): PopupViewProps => ({
    state: { phase: 'ready', status: { state: 'ready', report: r }, url: r.url ?? null },
    enabled: true,
    site: 'news.example',
    siteEnabled: true,
    opinionHighlight: false,
    shortcut: '',
    onReveal: vi.fn(),
    onHighlightChange: vi.fn(),
    onSiteChange: vi.fn(),
    onOpenOptions: vi.fn(),
  });
  const $ = (sel: string) => root.querySelector(sel);
  const $$ = (sel: string) => [...root.querySelectorAll(sel)];
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('shows names as headings over their own lists; Show all adds the other groups', () => {
    render(h(PopupView, props(report)), root);
    const section = $('[data-testid=coverage]')!;
    expect($$('[data-testid=coverage] h3').map(text)).toEqual(['Donald Trump', 'Vladimir Putin', 'Kyiv']);
    // Each group's list is named by its heading, for screen readers.
    for (const ol of section.querySelectorAll('ol')) {
      const heading = document.getElementById(ol.getAttribute('aria-labelledby') ?? '');
      expect(heading?.tagName).toBe('H3');
    }
    const items = $$('[data-testid=coverage-item]');
    expect(items).toHaveLength(6);
    // The best match leads, with its date, outlet, why-line and link.
    expect(text(items[0]!.querySelector('.coverage-title'))).toBe('Russian invasion of Ukraine: Donald Trump, Vladimir Putin');
    expect(text(items[0])).toContain('The Guardian');
    expect(text(items[0])).toContain('2025');
    expect(text(items[0])).toContain('Donald Trump · Vladimir Putin · 3 weeks earlier');
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Portal:Current_events/2025_May_18');

    const more = [...section.parentElement!.querySelectorAll('button')].find((b) => b.getAttribute('aria-controls') === 'coverage-groups')!;
    expect(text(more)).toBe('Show all 10');
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });

  it('expanded: every item once, in six groups', async () => {
    render(h(PopupView, props(report)), root);
    const more = $('button[aria-controls=coverage-groups]')!;
    more.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect($$('[data-testid=coverage] h3').map(text)).toEqual(['Donald Trump', 'Vladimir Putin', 'Kyiv', 'Moscow', 'Iran', 'Russia']);
    expect($$('[data-testid=coverage-item]')).toHaveLength(10);
    expect($('button[aria-controls=coverage-groups]')?.getAttribute('aria-expanded')).toBe('true');
    expect(text($('button[aria-controls=coverage-groups]'))).toBe('Show fewer');
  });

  it('names the group of items that concern none of the page’s names', () => {
    const other = hit('2025-06-02', 5, 'Reuters on Istanbul', 'Reuters', ['Q406'], 0.95, '6 days earlier');
    render(h(PopupView, props({ ...report, coverage: [other] })), root);
    expect($$('[data-testid=coverage] h3').map(text)).toEqual(['Other earlier coverage']);
    expect($('button[aria-controls=coverage-groups]')).toBeNull();
  });

  it('no coverage: the same empty line as before, no groups', () => {
    render(h(PopupView, props({ ...report, coverage: [] })), root);
    expect($$('[data-testid=coverage-item]')).toHaveLength(0);
    expect($$('[data-testid=coverage] h3')).toHaveLength(0);
    expect(text($('#h-coverage')?.parentElement?.querySelector('.muted'))).toBe('No earlier coverage found for these names.');
    expect($('button[aria-controls=coverage-groups]')).toBeNull();
  });
});
