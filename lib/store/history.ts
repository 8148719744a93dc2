/**
 * Reading history in IndexedDB: one record per article URL (a re-read updates it), capped at
 * HISTORY_CAP with the oldest reads evicted in the same transaction. Records hold facts about
 * pages the reader opened (URL, title, site, date, entity ids, kind, opinion share, when) and
 * never leave the device. Whether to record at all is the reader's setting (shouldRecord).
 */
import { z } from 'zod';
import type { HistoryItem } from '../coverage/index';
import { normalizeUrl } from '../coverage/facts';
import { fail, ok, type Result } from '../messaging';
import { HISTORY, HISTORY_BY_ENTITY, HISTORY_CHUNKS, abortQuietly, requestValue, storageErrorText, transactionDone } from './db';
import { fnv1a } from '../fnv';
import { lazily } from '../lazy';

export const HISTORY_CAP = 10_000;

/**
 * The history is kept twice: one record per read (what the options page counts, clears by site,
 * and what eviction walks by read time), and the same reads grouped into HISTORY_CHUNK_COUNT rows
 * by a hash of their key. Reading 10,000 records one by one is what the worker's first article
 * after a start used to wait for (in Chromium ~13× the time of reading the same data as one row,
 * #8); the chunks give it in 64 rows. A write touches the record and one or two chunks.
 *
 * Invariant: every read in a chunk is in the records with the same value, at most once, in the
 * chunk of its key (each change to the records makes the same change to the chunks, or empties
 * them). So the chunks hold all the history exactly when they hold as many reads as there are
 * records; otherwise (a new database, a site cleared) they are rebuilt from the records.
 */
export const HISTORY_CHUNK_COUNT = 64;

interface HistoryChunk {
  n: number;
  reads: StoredRead[];
}

/** The chunk of a read's key (FNV-1a). */
export function chunkOfKey(key: string): number {
  return fnv1a(key) % HISTORY_CHUNK_COUNT;
}

// Built on first use (lib/lazy.ts, issue #8): the worker imports this module at every start, and
// most starts record no read.
export const ReadRecord = /* @__PURE__ */ lazily(() => z.object({
  url: z.string().max(8192).refine((u) => /^https?:\/\//i.test(u), 'expected an http(s) URL'),
  title: z.string().max(2000),
  site: z.string().max(500),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').nullable(),
  entityIds: z.array(z.string().min(1).max(200)).max(500),
  kind: z.enum(['news', 'opinion', 'analysis', 'other']),
  opinionShare: z.number().min(0).max(1),
  /** ms since epoch. */
  readAt: z.number().int().nonnegative(),
}));
export type ReadRecord = z.infer<typeof ReadRecord>;

export interface StoredRead extends ReadRecord {
  /** The normalised URL: one record per article. */
  key: string;
}

export interface HistorySettings {
  historyEnabled: boolean;
  historyExcludedSites: readonly string[];
}

/** Hostname of an http(s) URL, lower case, or null. */
function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Whether the background may record a read of `url`: history on, an http(s) page, and the site not
 * excluded. An excluded "example.com" also covers "www.example.com" and "news.example.com".
 */
export function shouldRecord(url: string | null | undefined, settings: HistorySettings): boolean {
  if (!settings.historyEnabled || !url) return false;
  const host = hostOf(url);
  if (!host) return false;
  return !settings.historyExcludedSites.some((raw) => {
    const site = raw.trim().toLowerCase().replace(/^www\./, '');
    if (!site) return false;
    const h = host.replace(/^www\./, '');
    return h === site || h.endsWith(`.${site}`);
  });
}

function firstIssue(error: z.ZodError): string {
  const i = error.issues[0]!;
  return `${i.path.join('.') || '(record)'}: ${i.message}`;
}

export async function recordReadIn(db: IDBDatabase, record: ReadRecord, cap = HISTORY_CAP): Promise<Result<{ evicted: number }>> {
  const parsed = ReadRecord.safeParse(record);
  if (!parsed.success) return fail(`Not recorded: ${firstIssue(parsed.error)}`);
  const row: StoredRead = { ...parsed.data, key: normalizeUrl(parsed.data.url) };
  const evictedKeys: string[] = [];
  let tx: IDBTransaction | undefined;
  try {
    tx = db.transaction([HISTORY, HISTORY_CHUNKS], 'readwrite');
    const done = transactionDone(tx);
    const store = tx.objectStore(HISTORY);
    store.put(row);
    const count = await requestValue(store.count());
    if (count > cap) {
      let excess = count - cap;
      await new Promise<void>((resolve, reject) => {
        const req = store.index('readAt').openCursor();
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor || excess <= 0) return resolve();
          // Never evict the record just written (it may carry an old readAt).
          const key = (cursor.value as StoredRead).key;
          if (key !== row.key) {
            cursor.delete();
            excess--;
            evictedKeys.push(key);
          }
          cursor.continue();
        };
        req.onerror = () => reject(req.error);
      });
    }
    await updateChunks(tx.objectStore(HISTORY_CHUNKS), row, evictedKeys);
    await done;
  } catch (err) {
    abortQuietly(tx);
    return fail(storageErrorText(err, 'storeActionRecordHistory'));
  }
  return ok({ evicted: evictedKeys.length });
}

