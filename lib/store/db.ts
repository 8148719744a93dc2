/**
 * The extension's IndexedDB database ("backstory"): installed reader packs and the reading
 * history. Plain indexedDB API, no wrapper library. The factory is a defaulted parameter so tests
 * run on fake-indexeddb and the background on the real one.
 *
 * Versions (one migration each, applied in order inside the upgrade transaction):
 *   v1  packs   {id, summary, pack}            keyPath id
 *       history {key, …ReadRecord}             keyPath key (normalised URL), index readAt
 *   v2  packMeta {…PackSummary}                keyPath id — listPacks() no longer reads whole
 *       packs; v1 summaries are moved here and `packs` keeps {id, pack} only.
 *       history index "site" (clear one site's history when it is excluded).
 *   v3  historyChunks {n, reads}                keyPath n — the history again, in a few rows:
 *       each read also sits in chunk hash(key) mod HISTORY_CHUNKS_N, so the worker's first
 *       article after a start reads ~64 rows instead of up to 10,000 records (lib/store/history.ts).
 *       Starts empty; the first history read fills it.
 *   v4  history index "entity" (multiEntry on entityIds): the worker reads only the reads that
 *       share an entity with the article it ranks (historyItemsFor), a few index reads instead of
 *       the whole history after each worker start (#8). Built over the existing records by the upgrade.
 */
import { t, type MessageKey } from '../i18n';
export const DB_NAME = 'backstory';
export const DB_VERSION = 4;

export const PACKS = 'packs';
export const PACK_META = 'packMeta';
export const HISTORY = 'history';
export const HISTORY_CHUNKS = 'historyChunks';
/** The history's multiEntry index on entityIds (v4). */
export const HISTORY_BY_ENTITY = 'entity';

type Migration = (db: IDBDatabase, tx: IDBTransaction) => void;

export const MIGRATIONS: Migration[] = [
  // → v1
  (db) => {
    db.createObjectStore(PACKS, { keyPath: 'id' });
    const history = db.createObjectStore(HISTORY, { keyPath: 'key' });
    history.createIndex('readAt', 'readAt');
  },
  // → v2
  (db, tx) => {
    const meta = db.createObjectStore(PACK_META, { keyPath: 'id' });
    const packs = tx.objectStore(PACKS);
    packs.openCursor().onsuccess = (ev) => {
      const cursor = (ev.target as IDBRequest<IDBCursorWithValue | null>).result;
      if (!cursor) return;
      const row = cursor.value as { id: string; summary?: Record<string, unknown>; pack: unknown };
      if (row.summary) meta.put({ ...row.summary, id: row.id });
      cursor.update({ id: row.id, pack: row.pack });
      cursor.continue();
    };
    tx.objectStore(HISTORY).createIndex('site', 'site');
  },
  // → v3
  (db) => {
    db.createObjectStore(HISTORY_CHUNKS, { keyPath: 'n' });
  },
  // → v4
  (_db, tx) => {
    tx.objectStore(HISTORY).createIndex(HISTORY_BY_ENTITY, 'entityIds', { multiEntry: true });
  },
];

export function openDatabase(factory: IDBFactory = globalThis.indexedDB, name = DB_NAME, version = DB_VERSION): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!factory) {
      reject(new Error('IndexedDB is not available here'));
      return;
    }
    const req = factory.open(name, version);
    req.onupgradeneeded = (ev) => {
      const db = req.result;
      const tx = req.transaction!;
      for (let v = ev.oldVersion; v < version; v++) MIGRATIONS[v]!(db, tx);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another context (options page vs background) upgrading: let it, reopen on next use.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('could not open the database'));
    req.onblocked = () => reject(new Error('the database is open in an older version of Backstory (reload its pages)'));
  });
}

export function requestValue<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

/** Resolves when the transaction commits; rejects with its error when it aborts. */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
    tx.onerror = (ev) => {
      // Let onabort report; prevent the default only for logging friendliness.
      void ev;
    };
  });
  // Callers may fail before awaiting it; they report that failure instead.
  done.catch(() => {});
  return done;
}

/** Abort a transaction that may already be finished. */
export function abortQuietly(tx: IDBTransaction | undefined): void {
  try {
    tx?.abort();
  } catch {
    /* already committed or aborted */
  }
}

/** What the reader asked for, worded by a storeAction… message (it completes "Could not …"). */
export type StoreAction = Extract<MessageKey, `storeAction${string}`>;

/**
 * Turns IndexedDB failures into a sentence for the reader (in their language: the options page
 * shows it as it is); quota gets its own. The browser's detail stays as the browser gave it.
 */
export function storageErrorText(err: unknown, action: StoreAction, subs: string[] = []): string {
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = (err as { message?: string } | null)?.message ?? String(err);
  const what = t(action, subs);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return t('storeNoSpace', what);
  return t('storeCouldNot', [what, message || name || t('storeDetailUnknown')]);
}
