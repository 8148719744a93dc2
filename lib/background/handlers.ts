/**
 * The background's message handling: validate the sender against the message's direction, then
 * the payload (zod), then answer with a Result. Nothing here throws across the boundary; nothing
 * here touches `browser` directly (the entrypoint injects it), so tests call it as a function.
 */
import { CsToBg, UiToBg, fail, ok, type DatasetInfo, type Result, type TabStatus } from '../messaging';
import type { ArticleInput } from '../article/types';
import type { PageReport } from '../report';
import { withPageDetails, type ArticleAnalysis, type PageDetails } from '../analyze';
import type { HistoryItem } from '../coverage/index';
import type { Knowledge } from '../knowledge';
import type { KnowledgeSource } from './knowledge-source';
import { entitiesWithoutCards, type TabReports } from './tab-reports';
import { contentScriptTab, isExtensionPage, type ExtensionIdentity, type SenderLike } from './senders';
import { WAKE_MESSAGE } from '../page/activation';

/**
 * The reader's own history, as the background sees it (backed by lib/store). The arrays items() and
 * itemsFor() return may be the port's live array, which a later record() edits in place
 * (lib/background/store-port.ts): rank with it at once after the await, or copy it.
 */
export interface HistoryPort {
  /** Articles the reader read earlier (empty when history is off). */
  items(): Promise<HistoryItem[]>;
  /**
   * The reads naming at least one of `entityIds`, in items()' order (or more of items(), e.g. all
   * of it when held in memory: related coverage gives the same answer either way).
   */
  itemsFor?(entityIds: readonly string[]): Promise<HistoryItem[]>;
  /** Record this article if history is on and the site is not excluded. */
  record(report: PageReport): Promise<void>;
  /** The options page changed the history (e.g. cleared it). */
  changed?(): void;
}

export interface BackgroundDeps {
  self: ExtensionIdentity;
  knowledge: KnowledgeSource;
  reports: TabReports;
  /**
   * The analysis in its two steps (lib/analyze.ts articleAnalysis): what the page draws, answered
   * at once, then the popup's related coverage (with the reader's history), after the answer.
   */
  analyze: ArticleAnalysis;
  history?: HistoryPort;
  /**
   * Ask the tab's content script which report it shows now (its reportId), or null when no
   * content script answers (another document, not an http page, Backstory off there).
   */
  currentReportId?: (tabId: number) => Promise<string | null>;
  /** How long related coverage waits after the page's answer unless the popup asks first (RELATED_AFTER_MS). */
  relatedAfterMs?: number;
  log?: (...args: unknown[]) => void;
}

/**
 * Related coverage (the popup's part, ~5–25 ms of worker CPU with its garbage) starts this long
 * after the page's answer, or as soon as the popup asks for the tab's report. Started at once it
 * ran while the page mapped and drew the highlights from that answer, and on a 2-core machine the
 * two threads took turns: the page's drawing tasks ran at a third of their CPU speed (traced, #8).
 * Long enough for a 20,000-word article to draw; the history record waits as long.
 */
export const RELATED_AFTER_MS = 100;

/** How many related items the popup shows at most, history included. */
const COVERAGE_LIMIT = 10;

/**
 * The report as the content script is first sent it: what its highlights need. The article's
 * text and paragraphs are left out (the page sent them and keeps its own blocks; the two copies
 * were about a third of a 2,000-word article's report, which Chrome serialises in the worker and
 * parses again on the page's main thread), and so are the cards' coverage and the opinion flags,
 * which the page asks for after drawing (cs:report-details, lib/analyze.ts pageDetails) (#8).
 * The popup asks for the tab's whole report (ui:get-tab-report).
 */