/** The chunks' share of a record: `row` replaces its key's earlier read, the evicted reads go. */
function updateChunks(chunks: IDBObjectStore, row: StoredRead, evictedKeys: readonly string[]): Promise<void> {
  return rewriteChunks(chunks, [row.key, ...evictedKeys], row);
}

/** Removes the reads of `keys` from the chunks that hold them (chunks not built yet stay unbuilt). */
function dropFromChunks(chunks: IDBObjectStore, keys: readonly string[]): Promise<void> {
  return rewriteChunks(chunks, keys);
}

/**
 * Rewrites the chunks holding `keys` without those reads, then adds `row` to its own chunk. With a
 * row every touched chunk is written (a record builds its chunks); without, missing chunks are left.
 */
async function rewriteChunks(chunks: IDBObjectStore, keys: readonly string[], row?: StoredRead): Promise<void> {
  const drop = new Map<number, Set<string>>();
  for (const key of keys) {
    const n = chunkOfKey(key);
    let set = drop.get(n);
    if (!set) drop.set(n, (set = new Set()));
    set.add(key);
  }
  const own = row ? chunkOfKey(row.key) : -1;
  const got = await Promise.all([...drop.keys()].map((n) => requestValue(chunks.get(n) as IDBRequest<HistoryChunk | undefined>)));
  for (const [i, n] of [...drop.keys()].entries()) {
    const chunk = got[i];
    if (!chunk && !row) continue;
    const set = drop.get(n)!;
    const reads = (chunk?.reads ?? []).filter((r) => !set.has(r.key));
    if (n === own) reads.push(row!);
    chunks.put({ n, reads } satisfies HistoryChunk);
  }
}

/** Run `change` in one read-write transaction over the reads and their chunks; its count is what it removed. */
async function removeReadsIn(db: IDBDatabase, change: (store: IDBObjectStore, chunks: IDBObjectStore) => Promise<number>): Promise<Result<{ removed: number }>> {
  let tx: IDBTransaction | undefined;
  try {
    tx = db.transaction([HISTORY, HISTORY_CHUNKS], 'readwrite');
    const done = transactionDone(tx);
    const removed = await change(tx.objectStore(HISTORY), tx.objectStore(HISTORY_CHUNKS));
    await done;
    return ok({ removed });
  } catch (err) {
    abortQuietly(tx);
    return fail(storageErrorText(err, 'storeActionClearHistory'));
  }
}

/** Delete these reads, from their chunks too (a few rows), so whole chunks stay whole and the next
 *  full read need not rebuild them from every record. */
async function deleteReads(store: IDBObjectStore, chunks: IDBObjectStore, keys: string[]): Promise<number> {
  for (const k of keys) store.delete(k);
  await dropFromChunks(chunks, keys);
  return keys.length;
}

export async function clearHistoryIn(db: IDBDatabase, site?: string): Promise<Result<{ removed: number }>> {
  return removeReadsIn(db, async (store, chunks) => {
    if (site !== undefined) return deleteReads(store, chunks, (await requestValue(store.index('site').getAllKeys(site))) as string[]);
    const removed = await requestValue(store.count());
    store.clear();
    chunks.clear();
    return removed;
  });
}

/**
 * Forget what was remembered from a site the reader has just excluded: every read whose address
 * the exclusion of `host` covers, by shouldRecord's own rule ("example.com" also covers
 * "www.example.com" and "news.example.com"). clearHistoryIn's `site` is the stored site name,
 * often the outlet's ("The Daily Ledger"), so it cannot answer this.
 */
export async function forgetSiteIn(db: IDBDatabase, host: string): Promise<Result<{ removed: number }>> {
  return removeReadsIn(db, async (store, chunks) => {
    const excluded: HistorySettings = { historyEnabled: true, historyExcludedSites: [host] };
    const reads = (await requestValue(store.getAll())) as StoredRead[];
    return deleteReads(store, chunks, reads.filter((r) => !shouldRecord(r.url, excluded)).map((r) => r.key));
  });
}

export async function historyCountIn(db: IDBDatabase): Promise<number> {
  return requestValue(db.transaction(HISTORY, 'readonly').objectStore(HISTORY).count());
}

export async function historyRecordsIn(db: IDBDatabase): Promise<ReadRecord[]> {
  const rows = (await requestValue(db.transaction(HISTORY, 'readonly').objectStore(HISTORY).index('readAt').getAll())) as StoredRead[];
  return rows.reverse().map(({ key: _key, ...r }) => r);
}

