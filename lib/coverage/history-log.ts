/**
 * A reading-history array changed in place, with a log of its changes.
 *
 * The worker keeps one history array and updates it after each recorded article (the read placed
 * by time, its earlier read dropped, the oldest evicted: lib/background/store-port.ts). Passing a
 * new 10,000-item array each time made the ranking compare the two arrays item by item and copy
 * one, and the allocation and collection of those arrays was most of the query's tail after a
 * record (#8). Instead the array is edited here, each edit bumps its version and is logged, and
 * the history index (history-index.ts) applies the edits since the version it last saw to its
 * posting lists: a record costs its own changes, not the history.
 *
 * An array nobody edited here is at version 0 with no changes. Only the last MAX_KEPT changes are
 * kept: a reader further behind is told so (null) and rebuilds.
 */
import type { HistoryItem } from './index';

export type HistoryChange =
  /** `item` was inserted between `prev` and `next` (null: at that end of the array). */
  | { kind: 'added'; item: HistoryItem; prev: HistoryItem | null; next: HistoryItem | null }
  | { kind: 'dropped'; item: HistoryItem };

interface Log {
  version: number;
  /** The changes that led from version `version - changes.length` to `version`. */
  changes: HistoryChange[];
  /** Item by id, made on the first findHistoryItem and kept by the edits. */
  byId: Map<string, HistoryItem> | null;
}

/** Enough for the changes of many records (≤ 3 each) between two queries. */
export const MAX_KEPT = 256;

const logs = new WeakMap<readonly HistoryItem[], Log>();

function logOf(items: readonly HistoryItem[]): Log {
  let log = logs.get(items);
  if (!log) logs.set(items, (log = { version: 0, changes: [], byId: null }));
  return log;
}

function note(log: Log, change: HistoryChange): void {
  log.version++;
  log.changes.push(change);
  // Trimmed in halves, so the copy is rare.
  if (log.changes.length > MAX_KEPT) log.changes = log.changes.slice(log.changes.length - (MAX_KEPT >> 1));
}

/** How many logged edits `items` has had. */
export function historyVersion(items: readonly HistoryItem[]): number {
  return logs.get(items)?.version ?? 0;
}

/** The edits of `items` after `version`, oldest first; null when they are no longer kept. */
export function historyChangesSince(items: readonly HistoryItem[], version: number): readonly HistoryChange[] | null {
  const log = logs.get(items);
  const now = log?.version ?? 0;
  if (version === now) return [];
  if (!log || version > now || now - version > log.changes.length) return null;
  return log.changes.slice(log.changes.length - (now - version));
}

/**
 * The item of `items` with this id (ids are unique in the store's history: one read per
 * normalised URL), without comparing it with every item's id: a re-read is found in O(1) and a
 * new page costs no scan of the history (#8). Valid while `items` changes only through this log.
 */
export function findHistoryItem(items: readonly HistoryItem[], id: string): HistoryItem | undefined {
  const log = logOf(items);
  if (!log.byId) {
    log.byId = new Map();
    for (const h of items) if (!log.byId.has(h.id)) log.byId.set(h.id, h);
  }
  return log.byId.get(id);
}

/** Inserts `item` at position `at` of `items` (logged). */
export function insertHistoryItem(items: HistoryItem[], at: number, item: HistoryItem): void {
  const log = logOf(items);
  items.splice(at, 0, item);
  if (log.byId && !log.byId.has(item.id)) log.byId.set(item.id, item);
  note(log, { kind: 'added', item, prev: at > 0 ? items[at - 1]! : null, next: at + 1 < items.length ? items[at + 1]! : null });
}

/** Removes the item at position `at` of `items` (logged). */
export function removeHistoryItem(items: HistoryItem[], at: number): void {
  const log = logOf(items);
  const [item] = items.splice(at, 1);
  if (!item) return;
  if (log.byId?.get(item.id) === item) log.byId.delete(item.id);
  note(log, { kind: 'dropped', item });
}
