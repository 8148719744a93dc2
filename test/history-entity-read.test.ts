/**
 * The worker reads only the history that shares an entity with the article (#8): the store's
 * entity index (historyItemsFor, IDB v4) for the entities related coverage weighs
 * (historyQueryEntities). Differential: for the same history and article, related coverage must be
 * IDENTICAL to ranking with every record — and so must the worker's whole answer.
 */
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { historyQueryEntities, relatedCoverage } from '../lib/coverage/rank';
import { createStore, type ReadRecord } from '../lib/store/index';
import { HISTORY, openDatabase } from '../lib/store/db';
import { normalizeUrl } from '../lib/coverage/facts';
import { createHistoryPort } from '../lib/background/store-port';
import { historyEnabled } from '../lib/settings';
import { createMessageHandler, reportForPage } from '../lib/background/handlers';
import { createKnowledgeSource } from '../lib/background/knowledge-source';
import { TabReports, popupStatus } from '../lib/background/tab-reports';
import { analyzeArticle, analyzeForPage, articleAnalysis, historyEntitiesOf } from '../lib/analyze';
import { buildKnowledge } from '../lib/knowledge';
import type { ArticleInput } from '../lib/article/types';
import type { LinkedEntity } from '../lib/report';
import { ENTITIES } from './entities-fixture';

/** 16 ids: more than relatedCoverage weighs for one query (maxQueryEntities 12), so the subset matters. */
const ids = 'abcdefghijklmnop'.split('');
const timeline: CoverageItem[] = [
  { id: 't-1', date: '2025-05-01', source: 'Wire', entities: ['a', 'b'], topics: ['Talks'], origin: 'timeline' },
  { id: 't-2', date: '2025-05-20', source: 'Wire', entities: ['a', 'c'], topics: ['Talks'], origin: 'timeline' },
  { id: 't-3', date: '2025-06-01', source: 'Wire', entities: ['d', 'k'], topics: ['War'], origin: 'timeline' },
  { id: 't-4', date: null, source: 'Wire', entities: ['e', 'p'], topics: ['War'], origin: 'timeline' },
];
const index = buildCoverageIndex(timeline, (id) => id.toUpperCase());

const readArb = fc.record({
  page: fc.integer({ min: 0, max: 30 }),
  site: fc.integer({ min: 0, max: 2 }),
  day: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
  entities: fc.array(fc.constantFrom(...ids), { minLength: 0, maxLength: 5 }),
  dt: fc.integer({ min: -2, max: 3 }),
});
type ReadArb = { page: number; site: number; day: number | null; entities: string[]; dt: number };
const recordOf = (r: ReadArb, readAt: number): ReadRecord => ({
  url: `https://site${r.site}.example/story-${r.page}`, title: `Story ${r.page}`, site: `site${r.site}.example`,
  date: r.day === null ? null : `2025-06-0${r.day}`, entityIds: r.entities, kind: 'news', opinionShare: 0, readAt,
});

const entityArb = fc.record({ id: fc.constantFrom(...ids), mentions: fc.integer({ min: 1, max: 4 }), first: fc.integer({ min: 0, max: 5 }) });
const queryArb = fc.record({
  entities: fc.uniqueArray(entityArb, { minLength: 0, maxLength: 16, selector: (e) => e.id }),
  day: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
  exclude: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
});
const linked = (e: { id: string; mentions: number; first: number }): LinkedEntity => ({
  id: e.id, name: e.id.toUpperCase(), type: 'person', description: '',
  mentions: Array.from({ length: e.mentions }, (_, k) => ({ paragraph: e.first + k, start: 0, end: 1, text: e.id.toUpperCase() })),
});

