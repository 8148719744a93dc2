/**
 * lib/store: what the background and the options page keep in IndexedDB — packs the reader
 * installed and the reading history. Every function opens (once) the "backstory" database of
 * the given factory; `createStore(factory)` gives the same API on another factory (tests use
 * fake-indexeddb). Writes answer Result values (quota and validation errors are reported, not thrown).
 *
 *   installPack(text, onProgress?)  → Result<PackSummary>   (validates; all-or-nothing)
 *   listPacks()                     → PackSummary[]
 *   removePack(id)                  → Result<{ removed }>
 *   loadInstalledPacks()            → Pack[]
 *   recordRead(read)                → Result<{ evicted }>    (cap HISTORY_CAP, oldest evicted)
 *   shouldRecord(url, settings)     → boolean               (pure; settings from lib/settings)
 *   clearHistory(site?)             → Result<{ removed }>
 *   forgetSite(host)                → Result<{ removed }>    (the reads an exclusion of host covers)
 *   historyCount()                  → number
 *   historyItems()                  → HistoryItem[]         (coverage items, origin 'history')
 *   historyItemsFor(entityIds)      → { items, all }        (the reads naming one of them, same order; all reads when most do)
 */
import type { Pack } from '../dataset/schema';
import type { HistoryItem } from '../coverage/index';
import type { Result } from '../messaging';
import { t } from '../i18n';
import { DB_NAME, openDatabase, type StoreAction } from './db';
import { installPackInto, listPacksIn, loadPacksFrom, removePackFrom, type InstallResult, type PackSummary } from './packs';
import { clearHistoryIn, forgetSiteIn, historyCountIn, historyItemsForIn, historyItemsIn, historyRecordsIn, recordReadIn, HISTORY_CAP, type HistoryLookup, type ReadRecord } from './history';

export { shouldRecord, historyItemOfRead, HISTORY_CAP, ENTITY_READ_MAX_SHARE, ReadRecord, type HistoryLookup, type HistorySettings } from './history';
export { MAX_PACK_CHARS, validatePackText, type InstallResult, type PackSummary } from './packs';
export { DB_NAME, DB_VERSION, openDatabase } from './db';

export interface BackstoryStore {
  installPack(text: string, onProgress?: (fraction: number) => void): Promise<InstallResult<PackSummary>>;
  listPacks(): Promise<PackSummary[]>;
  removePack(id: string): Promise<Result<{ removed: boolean }>>;
  loadInstalledPacks(): Promise<Pack[]>;
  recordRead(read: ReadRecord): Promise<Result<{ evicted: number }>>;
  clearHistory(site?: string): Promise<Result<{ removed: number }>>;
  forgetSite(host: string): Promise<Result<{ removed: number }>>;
  historyCount(): Promise<number>;
  historyRecords(): Promise<ReadRecord[]>;
  historyItems(): Promise<HistoryItem[]>;
  historyItemsFor(entityIds: readonly string[], maxShare?: number): Promise<HistoryLookup>;
  close(): void;
}

export function createStore(factory: IDBFactory = globalThis.indexedDB, name = DB_NAME, options: { historyCap?: number } = {}): BackstoryStore {
  let open: Promise<IDBDatabase> | null = null;
  const db = async () => {
    if (!open) {
      open = openDatabase(factory, name);
      open.then((d) => {
        d.onclose = () => { open = null; };
        const prev = d.onversionchange;
        d.onversionchange = (ev) => { open = null; prev?.call(d, ev); };
      }, () => { open = null; });
    }
    return open;
  };
  const guard = async <R extends Result<unknown> | InstallResult<unknown>>(fn: (d: IDBDatabase) => Promise<R>, action: StoreAction): Promise<R | Result<never>> => {
    try {
      return await fn(await db());
    } catch (err) {
      return { ok: false, error: t('storeCouldNot', [t(action), (err as Error)?.message ?? String(err)]) };
    }
  };
  return {
    installPack: (text, onProgress) => guard((d) => installPackInto(d, text, onProgress), 'storeActionInstallPack'),
    listPacks: async () => listPacksIn(await db()),
    removePack: (id) => guard((d) => removePackFrom(d, id), 'storeActionRemovePack'),
    loadInstalledPacks: async () => loadPacksFrom(await db()),
    recordRead: (read) => guard((d) => recordReadIn(d, read, options.historyCap ?? HISTORY_CAP), 'storeActionRecordArticle'),
    clearHistory: (site) => guard((d) => clearHistoryIn(d, site), 'storeActionClearHistory'),
    forgetSite: (host) => guard((d) => forgetSiteIn(d, host), 'storeActionClearHistory'),
    historyCount: async () => historyCountIn(await db()),
    historyRecords: async () => historyRecordsIn(await db()),
    historyItems: async () => historyItemsIn(await db()),
    historyItemsFor: async (ids, maxShare) => historyItemsForIn(await db(), ids, maxShare),
    close: () => {
      void open?.then((d) => d.close(), () => {});
      open = null;
    },
  };
}

let shared: BackstoryStore | null = null;
/** The store on this context's real IndexedDB (background, options page). */
export function defaultStore(): BackstoryStore {
  return (shared ??= createStore());
}

export const installPack = (text: string, onProgress?: (fraction: number) => void) => defaultStore().installPack(text, onProgress);
export const listPacks = () => defaultStore().listPacks();
export const removePack = (id: string) => defaultStore().removePack(id);
export const loadInstalledPacks = () => defaultStore().loadInstalledPacks();
export const recordRead = (read: ReadRecord) => defaultStore().recordRead(read);
export const clearHistory = (site?: string) => defaultStore().clearHistory(site);
export const forgetSite = (host: string) => defaultStore().forgetSite(host);
export const historyCount = () => defaultStore().historyCount();
export const historyRecords = () => defaultStore().historyRecords();
export const historyItems = () => defaultStore().historyItems();
