/**
 * Each tab's latest analysis, for the popup (popupStatus: what it shows). Kept in memory and mirrored to storage.session so a
 * restarted MV3 worker (or Firefox event page) still answers; storage.session is cleared when the
 * browser closes and is not readable by content scripts. Dropped when the tab closes or starts
 * loading another document.
 */
import type { TabStatus } from '../messaging';
import type { LinkedEntity } from '../report';

/** The slice of browser.storage.session we use (injectable for tests). */
export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const keyOf = (tabId: number): string => `tab:${tabId}`;

/** The entities without their hover-card coverage (which only the page's cards show). */
export function entitiesWithoutCards(entities: readonly LinkedEntity[]): LinkedEntity[] {
  return entities.map(({ coverage: _cards, ...entity }) => entity);
}

/**
 * The popup's copy of a status: everything but each entity's hover-card coverage, which only the
 * page's own cards show (they have it from the worker's cs:report-details answer). On the own
 * seed that is half the report, and the popup reads this copy on every open (storage.session, or
 * the worker's answer), before its first render with data (#8).
 */
export function popupStatus(status: TabStatus): TabStatus {
  if (status.state !== 'ready') return status;
  const report = status.report;
  return { state: 'ready', report: { ...report, entities: entitiesWithoutCards(report.entities) } };
}

export interface TabEntry {
  status: TabStatus;
  /** The content script's id for the report (see BgToCs 'bg:report-id'). */
  reportId?: string;
}

function isTabStatus(v: unknown): v is TabStatus {
  if (!v || typeof v !== 'object') return false;
  const state = (v as { state?: unknown }).state;
  return state === 'not-article' || state === 'ready' || state === 'unknown';
}

export class TabReports {
  private readonly memory = new Map<number, TabEntry>();

  constructor(
    private readonly session: SessionArea | null,
    private readonly log: (...args: unknown[]) => void = () => {},
  ) {}

  async set(tabId: number, status: TabStatus, reportId?: string): Promise<void> {
    const entry: TabEntry = { status: popupStatus(status), reportId };
    this.memory.set(tabId, entry);
    if (!this.session) return;
    // Mirror one task later: storage.session.set clones the whole report when it is called, and
    // the page's analysis is answered right after this call (issue #8). Readers use the memory
    // entry meanwhile; a newer entry or a drop in between supersedes this mirror.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.memory.get(tabId) !== entry) return;
    try {
      // The popup rebuilds article.text from paragraphs if it needs it; keep the copy small.
      const shown = entry.status;
      const stored: TabStatus =
        shown.state === 'ready' ? { state: 'ready', report: { ...shown.report, article: { ...shown.report.article, text: '' } } } : shown;
      await this.session.set({ [keyOf(tabId)]: { ...stored, reportId } });
    } catch (err) {
      // Over quota or session storage missing: memory still answers until the worker restarts.
      this.log('could not persist tab report', err);
    }
  }

  async get(tabId: number): Promise<TabStatus> {
    return (await this.entry(tabId))?.status ?? { state: 'unknown' };
  }

  async entry(tabId: number): Promise<TabEntry | null> {
    const hit = this.memory.get(tabId);
    if (hit) return hit;
    if (!this.session) return null;
    try {
      const got = await this.session.get(keyOf(tabId));
      const v = got[keyOf(tabId)];
      if (!isTabStatus(v)) return null;
      const { reportId, ...status } = v as TabStatus & { reportId?: string };
      if (status.state === 'ready' && !status.report.article.text) {
        status.report.article.text = status.report.article.paragraphs.join('\n\n');
      }
      const entry: TabEntry = { status: status as TabStatus, reportId: typeof reportId === 'string' ? reportId : undefined };
      this.memory.set(tabId, entry);
      return entry;
    } catch (err) {
      this.log('could not read tab report', err);
      return null;
    }
  }

  async drop(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    if (!this.session) return;
    try {
      await this.session.remove(keyOf(tabId));
    } catch (err) {
      this.log('could not drop tab report', err);
    }
  }
}
