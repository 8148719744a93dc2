/**
 * The background's view of lib/store (IndexedDB): installed packs and the reading history,
 * filtered by the reader's settings (history on/off, excluded sites). Settings and history items
 * are kept in the worker's memory (see createHistoryPort).
 */
import type { Pack } from '../dataset/schema';
import type { HistoryItem } from '../coverage/index';
import type { PageReport } from '../report';
import type { HistoryPort } from './handlers';
import { historyEnabled, historyExcludedSites, siteOf } from '../settings';
import { findHistoryItem, insertHistoryItem, removeHistoryItem } from '../coverage/history-log';
import { defaultStore, historyItemOfRead, shouldRecord, type BackstoryStore, type ReadRecord } from '../store/index';

/** Packs the reader installed from the options page. */
export function loadInstalledPacks(store: BackstoryStore = defaultStore()): Promise<Pack[]> {
  return store.loadInstalledPacks();
}

/** What the history keeps about an article the reader opened: facts, on this device only. */
export function readRecordOf(report: PageReport, readAt: number): ReadRecord | null {
  const url = report.url;
  const site = url ? siteOf(url) : null;
  if (!url || !site || !report.article.detected) return null;
  const flags = report.opinion.length;
  const opinion = report.opinion.filter((f) => f.label === 'opinion').length;
  return {
    url: url.slice(0, 8192),
    title: report.article.title.slice(0, 2000),
    site: (report.article.siteName || site).slice(0, 500),
    date: report.article.date && /^\d{4}-\d{2}-\d{2}$/.test(report.article.date) ? report.article.date : null,
    entityIds: report.entities.map((e) => e.id).filter((id) => id.length <= 200).slice(0, 500),
    kind: report.article.kind,
    opinionShare: flags ? opinion / flags : 0,
    readAt,
  };
}

/** A setting item as the port needs it (lib/settings.ts items are WXT storage items). */
interface WatchedItem<T> {
  getValue(): Promise<T>;
  watch(cb: (value: T) => void): () => void;
}

/**
 * A reader setting kept in the worker's memory: read from storage once, then kept current by
 * storage change events, so an article does not wait for a storage.local round trip (#8). The
 * watch is registered before the read, and a change seen during the read wins over its result.
 * A failed read is not kept: the next call reads again.
 */
export function liveSetting<T>(item: WatchedItem<T>): () => T | Promise<T> {
  let known: { value: T } | null = null;
  let reading: Promise<T> | null = null;
  let watching = false;
  return () => {
    if (known) return known.value;
    if (!watching) {
      item.watch((value) => {
        known = { value };
      });
      watching = true;
    }
    reading ??= item.getValue().then(
      (value) => {
        reading = null;
        known ??= { value };
        return known.value;
      },
      (err: unknown) => {
        reading = null;
        throw err;
      },
    );
    return reading;
  };
}

/** Where `item` belongs in history items ordered as lib/store gives them (newest read first; equal readAt by key, descending). */
function placeOf(items: readonly HistoryItem[], item: HistoryItem): number {
  const at = item.readAt ?? 0;
  for (let i = 0; i < items.length; i++) {
    const o = items[i]!;
    const t = o.readAt ?? 0;
    if (t < at || (t === at && o.id < item.id)) return i;
  }
  return items.length;
}

/**
 * Updates the cached items, in place, as lib/store's recordReadIn changed the store: the article's
 * earlier read dropped (one record per normalised URL), the new one placed in read order, and the
 * `evicted` oldest reads other than this one dropped. Each edit goes through the history log, so
 * the coverage ranking applies the same few changes to its posting lists
 * (lib/coverage/history-index.ts) instead of meeting a new 10,000-item array per record (#8).
 */
export function recordInHistory(items: HistoryItem[], read: ReadRecord, evicted: number): void {
  const item = historyItemOfRead(read);
  const earlier = findHistoryItem(items, item.id);
  const at = earlier ? items.indexOf(earlier) : -1;
  if (at >= 0) removeHistoryItem(items, at);
  insertHistoryItem(items, placeOf(items, item), item);
  for (let i = items.length - 1; evicted > 0 && i >= 0; i--) {
    if (items[i] === item) continue;
    removeHistoryItem(items, i);
    evicted--;
  }
}

