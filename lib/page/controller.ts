/**
 * The content script's life on one tab: decide cheaply, analyse only articles, draw, follow the
 * reader's settings and SPA navigation, and tear everything down when told to. DOM, browser and
 * the article/analysis functions come in as parameters, so tests drive it on a fake document.
 *
 *   run(): gate ─no─► (bounded wait for late content) ─no─► idle
 *            └yes─► extract ─► cs:analyze-article ─► ArticleView (highlights, card, keyboard)
 *
 * Issue #7: no step may hold the page's main thread for long. Extraction runs as steps driven in
 * time slices (lib/page/yield.ts), with a yield to the page before and after each phase; mapping
 * and drawing yield too. A page too big to finish within EXTRACT_BUDGET_MS of our own time
 * stops cleanly, with a note the popup shows.
 */
import type { ArticleBlock, ArticleInput } from '../article/types';
import { clampArticleInput, type CsToBg, type PageStatus, type Result } from '../messaging';
import type { PageReport } from '../report';
import type { PageDetails } from '../analyze';
import { ArticleView, type ViewSettings } from './article-view';
import { LATE_CONTENT_MS, SHELL_TEXT, sleep, visibleTextLength, waitForContent } from './wait';
import { SliceClock, afterRendering, driveSteps, yieldToPage } from './yield';

export type Extraction = { detected: false; signals: string[] } | { detected: true; input: ArticleInput; blocks: ArticleBlock[] };
export type GateVerdict = { likely: boolean; signals: string[] };
/**
 * How the content script extracts (lib/article/extract.ts ExtractOptions): with the gate's verdict
 * it just had (not run twice), and without wording kind reasons (the popup words kindSignals; the
 * catalogue's first lookup in a page costs a synchronous fetch of the message bundle, #8).
 */
export type PageExtractOptions = { gate?: GateVerdict; wordKindReasons?: boolean };

export interface PageDeps {
  doc: Document;
  /** Current page URL (location.href). */
  url: () => string;
  articleGate: (doc: Document, url: string) => GateVerdict;
  /**
   * The same gate as steps (lib/article/gate.ts articleGateSteps); when given, the controller
   * drives it in slices (issue #7: in one piece it was the longest task on some big pages).
   */
  gateSteps?: (doc: Document, url: string) => Generator<void, GateVerdict, void>;
  extractArticle: (doc: Document, url: string, options?: PageExtractOptions) => Extraction;
  /**
   * The same extraction as steps that may pause at each `yield` (lib/article/walk.ts); when
   * given, the controller drives it in slices instead of calling extractArticle in one task.
   */
  extractSteps?: (doc: Document, url: string, options?: PageExtractOptions) => Generator<void, Extraction, void>;
  send: (message: CsToBg) => Promise<Result<unknown> | undefined>;
  log: (...args: unknown[]) => void;
  /** For expected, harmless failures (page unloading, extension reloaded): quieter than log. */
  debug?: (...args: unknown[]) => void;
}

/** Messaging failures that only mean "the page or the extension went away meanwhile". */
const GONE = /receiving end does not exist|message (port|channel) closed|disconnected|context invalidated|extension context|could not establish connection|actor .* destroyed/i;

/** After an SPA navigation, give the app time to replace the old article before looking. */
const NAVIGATION_SETTLE_MS = 500;

/**
 * Our own working time (the sum of our slices, not the page's turns between them) allowed for
 * reading one page. The 100,000-word and 20,000-element hostile pages need well under a second on
 * a quiet 2-core machine and a few seconds under heavy load; a page that needs more is not worth
 * keeping busy for, even in slices.
 */
export const EXTRACT_BUDGET_MS = 12_000;

class OverBudget extends Error {
  constructor() {
    super('extraction over its time budget');
  }
}

function newReportId(): string {
  return Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
}

export class PageController {
  private view: ArticleView | null = null;
  private run$: AbortController | null = null;
  /** This tab has told the background something: after navigation it must update it. */
  private reported = false;
  /** Id of the report this page shows now (answers the background's bg:report-id). */
  reportId: string | null = null;
  /** The last gate/extraction decision, kept locally (answers the popup's ui:get-page-status). */
  private status: PageStatus = { state: 'idle' };
  settings: ViewSettings = { entityMarks: true, opinionHighlight: false, keyboardLinks: false };