export function reportForPage(report: PageReport): PageReport {
  return {
    ...report,
    article: { ...report.article, text: '', paragraphs: [] },
    entities: entitiesWithoutCards(report.entities),
    opinion: [],
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createMessageHandler(deps: BackgroundDeps) {
  const log = deps.log ?? (() => {});

  /**
   * The tab's report still being completed (related coverage, after the page's answer): the
   * popup's questions about that tab wait for it. `latest` numbers each tab's reports so a slow
   * completion never overwrites a newer one (another article or a not-article in the same tab).
   */
  const completing = new Map<number, Promise<void>>();
  /** Starts a tab's waiting related-coverage step now (the popup asked). */
  const startNow = new Map<number, () => void>();
  const latest = new Map<number, number>();
  let sequence = 0;
  /** Each tab's latest article: its details (cards' coverage, opinion flags), made on first ask. */
  const details = new Map<number, { reportId: string | undefined; seq: number; get: () => PageDetails }>();

  async function analyzeFor(tabId: number, msg: Extract<CsToBg, { type: 'cs:analyze-article' }>): Promise<Result<PageReport>> {
    const { knowledge } = await deps.knowledge.get();
    // Only what the page's highlights need (the links) before answering (#8). The page asks for
    // the cards' coverage and the opinion flags once it has drawn (cs:report-details); related
    // coverage, the costliest step, and the history it needs (an IndexedDB read) are the popup's,
    // after RELATED_AFTER_MS.
    const input = msg.article as ArticleInput;
    let report = deps.analyze.links(input, knowledge);
    if (msg.notes?.length) report = { ...report, notes: [...(report.notes ?? []), ...msg.notes] };
    const seq = ++sequence;
    latest.set(tabId, seq);
    const links = report;
    let made: PageDetails | undefined;
    const detailsOf = (): PageDetails => (made ??= deps.analyze.details(links, input, knowledge));
    details.set(tabId, { reportId: msg.reportId, seq, get: detailsOf });
    const done = complete(tabId, seq, report, detailsOf, knowledge, msg.reportId);
    completing.set(tabId, done);
    void done.finally(() => {
      if (completing.get(tabId) === done) completing.delete(tabId);
    });
    return ok(reportForPage(report));
  }

  /** The popup's part of an analysis, once the page's answer has left: related coverage, then keep and record. */
  async function complete(tabId: number, seq: number, links: PageReport, detailsOf: () => PageDetails, knowledge: Knowledge, reportId: string | undefined): Promise<void> {
    // After the page has drawn (RELATED_AFTER_MS), or at once when the popup asks: at least one
    // task later, since the answer to the page is sent when the handler's promise settles.
    await new Promise<void>((resolve) => {
      const go = (): void => {
        clearTimeout(timer);
        if (startNow.get(tabId) === kick) startNow.delete(tabId);
        resolve();
      };
      const timer = setTimeout(go, deps.relatedAfterMs ?? RELATED_AFTER_MS);
      const kick = (): void => void setTimeout(go, 0);
      startNow.set(tabId, kick);
    });
    // A newer report of the tab came meanwhile: this one is never shown.
    if (latest.get(tabId) !== seq) return;
    let page = links;
    try {
      page = withPageDetails(links, detailsOf());
    } catch (err) {
      log('page details failed', err);
    }
    // A port that reads by entity (itemsFor) is asked only for the reads sharing an entity related
    // coverage weighs: a few index reads instead of the whole history, which the first article
    // after a worker start waited 0.3–0.7 s for at 10,000 reads in Chromium (#8).
    const port = deps.history;
    const fallback = (err: unknown): HistoryItem[] => {
      log('history lookup failed', err);
      return [];
    };
    let history: HistoryItem[] = [];
    if (port?.itemsFor) {
      const ids = deps.analyze.historyEntities(page, knowledge, { coverageLimit: COVERAGE_LIMIT });
      history = ids.length ? await port.itemsFor(ids).catch(fallback) : [];
    } else if (port) {
      history = await port.items().catch(fallback);
    }
    let report = page;
    try {
      report = { ...page, coverage: deps.analyze.related(page, knowledge, history.length > 0 ? { history, coverageLimit: COVERAGE_LIMIT } : { coverageLimit: COVERAGE_LIMIT }) };
    } catch (err) {
      // The page is analysed and drawn; the popup shows the report without related coverage.
      log('related coverage failed', err);
    }
    if (latest.get(tabId) !== seq) return;
    // The popup reads the in-memory entry, which set() makes before its first await (its
    // storage.session mirror follows on its own and logs its own failures).
    void deps.reports.set(tabId, { state: 'ready', report }, reportId);
    if (deps.history) {
      // Recording must not fail anything.
      deps.history.record(report).catch((err: unknown) => log('history record failed', err));
    }
  }

  /** The tab's report, if the page still shows the document it was made for. */
  async function tabStatus(tabId: number): Promise<TabStatus> {
    startNow.get(tabId)?.();
    await completing.get(tabId);
    const entry = await deps.reports.entry(tabId);
    if (!entry) return { state: 'unknown' };
    if (entry.reportId && deps.currentReportId) {
      let current: string | null = null;
      try {
        current = await deps.currentReportId(tabId);
      } catch {
        current = null;
      }
      if (current !== entry.reportId) {
        await deps.reports.drop(tabId);
        return { state: 'unknown' };
      }
    }
    return entry.status;
  }

  async function datasetInfo(): Promise<Result<DatasetInfo>> {
    const { packs } = await deps.knowledge.get();
    return ok({
      packs: packs.map((p) => ({
        id: p.id,
        name: p.name,
        version: p.version,
        entities: p.entities.length,
        coverage: p.coverage.length,
        licenses: p.licenses,
      })),
      entities: packs.reduce((n, p) => n + p.entities.length, 0),
      coverage: packs.reduce((n, p) => n + p.coverage.length, 0),
    });
  }

  /**
   * A closed tab (tabs.onRemoved): its report is dropped, and nothing of it may come back. Its
   * details (which hold the article's input) go, and its related-coverage step, if still waiting
   * or running, finds the tab's sequence gone and stores nothing — it used to write the closed
   * tab's report back into storage.session after the drop.
   */
  async function closeTab(tabId: number): Promise<void> {
    details.delete(tabId);
    latest.delete(tabId);
    startNow.delete(tabId);
    completing.delete(tabId);
    await deps.reports.drop(tabId);
  }

  /**
   * Returns the reply, or undefined when the message is not for us (wrong sender or not a
   * Backstory message): the caller then does not answer at all.
   */
  const handleMessage = async (message: unknown, sender: SenderLike): Promise<Result<unknown> | undefined> => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string') return undefined;
    try {
      if (type.startsWith('cs:')) {
        const tabId = contentScriptTab(sender, deps.self);
        if (tabId === null) return undefined;
        if (type === WAKE_MESSAGE.type) {
          // The eager script's wake-up (lib/page/activation.ts): the worker is running now; make
          // sure the knowledge is loading (a packs-changed invalidation may have dropped it). No
          // payload, so no schema: building one would take the worker's thread from the pack load.
          void deps.knowledge.get().catch((err: unknown) => log('knowledge build failed', err));
          return ok(null);
        }
        const parsed = CsToBg.safeParse(message);
        if (!parsed.success) return fail(`invalid message: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
        const msg = parsed.data;
        if (msg.type === 'cs:analyze-article') return await analyzeFor(tabId, msg);
        if (msg.type === 'cs:report-details') {
          const entry = details.get(tabId);
          if (!entry || entry.reportId !== msg.reportId || latest.get(tabId) !== entry.seq) return fail('report replaced');
          return ok(entry.get());
        }
        const status: TabStatus = { state: 'not-article', url: msg.url, title: msg.title, signals: msg.signals };
        latest.set(tabId, ++sequence);
        await deps.reports.set(tabId, status, msg.reportId);
        return ok(null);
      }
      if (type.startsWith('ui:')) {
        if (!isExtensionPage(sender, deps.self)) return undefined;
        const parsed = UiToBg.safeParse(message);
        if (!parsed.success) return fail(`invalid message: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
        const msg = parsed.data;
        switch (msg.type) {
          case 'ui:get-tab-report':
            return ok(await tabStatus(msg.tabId));
          case 'ui:get-dataset-info':
            return await datasetInfo();
          case 'ui:packs-changed':
            deps.knowledge.invalidate();
            return ok(null);
          case 'ui:history-changed':
            deps.history?.changed?.();
            return ok(null);
        }
      }
      return undefined;
    } catch (err) {
      log('message failed', type, err);
      return fail(errorText(err));
    }
  };
  return Object.assign(handleMessage, { closeTab });
}
