/**
 * The eager half of the content script (issue #8). It runs on every http(s) page, so what it costs
 * a page that is not an article is the budget (≤ 1 ms): no WXT content-script wrapper, no
 * webextension-polyfill, no zod — the browser's own promise-based API object (`browser` in
 * Firefox, `chrome` in Chrome MV3), touched as little as possible:
 *
 * - `runtime` once, for the message listener: the popup asks every page why it is (not) an
 *   article (`ui:get-page-status`), the background asks for the page's report (`bg:report-id`).
 * - `storage` only when the answer depends on the on/off settings: on likely articles (before
 *   loading the reader), on near-empty app shells (before watching for late content), after SPA
 *   navigation and when the popup asks. In Chromium each API namespace costs about a millisecond
 *   the first time a page touches it, so a plain non-article page never reads storage.
 *
 * The gate starts when the browser injects the script (document_idle), in 10 ms slices that
 * yield to the page, and never changes the page. On a likely
 * article, or after an SPA navigation, it imports the heavy reader script (web-accessible) and
 * hands everything over to it (lib/page/reader.ts). Never throws into the page: failures are
 * logged with a prefix and swallowed.
 */
import type { GateResult } from '../article/gate';
import type { PageStatus, Result } from '../messaging';
import { LATE_CONTENT_MS, SHELL_TEXT, visibleTextLength, waitForContent } from './wait';
import { DISABLED_SITES_KEY, ENABLED_KEY, READER_GLOBAL, READER_SETTING_KEYS, isActiveOn, pageKey, type EagerFindings, type ReaderEntry } from './activation';
import { SliceClock, driveSteps } from './yield';
import type { MessageListener as ExtMessageListener, PageApi, StorageChanges } from './ext-api';

type MessageListener = ExtMessageListener<Result<string | null | PageStatus>>;

/** The part of the WebExtension API the eager script uses (lib/page/ext-api.ts; it sends nothing). */
export interface EagerApi {
  runtime: Omit<PageApi['runtime'], 'sendMessage'>;
  storage: PageApi['storage'];
}

export interface EagerDeps {
  api: EagerApi;
  /** The page's host name (per-site on/off). */
  site: string;
  doc: Document;
  /** The page's current URL. */
  url(): string;
  gate(doc: Document, url: string): GateResult;
  /**
   * The same gate as steps (lib/article/gate.ts articleGateSteps). When given, the first decision
   * runs in slices (issue #7: on big pages the gate was a long task of its own, even in an idle
   * callback); `gate` still serves the checks while waiting for late content (small pages).
   */
  gateSteps?(doc: Document, url: string): Generator<void, GateResult, void>;
  /** Runs the reader script (a dynamic import of its extension URL). */
  importScript(url: string): Promise<unknown>;
  /** Where the reader script registers its entry (the isolated world's global). */
  global: Record<string, unknown>;
  /** Calls back on possible same-document URL changes; returns a function that stops watching. */
  watchUrl(onChange: () => void): () => void;
  /** Calls back when the gate may start (the entry calls back at once: document_idle is the idle point). */
  whenIdle(callback: () => void): void;
  log(...args: unknown[]): void;
}

/** The on/off settings as storage.local holds them (lib/settings.ts items use the same keys). */
const ON_OFF_KEYS = [ENABLED_KEY, DISABLED_SITES_KEY];

/** Extension URL of the heavy half (entrypoints/article-reader.ts, web-accessible). */
export const READER_PATH = '/article-reader.js';