  constructor(private readonly deps: PageDeps) {}

  get current(): ArticleView | null {
    return this.view;
  }

  /** Apply changed display settings to what is drawn (instant, no re-analysis). */
  updateSettings(next: Partial<ViewSettings>): void {
    this.settings = { ...this.settings, ...next };
    this.view?.update(next);
  }

  /** Remove everything drawn and cancel any run in flight. */
  stop(): void {
    this.reportId = null;
    this.status = { state: 'idle' };
    this.run$?.abort();
    this.run$ = null;
    this.view?.destroy();
    this.view = null;
  }

  /**
   * Analyse the page as it is now (after navigation: `afterNavigation` waits for the new content).
   * `gatePassed`: the eager script's gate just said "likely" on this document, so it is not run
   * a second time (#8); `verdict`, when given, is that gate's result (extraction reuses it);
   * `unchanged`, asked once before extraction, says the document has not changed since that gate.
   */
  async run(afterNavigation = false, gatePassed = false, verdict?: GateVerdict, unchanged?: () => boolean): Promise<void> {
    this.stop();
    const ctl = new AbortController();
    this.run$ = ctl;
    const { signal } = ctl;
    const { doc, log } = this.deps;
    try {
      if (afterNavigation && !(await sleep(NAVIGATION_SETTLE_MS, signal))) return;
      const passed = gatePassed && !afterNavigation;
      let gate = passed ? (verdict?.likely ? verdict : { likely: true, signals: [] }) : await this.gate(signal);
      // Extraction runs the gate first: skip that when this one's verdict (with its signals) is at hand.
      let known: GateVerdict | undefined = passed ? (verdict?.likely ? verdict : undefined) : (gate ?? undefined);
      if (!gate || signal.aborted) return;
      if (!gate.likely) {
        const shell = afterNavigation || visibleTextLength(doc) < SHELL_TEXT;
        if (shell) {
          const found = await waitForContent(doc, () => this.deps.articleGate(doc, this.deps.url()).likely, signal, LATE_CONTENT_MS);
          if (signal.aborted) return;
          if (found) gate = await this.gate(signal);
          if (!gate || signal.aborted) return;
          known = gate;
        }
        if (!gate.likely) {
          // Stay idle (remember why, for the popup). Only a page that reported before (SPA) must
          // correct the popup's view.
          this.status = this.notArticleStatus(gate.signals);
          if (this.reported) await this.sendNotArticle(gate.signals);
          return;
        }
      }
      // Extraction asks for layout (checkVisibility): start right after a frame, when the page's
      // style is fresh, rather than recalculating it inside our task (#7: pages that keep changing
      // themselves). Not when the document has not changed since the eager gate passed at
      // document idle (#8): its style is as last rendered, and the wait was 8–16 ms of the
      // 2,000-word article's path (a hidden tab's: the 100 ms fallback) for nothing.
      const asGated = unchanged?.() === true && passed;
      if (!asGated) await afterRendering(signal);
      if (signal.aborted) return;
      const url = this.deps.url();
      const extraction = await this.extract(url, signal, { gate: known, wordKindReasons: false });
      if (!extraction || signal.aborted) return;
      if (!extraction.detected) {
        this.status = this.notArticleStatus(extraction.signals);
        await this.sendNotArticle(extraction.signals);
        return;
      }
      const { article, notes } = clampArticleInput(extraction.input);
      this.status = { state: 'article' };
      this.reported = true;
      const reportId = newReportId();
      this.reportId = reportId;
      await yieldToPage();
      if (signal.aborted) return;
      const reply = await this.deps.send({ type: 'cs:analyze-article', article, notes: notes.length ? notes : undefined, reportId });
      if (signal.aborted) return;
      if (!reply) {
        this.deps.debug?.('no answer from the background');
        return;
      }
      if (!reply.ok) {
        log('analysis failed:', reply.error);
        return;
      }
      const report = reply.value as PageReport;
      await yieldToPage();
      if (signal.aborted) return;
      const view = new ArticleView(doc, report, extraction.blocks.slice(0, article.blocks.length), signal);
      this.view = view;
      await view.init(this.settings, () => yieldToPage());
      if (signal.aborted) return;
      // The highlights are up: now the rest of the report (cards' coverage, opinion flags), which
      // the worker answered the page without (#8: they were 40 % of its work before the answer).
      // A tab closed or navigated meanwhile rejects this request (Firefox: "Actor 'Conduits'
      // destroyed"): caught here, never an unhandled rejection; the cards stop waiting for it.
      const details = await this.deps.send({ type: 'cs:report-details', reportId }).catch((err: unknown) => {
        this.deps.debug?.('report details not delivered:', err);
        return undefined;
      });
      if (signal.aborted) return;
      if (details?.ok) view.addDetails(details.value as PageDetails);
      else {
        view.detailsUnavailable();
        this.deps.debug?.('no report details:', details?.ok === false ? details.error : 'no answer');
      }
    } catch (err) {
      if (signal.aborted || GONE.test(String((err as Error)?.message ?? err))) this.deps.debug?.('page analysis stopped:', err);
      else log('page analysis stopped:', err);
    }
  }

