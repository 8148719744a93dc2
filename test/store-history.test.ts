import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { createStore, shouldRecord, historyItemOfRead, type ReadRecord } from '../lib/store/index';
import { openDatabase, DB_VERSION } from '../lib/store/db';

const read = (i: number, extra: Partial<ReadRecord> = {}): ReadRecord => ({
  url: `https://news.example.org/story/${i}`,
  title: `Story ${i}`,
  site: 'news.example.org',
  date: '2025-05-01',
  entityIds: ['x:alpha', 'x:beta'],
  kind: 'news',
  opinionShare: 0.1,
  readAt: 1_700_000_000_000 + i * 1000,
  ...extra,
});

describe('shouldRecord', () => {
  const on = { historyEnabled: true, historyExcludedSites: ['example.com', 'WWW.Private.org'] };
  it.each([
    ['https://news.site/a', on, true],
    ['https://example.com/a', on, false],
    ['https://www.example.com/a', on, false],
    ['https://sub.example.com/a', on, false],
    ['https://private.org/x', on, false],
    ['https://notexample.com/a', on, true],
    ['file:///tmp/a.html', on, false],
    ['chrome://newtab', on, false],
    ['not a url', on, false],
    ['https://news.site/a', { ...on, historyEnabled: false }, false],
  ])('%s → %s', (url, settings, expected) => {
    expect(shouldRecord(url, settings)).toBe(expected);
  });
});

describe('reading history', () => {
  it('records, updates a re-read, counts, maps to coverage items and clears', async () => {
    const store = createStore(new IDBFactory());
    expect((await store.recordRead(read(1))).ok).toBe(true);
    expect((await store.recordRead(read(2, { date: null }))).ok).toBe(true);
    expect((await store.recordRead(read(1, { url: 'https://news.example.org/story/1#comments', readAt: 1_800_000_000_000 }))).ok).toBe(true);
    expect(await store.historyCount()).toBe(2);
    const items = await store.historyItems();
    expect(items.map((i) => i.title)).toEqual(['Story 1', 'Story 2']);
    expect(items[0]).toMatchObject({ origin: 'history', entities: ['x:alpha', 'x:beta'], source: 'news.example.org', date: '2025-05-01' });
    expect(items[1]!.date).toBe(new Date(read(2).readAt).toISOString().slice(0, 10));
    expect(await store.clearHistory('other.site')).toEqual({ ok: true, value: { removed: 0 } });
    expect(await store.clearHistory('news.example.org')).toEqual({ ok: true, value: { removed: 2 } });
    expect((await store.recordRead(read(3))).ok).toBe(true);
    expect(await store.clearHistory()).toEqual({ ok: true, value: { removed: 1 } });
    expect(await store.historyCount()).toBe(0);
  });

  it('forgets a newly excluded site by the address, subdomains included, whatever its stored site name', async () => {
    const store = createStore(new IDBFactory());
    await store.recordRead(read(1, { url: 'https://www.ledger.example/a', site: 'The Daily Ledger' }));
    await store.recordRead(read(2, { url: 'https://news.ledger.example/b', site: 'The Daily Ledger' }));
    await store.recordRead(read(3, { url: 'https://notledger.example/c', site: 'Other' }));
    expect(await store.forgetSite('ledger.example')).toEqual({ ok: true, value: { removed: 2 } });
    expect((await store.historyItems()).map((i) => i.title)).toEqual(['Story 3']);
    expect(await store.historyCount()).toBe(1);
    expect(await store.forgetSite('ledger.example')).toEqual({ ok: true, value: { removed: 0 } });
  });

  it('caps the history, evicting the oldest reads', async () => {
    const store = createStore(new IDBFactory(), 'backstory', { historyCap: 5 });
    let evicted = 0;
    for (let i = 0; i < 8; i++) {
      const r = await store.recordRead(read(i));
      if (r.ok) evicted += r.value.evicted;
    }
    expect(evicted).toBe(3);
    expect(await store.historyCount()).toBe(5);
    expect((await store.historyRecords()).map((r) => r.title)).toEqual(['Story 7', 'Story 6', 'Story 5', 'Story 4', 'Story 3']);
  });

  it('property: malformed records are rejected and lose nothing stored', async () => {
    const store = createStore(new IDBFactory());
    for (let i = 0; i < 3; i++) await store.recordRead(read(i));
    const before = JSON.stringify(await store.historyRecords());
    const bad = fc.oneof(
      fc.record({ url: fc.oneof(fc.constant('javascript:alert(1)'), fc.constant(''), fc.string().filter((s) => !/^https?:\/\//i.test(s))) }),
      fc.record({ date: fc.oneof(fc.constant('2025/05/01'), fc.constant('yesterday'), fc.integer()) }),
      fc.record({ opinionShare: fc.oneof(fc.double({ min: 1.0001, max: 1e9, noNaN: true }), fc.double({ max: -0.0001, min: -1e9, noNaN: true }), fc.constant(Number.NaN)) }),
      fc.record({ kind: fc.string().filter((s) => !['news', 'opinion', 'analysis', 'other'].includes(s)) }),
      fc.record({ entityIds: fc.oneof(fc.constant(['']), fc.constant('x:alpha'), fc.array(fc.integer(), { minLength: 1 })) }),
      fc.record({ readAt: fc.oneof(fc.constant(-1), fc.constant(1.5), fc.constant('now')) }),
      fc.record({ title: fc.string({ minLength: 2001, maxLength: 2100 }) }),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (patch) => {
        const r = await store.recordRead({ ...read(99), ...(patch as Partial<ReadRecord>) });
        expect(r.ok).toBe(false);
        expect(JSON.stringify(await store.historyRecords())).toBe(before);
      }),
      { numRuns: 80 },
    );
  });

  it('historyItemOfRead gives stable ids per article URL', () => {
    expect(historyItemOfRead(read(1)).id).toBe(historyItemOfRead(read(1, { url: 'https://news.example.org/story/1?utm_source=x#top', readAt: 5 })).id);
  });
});

describe('database upgrade', () => {
  it('v1 → current keeps installed packs (summary moved to packMeta) and history (chunked on first read)', async () => {
    expect(DB_VERSION).toBe(4);
    const factory = new IDBFactory();
    const v1 = await openDatabase(factory, 'backstory', 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['history', 'packs']);
    await new Promise<void>((resolve, reject) => {
      const tx = v1.transaction(['packs', 'history'], 'readwrite');
      tx.objectStore('packs').put({ id: 'old', summary: { id: 'old', name: 'Old pack', version: '1', counts: { entities: 0, coverage: 0, coverageWithProse: 0 }, licenses: [], installedAt: 1, chars: 10 }, pack: { id: 'old', name: 'Old pack' } });
      tx.objectStore('history').put({ ...read(1), key: 'https://news.example.org/story/1' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    v1.close();
    const store = createStore(factory);
    expect((await store.listPacks()).map((p) => [p.id, p.name])).toEqual([['old', 'Old pack']]);
    expect((await store.loadInstalledPacks()).map((p) => p.id)).toEqual(['old']);
    expect(await store.historyCount()).toBe(1);
    expect((await store.historyItems()).map((h) => h.url)).toEqual([read(1).url]);
    expect(await store.clearHistory('news.example.org')).toEqual({ ok: true, value: { removed: 1 } });
    store.close();
    const v4 = await openDatabase(factory, 'backstory');
    expect([...v4.objectStoreNames].sort()).toEqual(['history', 'historyChunks', 'packMeta', 'packs']);
    v4.close();
  });
});