/**
 * How long without an article, after one answered from the entity index, before the whole history
 * is read (and then kept): past that article's answer and its record's write. Negative: never (tests).
 */
export const HOLD_AFTER_MS = 5000;

/**
 * The reading history as the worker's analysis sees it. The worker's articles ask itemsFor: the
 * first after a worker start reads only the reads sharing an entity with it, from the store's
 * entity index, instead of waiting for the whole history (#8); the whole history is then read in
 * the background and kept in memory (a record updates it in place of re-reading up to
 * HISTORY_CAP records), and later articles rank from it. It is read again only after the options
 * page changed the history (`ui:history-changed`: delete, clear) or a storage error.
 *
 * The kept array is the one items() and itemsFor() return, and later records change it in place
 * (recordInHistory): a caller ranks with it at once (the worker does, synchronously after the
 * await) or copies it. A dropped array is left as it was.
 */
export function createHistoryPort(log: (...args: unknown[]) => void, store: BackstoryStore = defaultStore(), now: () => number = Date.now, holdAfterMs = HOLD_AFTER_MS): HistoryPort {
  const enabled = liveSetting<boolean>(historyEnabled);
  const excluded = liveSetting<string[]>(historyExcludedSites);
  /** The store's items, once read; null until then and after a drop. */
  let items: HistoryItem[] | null = null;
  let loading: Promise<HistoryItem[]> | null = null;
  /** Bumped whenever the cache is dropped or replaced by a read, so a read or record that began before does not apply. */
  let epoch = 0;

  function drop(): void {
    epoch++;
    items = null;
    loading = null;
  }

  function load(): Promise<HistoryItem[]> {
    if (items) return Promise.resolve(items);
    if (loading) return loading;
    const started = epoch;
    const read = store.historyItems().then(
      (list) => {
        if (epoch === started) {
          epoch++;
          items = list;
          loading = null;
        }
        return list;
      },
      (err: unknown) => {
        log('history unavailable', err);
        if (epoch === started) loading = null;
        return [] as HistoryItem[];
      },
    );
    loading = read;
    return read;
  }

  /**
   * After an article answered from the entity index, the whole history is read once in the
   * background, once holdAfterMs passed without another article (past that article's answer and
   * record), so the worker's later articles rank from memory as before instead of reading by
   * entity each time; an article arriving meanwhile reads by entity again.
   */
  let holdTimer: ReturnType<typeof setTimeout> | null = null;
  function holdLater(): void {
    if (holdAfterMs < 0) return;
    // Restarted by each article: the read waits for holdAfterMs without one.
    if (holdTimer !== null) clearTimeout(holdTimer);
    holdTimer = setTimeout(() => {
      holdTimer = null;
      if (!items && !loading) void load();
    }, holdAfterMs);
  }

  return {
    async items() {
      if (!(await enabled())) return [];
      return items ?? load();
    },
    async itemsFor(entityIds) {
      if (!(await enabled())) return [];
      if (items) return items;
      // (A whole read under way is not waited for: an entity read is shorter.)
      // The reads naming one of the article's entities (or all of them, when most do: then kept).
      const started = epoch;
      const got = await store.historyItemsFor(entityIds).catch((err: unknown) => {
        log('history unavailable', err);
        return { items: [] as HistoryItem[], all: false };
      });
      if (got.all) {
        if (epoch === started && !items && !loading) {
          epoch++;
          items = got.items;
        }
      } else holdLater();
      return got.items;
    },
    async record(report) {
      const [on, sites] = await Promise.all([enabled(), excluded()]);
      if (!shouldRecord(report.url, { historyEnabled: on, historyExcludedSites: sites })) return;
      const read = readRecordOf(report, now());
      if (!read) return;
      // Apply the write to the cache only if the cache held the store's items before it and
      // nothing replaced them meanwhile; a read under way may or may not include the write.
      const before = items ? epoch : null;
      const res = await store.recordRead(read);
      if (!res.ok) {
        log('history record failed:', res.error);
        drop();
        return;
      }
      if (items && before === epoch) recordInHistory(items, read, res.value.evicted);
      else drop();
    },
    changed() {
      drop();
    },
  };
}
