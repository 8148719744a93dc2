/**
 * The history's chunked copy (lib/store/history.ts, #8): what historyItems() reads from the
 * chunks must be exactly what reading every record gives (same items, same order), after any mix
 * of reads, re-reads, evictions and clears; and it must come from the chunks when they are whole.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { createStore, historyItemOfRead, type ReadRecord } from '../lib/store/index';
import { HISTORY_CHUNKS, openDatabase, requestValue } from '../lib/store/db';
import { HISTORY_CHUNK_COUNT, chunkOfKey, type StoredRead } from '../lib/store/history';

const read = (i: number, readAt: number, site = 'news.example.org'): ReadRecord => ({
  url: `https://${site}/story/${i}?utm_source=feed`,
  title: `Story ${i}`,
  site,
  date: i % 5 === 0 ? null : '2025-05-01',
  entityIds: [`Q${i % 7}`, `Q${i % 3}`],
  kind: 'news',
  opinionShare: 0,
  readAt,
});

/** The records one by one, as the history was read before the chunks. */
async function fromRecords(store: ReturnType<typeof createStore>) {
  return (await store.historyRecords()).map((r) => historyItemOfRead(r));
}

async function chunkRows(factory: IDBFactory, name: string): Promise<{ n: number; reads: StoredRead[] }[]> {
  const db = await openDatabase(factory, name);
  try {
    return (await requestValue(db.transaction(HISTORY_CHUNKS).objectStore(HISTORY_CHUNKS).getAll())) as { n: number; reads: StoredRead[] }[];
  } finally {
    db.close();
  }
}

describe('history chunks', () => {
  it('spread keys over the chunks', () => {
    const used = new Set(Array.from({ length: 2000 }, (_, i) => chunkOfKey(`https://site${i % 13}.example/a/${i}`)));
    expect(used.size).toBe(HISTORY_CHUNK_COUNT);
  });

  it('property: give what the records give, after reads, re-reads, evictions and clears', async () => {
    type Op = { kind: 'read'; page: number; site: number; dt: number } | { kind: 'clearSite'; site: number } | { kind: 'clearAll' } | { kind: 'look' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 12, arbitrary: fc.record({ kind: fc.constant('read' as const), page: fc.integer({ min: 0, max: 40 }), site: fc.integer({ min: 0, max: 2 }), dt: fc.integer({ min: -3, max: 3 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clearSite' as const), site: fc.integer({ min: 0, max: 2 }) }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'clearAll' as const }) },
      { weight: 3, arbitrary: fc.constant({ kind: 'look' as const }) },
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        const name = `chunks-${run++}`;
        const store = createStore(new IDBFactory(), name, { historyCap: 12 });
        let clock = 1_700_000_000_000;
        for (const o of ops) {
          if (o.kind === 'read') {
            // dt ≤ 0: a read time equal to or older than the last (ties and out-of-order reads).
            clock += o.dt * 1000;
            expect((await store.recordRead(read(o.page, clock, `site${o.site}.example`))).ok).toBe(true);
          } else if (o.kind === 'clearSite') await store.clearHistory(`site${o.site}.example`);
          else if (o.kind === 'clearAll') await store.clearHistory();
          else expect(await store.historyItems()).toEqual(await fromRecords(store));
        }
        expect(await store.historyItems()).toEqual(await fromRecords(store));
        store.close();
      }),
      { numRuns: 60 },
    );
  });

  it('reads the chunks when they hold every record, and rebuilds them when they do not', async () => {
    const factory = new IDBFactory();
    const store = createStore(factory, 'whole', { historyCap: 300 });
    for (let i = 0; i < 320; i++) await store.recordRead(read(i, 1_700_000_000_000 + (i % 50) * 1000));
    const rows = await chunkRows(factory, 'whole');
    expect(rows.reduce((n, c) => n + c.reads.length, 0)).toBe(300);
    for (const c of rows) for (const r of c.reads) expect(chunkOfKey(r.key)).toBe(c.n);
    const expected = await fromRecords(store);
    expect(await store.historyItems()).toEqual(expected);

    // A chunk that says something else than the records, with the count intact, is what is read:
    // proof that historyItems() takes the chunks (the invariant keeps this from happening).
    const db = await openDatabase(factory, 'whole');
    const [first] = rows;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(HISTORY_CHUNKS, 'readwrite');
      tx.objectStore(HISTORY_CHUNKS).put({ n: first!.n, reads: first!.reads.map((r) => ({ ...r, title: 'from the chunk' })) });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    expect((await store.historyItems()).filter((h) => h.title === 'from the chunk')).toHaveLength(first!.reads.length);

    // A chunk short of a read: the count differs, so the records are read and the chunks rebuilt.
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(HISTORY_CHUNKS, 'readwrite');
      tx.objectStore(HISTORY_CHUNKS).put({ n: first!.n, reads: first!.reads.slice(1) });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    expect(await store.historyItems()).toEqual(expected);
    expect((await chunkRows(factory, 'whole')).reduce((n, c) => n + c.reads.length, 0)).toBe(300);
    store.close();
  });
});