  /** The gate, in slices when it comes as steps. Null when aborted. */
  private async gate(signal: AbortSignal): Promise<GateVerdict | null> {
    const { doc } = this.deps;
    if (!this.deps.gateSteps) return this.deps.articleGate(doc, this.deps.url());
    return driveSteps(this.deps.gateSteps(doc, this.deps.url()), new SliceClock(), signal);
  }

  /**
   * Extraction in slices of SLICE_MS (yielding to the page in between). Past EXTRACT_BUDGET_MS
   * of our own working time it gives up: the page is told "not analysed" with the reason (the
   * popup shows it) rather than keeping a huge page busy. Null when aborted.
   */
  private async extract(url: string, signal: AbortSignal, options: PageExtractOptions): Promise<Extraction | null> {
    const { doc } = this.deps;
    if (!this.deps.extractSteps) return this.deps.extractArticle(doc, url, options);
    const clock = new SliceClock();
    let worked = 0;
    let sliceStart = performance.now();
    const pause = async (): Promise<void> => {
      worked += performance.now() - sliceStart;
      if (worked > EXTRACT_BUDGET_MS) throw new OverBudget();
      await yieldToPage();
      sliceStart = performance.now();
    };
    try {
      return await driveSteps(this.deps.extractSteps(doc, url, options), clock, signal, pause);
    } catch (err) {
      if (!(err instanceof OverBudget)) throw err;
      // A veto: the popup explains it in its own words (a raw signal is never shown).
      return { detected: false, signals: ['veto:page-too-large'] };
    }
  }

  private async sendNotArticle(signals: string[]): Promise<void> {
    this.reported = true;
    const { doc } = this.deps;
    const reportId = newReportId();
    this.reportId = reportId;
    void this.deps.send({
      type: 'cs:not-article',
      reportId,
      url: this.deps.url().slice(0, 8192),
      title: (doc.title ?? '').slice(0, 2000),
      signals: signals.slice(0, 50).map((s) => s.slice(0, 500)),
    }).catch((err: unknown) => this.deps.debug?.('not-article report not delivered', err));
  }

  private notArticleStatus(signals: string[]): PageStatus {
    return { state: 'not-article', signals: signals.slice(0, 50), url: this.deps.url().slice(0, 8192), title: (this.deps.doc.title ?? '').slice(0, 2000) };
  }

  /** Handle `ui:get-page-status`: the last decision on this page, without asking anyone. */
  pageStatus(): PageStatus {
    return this.status.state === 'not-article' ? { ...this.status, signals: [...this.status.signals] } : { ...this.status };
  }

  /** Handle `ui:reveal`: scroll to and flash a paragraph or a span of it. */
  reveal(paragraph: number, start?: number, end?: number): Result<boolean> {
    if (!this.view) return { ok: false, error: 'no article on this page' };
    return this.view.reveal(paragraph, start, end) ? { ok: true, value: true } : { ok: false, error: 'paragraph not found' };
  }
}