/** A read as a coverage item, so later pages can say "you read this earlier". `key`: its normalised URL. */
export function historyItemOfRead(r: ReadRecord, key: string = normalizeUrl(r.url)): HistoryItem {
  return {
    id: `history:${key}`,
    // The article's own date; else the day it was read (it existed by then).
    date: r.date ?? new Date(r.readAt).toISOString().slice(0, 10),
    title: r.title,
    source: r.site,
    url: r.url,
    entities: r.entityIds,
    topics: [],
    origin: 'history',
    readAt: r.readAt,
  };
}

/** Newest read first; equal read times by key, descending (the readAt index's order, reversed). */
function byReadOrder(a: StoredRead, b: StoredRead): number {
  return b.readAt - a.readAt || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
}

/** All reads, from the chunks; rebuilt from the records when the chunks do not hold them all. */
export async function historyReadsIn(db: IDBDatabase): Promise<StoredRead[]> {
  // The count and the chunks in one transaction: one snapshot.
  const tx = db.transaction([HISTORY, HISTORY_CHUNKS], 'readonly');
  const [count, chunks] = await Promise.all([
    requestValue(tx.objectStore(HISTORY).count()),
    requestValue(tx.objectStore(HISTORY_CHUNKS).getAll() as IDBRequest<HistoryChunk[]>),
  ]);
  let held = 0;
  for (const c of chunks) held += c.reads.length;
  const reads = held === count ? chunks.flatMap((c) => c.reads) : await rechunk(db).catch(async () => (await requestValue(db.transaction(HISTORY, 'readonly').objectStore(HISTORY).getAll())) as StoredRead[]);
  return reads.sort(byReadOrder);
}

/** Fills the chunks from the records (one transaction, so no record slips in between); returns the reads. */
async function rechunk(db: IDBDatabase): Promise<StoredRead[]> {
  const tx = db.transaction([HISTORY, HISTORY_CHUNKS], 'readwrite');
  const done = transactionDone(tx);
  const rows = (await requestValue(tx.objectStore(HISTORY).getAll())) as StoredRead[];
  const chunks = tx.objectStore(HISTORY_CHUNKS);
  chunks.clear();
  const parts = new Map<number, StoredRead[]>();
  for (const r of rows) {
    const n = chunkOfKey(r.key);
    const part = parts.get(n);
    if (part) part.push(r);
    else parts.set(n, [r]);
  }
  for (const [n, reads] of parts) chunks.put({ n, reads } satisfies HistoryChunk);
  // Not kept (quota, a closing database): the records still answer; the next read tries again.
  await done.catch(() => {});
  return rows;
}

export async function historyItemsIn(db: IDBDatabase): Promise<HistoryItem[]> {
  return (await historyReadsIn(db)).map(({ key, ...r }) => historyItemOfRead(r, key));
}

/**
 * Past this share of the records (index entries of the wanted entities over all records), reading
 * the wanted reads one by one would cost about what reading every read from the 64 rows costs:
 * Chromium pays per record. Measured in the extension's worker at 10,000 reads (bench
 * browser-history, alternated pairs): 21 % of index entries (1,803 reads) ×0.64–0.71 of the rows'
 * time, 3.4 % (339 reads) ×0.18 (#8).
 */
export const ENTITY_READ_MAX_SHARE = 0.25;

export interface HistoryLookup {
  items: HistoryItem[];
  /** True when `items` is the whole history (read from the rows because most of it matched). */
  all: boolean;
}

/**
 * The reads naming at least one of `entityIds`, in the order historyItemsIn gives all reads
 * (newest read first), or, when they are a large share of the history, all reads (`all`).
 * Related coverage scores a history item only through the query entities it names
 * (lib/coverage/rank.ts), so ranking with either gives what ranking with the whole history gives
 * (test/history-entity-read.test.ts). The worker's first article after a start reads a few index
 * ranges instead of every record when its entities are rare in the history (#8).
 */
export async function historyItemsForIn(db: IDBDatabase, entityIds: readonly string[], maxShare = ENTITY_READ_MAX_SHARE): Promise<HistoryLookup> {
  const ids = [...new Set(entityIds)];
  if (ids.length === 0) return { items: [], all: false };
  const store = db.transaction(HISTORY, 'readonly').objectStore(HISTORY);
  const index = store.index(HISTORY_BY_ENTITY);
  // Counting reads index entries only, not the records' values.
  const [total, ...counts] = await Promise.all([requestValue(store.count()), ...ids.map((id) => requestValue(index.count(id)))]);
  const matching = counts.reduce((a, b) => a + b, 0);
  if (matching === 0) return { items: [], all: false };
  if (matching > total * maxShare) return { items: await historyItemsIn(db), all: true };
  const lists = await Promise.all(ids.map((id, i) => (counts[i] ? (requestValue(index.getAll(id)) as Promise<StoredRead[]>) : Promise.resolve([]))));
  const byKey = new Map<string, StoredRead>();
  for (const list of lists) for (const r of list) if (!byKey.has(r.key)) byKey.set(r.key, r);
  return { items: [...byKey.values()].sort(byReadOrder).map(({ key, ...r }) => historyItemOfRead(r, key)), all: false };
}
