/**
 * The background's view of lib/store (IndexedDB): installed packs and the reading history,
 * filtered by the reader's settings (history on/off, excluded sites). History items are cached
 * in the worker's memory between reads and refreshed after a record or a `ui:history-changed`.
 */
import type { Pack } from '../dataset/schema';
import type { HistoryItem } from '../coverage/index';
import type { PageReport } from '../report';
import type { HistoryPort } from './handlers';
import { historyEnabled, historyExcludedSites, siteOf } from '../settings';
import { defaultStore, shouldRecord, type BackstoryStore, type ReadRecord } from '../store/index';

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

async function historySettings() {
  const [on, excluded] = await Promise.all([historyEnabled.getValue(), historyExcludedSites.getValue()]);
  return { historyEnabled: on, historyExcludedSites: excluded };
}

export function createHistoryPort(log: (...args: unknown[]) => void, store: BackstoryStore = defaultStore(), now: () => number = Date.now): HistoryPort {
  let cache: Promise<HistoryItem[]> | null = null;
  return {
    async items() {
      if (!(await historyEnabled.getValue())) return [];
      cache ??= store.historyItems().catch((err: unknown) => {
        log('history unavailable', err);
        cache = null;
        return [];
      });
      return cache;
    },
    async record(report) {
      if (!shouldRecord(report.url, await historySettings())) return;
      const read = readRecordOf(report, now());
      if (!read) return;
      const res = await store.recordRead(read);
      if (!res.ok) log('history record failed:', res.error);
      cache = null;
    },
    changed() {
      cache = null;
    },
  };
}