/** Starts the eager script on the current page; returns a function that stops it (tests). */
export function startEagerPage(deps: EagerDeps): () => void {
  const { api, doc } = deps;
  const runtime = api.runtime;
  // Plain strings at start-up: in a fresh isolated world every Web API interface used for the first
  // time (URL, AbortController, …) costs Chromium a few tenths of a millisecond.
  const site = deps.site;

  let status: PageStatus = { state: 'idle' };
  let handedOver = false;
  let stopped = false;
  /** Bumped to cancel the current run; its AbortController exists only while it waits for content. */
  let runId = 0;
  let waiting: AbortController | null = null;
  let watchingStorage = false;
  /** The page's URL as last seen (pageKey is computed only once it changes). */
  let lastUrl = deps.url();

  /** The reader's settings as last read (handed over, so the reader need not read them again). */
  let settings: Record<string, unknown> | undefined;
  /**
   * Reads the on/off settings (and from then on follows their changes). One storage read fetches
   * all the reader's settings: the same round trip, and the reader starts with them.
   */
  const isActive = async (): Promise<boolean> => {
    if (!watchingStorage) {
      watchingStorage = true;
      api.storage.onChanged.addListener(onStorage);
    }
    const values = await api.storage.local.get(READER_SETTING_KEYS);
    settings = values;
    return isActiveOn(site, values[ENABLED_KEY], values[DISABLED_SITES_KEY]);
  };

  const abortRun = (): void => {
    runId++;
    waiting?.abort();
    waiting = null;
  };

  const onMessage: MessageListener = (message, sender, sendResponse) => {
    if (sender.id !== runtime.id) return undefined;
    if (sender.url !== undefined && !sender.url.startsWith(runtime.getURL('/'))) return undefined;
    const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
    // Nothing was reported from this page yet (the reader has not run), so no report id.
    if (type === 'bg:report-id') {
      sendResponse({ ok: true, value: null });
      return undefined;
    }
    if (type !== 'ui:get-page-status') return undefined;
    // Switched off here: the page has nothing to say (the gate's verdict is kept for later).
    const answer = status;
    isActive().then(
      (on) => sendResponse({ ok: true, value: !on ? { state: 'idle' } : answer.state === 'not-article' ? { ...answer, signals: [...answer.signals] } : { ...answer } }),
      (err: unknown) => sendResponse({ ok: false, error: String(err) }),
    );
    return true; // answered asynchronously
  };

  function onStorage(changes: StorageChanges, area: string): void {
    if (handedOver || stopped || area !== 'local' || !ON_OFF_KEYS.some((key) => key in changes)) return;
    void isActive().then((on) => {
      if (handedOver || stopped) return;
      // Off: stop watching for late content. On: decide again (the page may have changed).
      if (on) void run();
      else abortRun();
    }, (err: unknown) => deps.log('settings read failed', err));
  }

  let unwatchUrl = (): void => {};
  const detach = (): void => {
    unwatchUrl();
    abortRun();
    try {
      runtime.onMessage.removeListener(onMessage);
      if (watchingStorage) api.storage.onChanged.removeListener(onStorage);
    } catch {
      /* the extension was reloaded: its API is gone, and so are the listeners */
    }
  };
  /** Reloaded or removed extension: this script is orphaned (its API throws or lacks an id). */
  const orphaned = (): boolean => {
    try {
      return !runtime.id;
    } catch {
      return true;
    }
  };

  /**
   * Load the heavy half and hand the page over to it (once). `likely`: the gate passed on the
   * document as it is now and `settings` were just read, so the reader starts on both.
   */
  const handOver = async (afterNavigation: boolean, likely = false, verdict?: GateResult): Promise<void> => {
    if (handedOver || stopped) return;
    handedOver = true;
    abortRun();
    try {
      if (orphaned()) return detach();
      await deps.importScript(runtime.getURL(READER_PATH));
      const start = deps.global[READER_GLOBAL] as ReaderEntry | undefined;
      if (typeof start !== 'function') throw new Error('article reader did not register');
      const known: EagerFindings = { likely: likely && !afterNavigation, settings, ...(verdict && likely && !afterNavigation ? { gate: verdict } : {}) };
      // The reader registers its own message listener before its first await.
      const started = start(site, afterNavigation, known);
      detach();
      await started;
    } catch (err) {
      detach();
      deps.log('article reader failed to load', err);
    }
  };

  /** The eager decision: gate (after late content on shell pages); articles go to the reader. */
  const run = async (): Promise<void> => {
    abortRun();
    const id = runId;
    const cancelled = (): boolean => id !== runId;
    await new Promise<void>((resolve) => deps.whenIdle(resolve));
    if (cancelled()) return;
    const gate = (): GateResult => deps.gate(doc, deps.url());
    // Date.now, not performance.now: see SliceClock (the eager script's cost on every page, #8).
    let result = deps.gateSteps ? await driveSteps(deps.gateSteps(doc, deps.url()), new SliceClock(undefined, Date.now)) : gate();
    if (cancelled() || !result) return;
    if (!result.likely && visibleTextLength(doc) < SHELL_TEXT) {
      // An app shell may still be loading its article: worth watching only where Backstory is on.
      if (!(await isActive()) || cancelled()) return;
      const ctl = new AbortController();
      waiting = ctl;
      const found = await waitForContent(doc, () => gate().likely, ctl.signal, LATE_CONTENT_MS);
      if (cancelled()) return;
      waiting = null;
      if (found) result = gate();
    }
    if (result.likely) {
      // Off here: stay put (onStorage runs this again when it is switched on). The settings are
      // read before the reader is imported: where Backstory is off, none of its code runs.
      if ((await isActive()) && !cancelled()) await handOver(false, true, result);
      return;
    }
    status = {
      state: 'not-article',
      signals: result.signals.slice(0, 50),
      url: deps.url().slice(0, 8192),
      title: (doc.title ?? '').slice(0, 2000),
    };
  };

  /** A same-document URL change (history API); forged events change nothing, the URL decides. */
  const onUrl = (): void => {
    try {
      const url = deps.url();
      if (handedOver || stopped || url === lastUrl) return;
      const moved = pageKey(url) !== pageKey(lastUrl);
      lastUrl = url;
      if (!moved) return;
      if (orphaned()) return detach();
      abortRun();
      void isActive().then((on) => (on ? handOver(true) : undefined), (err: unknown) => deps.log('settings read failed', err));
    } catch (err) {
      deps.log('navigation handling failed', err);
    }
  };

  runtime.onMessage.addListener(onMessage);
  unwatchUrl = deps.watchUrl(onUrl);
  void run().catch((err: unknown) => deps.log('content script failed', err));
  return () => {
    stopped = true;
    detach();
  };
}