describe('history read by entity', () => {
  it('property: ranks exactly as the whole history does, after reads, re-reads, evictions and clears', async () => {
    let run = 0;
    let withHistoryHits = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 12, arbitrary: readArb }, { weight: 1, arbitrary: fc.constantFrom('clearSite' as const, 'clearAll' as const) }), { minLength: 1, maxLength: 45 }),
        fc.array(queryArb, { minLength: 1, maxLength: 4 }),
        async (ops, queries) => {
          const store = createStore(new IDBFactory(), `by-entity-${run++}`, { historyCap: 25 });
          let clock = 1_700_000_000_000;
          for (const o of ops) {
            if (o === 'clearAll') await store.clearHistory();
            else if (o === 'clearSite') await store.clearHistory('site1.example');
            else expect((await store.recordRead(recordOf(o, (clock += o.dt * 1000)))).ok).toBe(true);
          }
          const all = await store.historyItems();
          for (const q of queries) {
            const query = {
              entities: q.entities.map(linked), date: q.day === null ? null : `2025-06-0${q.day}`, title: 'B and C',
              excludeUrl: q.exclude === null ? null : `https://site0.example/story-${q.exclude}`, limit: 10,
            };
            const wanted = historyQueryEntities(index, query);
            expect(wanted.length).toBeLessThanOrEqual(12);
            // From the entity index (any share): exactly the reads naming a wanted entity, in the
            // whole history's order.
            const byIndex = await store.historyItemsFor(wanted, Infinity);
            const some = byIndex.items;
            const set = new Set(wanted);
            expect(byIndex.all).toBe(false);
            expect(some).toEqual(all.filter((h) => h.entities.some((e) => set.has(e))));
            // Past the share: the whole history (or nothing, when no read matches).
            const whole = await store.historyItemsFor(wanted, 0);
            expect(whole).toEqual(some.length ? { items: all, all: true } : { items: [], all: false });
            const got = relatedCoverage(index, { ...query, extra: some });
            expect(got).toEqual(relatedCoverage(index, { ...query, extra: all }));
            if (got.some((c) => c.origin === 'history')) withHistoryHits++;
          }
          store.close();
        },
      ),
      { numRuns: 60 },
    );
    // Not vacuous: history items were ranked in many of the queries.
    expect(withHistoryHits).toBeGreaterThan(20);
  });

  it('finds records written before the v4 upgrade (the index is built over them)', async () => {
    const factory = new IDBFactory();
    const v3 = await openDatabase(factory, 'backstory', 3);
    const r1 = recordOf({ page: 1, site: 0, day: 3, entities: ['a', 'b'], dt: 0 }, 1000);
    const r2 = recordOf({ page: 2, site: 1, day: 4, entities: ['c'], dt: 0 }, 2000);
    await new Promise<void>((resolve, reject) => {
      const tx = v3.transaction(HISTORY, 'readwrite');
      for (const r of [r1, r2]) tx.objectStore(HISTORY).put({ ...r, key: normalizeUrl(r.url) });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    v3.close();
    const store = createStore(factory);
    const urls = async (ids: string[]) => (await store.historyItemsFor(ids, Infinity)).items.map((h) => h.url);
    expect(await urls(['b'])).toEqual([r1.url]);
    expect(await urls(['c', 'a', 'zz'])).toEqual([r2.url, r1.url]);
    expect(await urls([])).toEqual([]);
    await store.clearHistory('site1.example');
    expect(await urls(['c'])).toEqual([]);
    store.close();
  });
});

