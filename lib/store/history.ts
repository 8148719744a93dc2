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
import { HISTORY, abortQuietly, requestValue, storageErrorText, transactionDone } from './db';

export const HISTORY_CAP = 10_000;

export const ReadRecord = z.object({
  url: z.string().max(8192).refine((u) => /^https?:\/\//i.test(u), 'expected an http(s) URL'),
  title: z.string().max(2000),
  site: z.string().max(500),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').nullable(),
  entityIds: z.array(z.string().min(1).max(200)).max(500),
  kind: z.enum(['news', 'opinion', 'analysis', 'other']),
  opinionShare: z.number().min(0).max(1),
  /** ms since epoch. */
  readAt: z.number().int().nonnegative(),
});
export type ReadRecord = z.infer<typeof ReadRecord>;

interface StoredRead extends ReadRecord {
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
  let evicted = 0;
  let tx: IDBTransaction | undefined;
  try {
    tx = db.transaction(HISTORY, 'readwrite');
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
          if ((cursor.value as StoredRead).key !== row.key) {
            cursor.delete();
            excess--;
            evicted++;
          }
          cursor.continue();
        };
        req.onerror = () => reject(req.error);
      });
    }
    await done;
  } catch (err) {
    abortQuietly(tx);
    return fail(storageErrorText(err, 'storeActionRecordHistory'));
  }
  return ok({ evicted });
}

export async function clearHistoryIn(db: IDBDatabase, site?: string): Promise<Result<{ removed: number }>> {
  let tx: IDBTransaction | undefined;
  try {
    tx = db.transaction(HISTORY, 'readwrite');
    const done = transactionDone(tx);
    const store = tx.objectStore(HISTORY);
    let removed: number;
    if (site === undefined) {
      removed = await requestValue(store.count());
      store.clear();
    } else {
      const keys = await requestValue(store.index('site').getAllKeys(site));
      for (const k of keys) store.delete(k);
      removed = keys.length;
    }
    await done;
    return ok({ removed });
  } catch (err) {
    abortQuietly(tx);
    return fail(storageErrorText(err, 'storeActionClearHistory'));
  }
}

export async function historyCountIn(db: IDBDatabase): Promise<number> {
  return requestValue(db.transaction(HISTORY, 'readonly').objectStore(HISTORY).count());
}

export async function historyRecordsIn(db: IDBDatabase): Promise<ReadRecord[]> {
  const rows = (await requestValue(db.transaction(HISTORY, 'readonly').objectStore(HISTORY).index('readAt').getAll())) as StoredRead[];
  return rows.reverse().map(({ key: _key, ...r }) => r);
}

/** A read as a coverage item, so later pages can say "you read this earlier". */
export function historyItemOfRead(r: ReadRecord): HistoryItem {
  return {
    id: `history:${normalizeUrl(r.url)}`,
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

export async function historyItemsIn(db: IDBDatabase): Promise<HistoryItem[]> {
  return (await historyRecordsIn(db)).map(historyItemOfRead);
}