describe('the worker reads history by entity', () => {
  beforeEach(() => fakeBrowser.reset());

  const PAGE = 'https://news.example/2025/06/talks.html';
  const knowledge = buildKnowledge([{
    format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Test', version: '1', licenses: [], entities: ENTITIES,
    coverage: [
      { id: 'c1', date: '2025-05-01', source: 'Wire', entities: ['Q7747', 'Q212'], topics: ['Talks on Ukraine'] },
      { id: 'c2', date: '2025-05-20', source: 'Wire', entities: ['Q22686', 'Q7747'], topics: ['Talks on Ukraine'] },
    ],
  } as never]);
  const input: ArticleInput = {
    url: PAGE, title: 'Trump and Putin talk about Ukraine', byline: null, date: '2025-06-08', lang: 'en', siteName: 'News', kind: 'news',
    kindSignals: [], kindReasons: [], signals: [],
    blocks: [{ text: 'Donald Trump spoke with Vladimir Putin on Tuesday about the war in Ukraine.', kind: 'paragraph', section: null }],
  };

  it('answers what analysing with every record gives, reading only the matching ones', async () => {
    const store = createStore(new IDBFactory(), 'worker-by-entity');
    const reads: ReadRecord[] = [
      { url: 'https://news.example/earlier', title: 'Earlier talks', site: 'News', date: '2025-06-01', entityIds: ['Q7747', 'Q22686'], kind: 'news', opinionShare: 0, readAt: 1 },
      { url: 'https://other.example/sport', title: 'Cup final', site: 'Other', date: '2025-06-02', entityIds: ['Q-unrelated'], kind: 'news', opinionShare: 0, readAt: 2 },
      { url: PAGE, title: 'This page, read before', site: 'News', date: '2025-06-08', entityIds: ['Q7747'], kind: 'news', opinionShare: 0, readAt: 3 },
    ];
    for (const r of reads) expect((await store.recordRead(r)).ok).toBe(true);
    // Every share by the entity index (the default reads all 3 reads from the rows once 2 match).
    const lookup = store.historyItemsFor.bind(store);
    store.historyItemsFor = (ids) => lookup(ids, Infinity);
    const port = createHistoryPort(() => {}, store, Date.now, 0);
    const asked: string[][] = [];
    const itemsFor = port.itemsFor!.bind(port);
    port.itemsFor = async (entityIds) => {
      asked.push([...entityIds]);
      return itemsFor(entityIds);
    };
    const session = { get: async () => ({}), set: async () => {}, remove: async () => {} };
    const handle = createMessageHandler({ self: { id: 'ext-id', origin: 'chrome-extension://ext-id/' }, knowledge: createKnowledgeSource(async () => [], () => knowledge), reports: new TabReports(session), analyze: articleAnalysis, history: port });
    const reply = await handle({ type: 'cs:analyze-article', article: input }, { id: 'ext-id', url: PAGE, frameId: 0, tab: { id: 7 } });
    // The page is answered first (no related coverage); the popup's report then holds what
    // analysing with every record gives.
    expect(reply).toEqual({ ok: true, value: reportForPage(analyzeForPage(input, knowledge)) });
    const status = await handle({ type: 'ui:get-tab-report', tabId: 7 }, { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' });
    const whole = analyzeArticle(input, knowledge, { history: await store.historyItems() });
    expect(status).toEqual({ ok: true, value: popupStatus({ state: 'ready', report: whole }) });
    expect(whole.coverage.map((c) => c.url)).toContain('https://news.example/earlier');
    expect(asked).toHaveLength(1);
    // The related query's entities: the page's linked ones and the countries its office-holders and
    // places stand for (lib/coverage/implied-countries.ts, session 20).
    expect(asked[0]!.sort()).toEqual(historyEntitiesOf(whole, knowledge).sort());
    expect(asked[0]).toEqual(expect.arrayContaining(whole.entities.map((e) => e.id)));
    expect((await lookup(asked[0]!, Infinity)).items.map((h) => h.url)).not.toContain('https://other.example/sport');
    // Then the whole history is read in the background and kept: later articles rank from memory.
    await vi.waitFor(async () => expect(await port.itemsFor!(['Q-none'])).toEqual(await store.historyItems()));
    store.close();
  });

  it('keeps the whole history at once when most of it matches, and reads nothing when history is off', async () => {
    const store = createStore(new IDBFactory(), 'worker-most-match');
    await store.recordRead({ url: 'https://news.example/a', title: 'A', site: 'News', date: '2025-06-01', entityIds: ['Q7747'], kind: 'news', opinionShare: 0, readAt: 1 });
    await store.recordRead({ url: 'https://news.example/b', title: 'B', site: 'News', date: '2025-06-02', entityIds: ['Q1'], kind: 'news', opinionShare: 0, readAt: 2 });
    const port = createHistoryPort(() => {}, store, Date.now, -1);
    const all = await store.historyItems();
    const first = await port.itemsFor!(['Q7747']);
    expect(first).toEqual(all);
    // Held: the same array again, without a store read.
    store.historyItemsFor = async () => { throw new Error('read again'); };
    expect(await port.itemsFor!(['Q7747'])).toBe(first);
    await historyEnabled.setValue(false);
    expect(await port.itemsFor!(['Q7747'])).toEqual([]);
    store.close();
  });
});
