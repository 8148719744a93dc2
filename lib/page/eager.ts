/**
 * The eager decision of the content script (issue #8): the full gate, the late-content wait, the
 * on/off settings and the hand-over to the reader. It is built into the same web-accessible module
 * as the reader (entrypoints/article-reader.ts), which the first look (lib/page/first-look.ts, all
 * that the manifest injects) imports only where its pre-gate cannot settle the page, late content
 * comes to an app shell, or the URL moves. So a page that passes the gate has its reader loaded
 * already: an article pays one import, made before the gate instead of after it.
 *
 * What it costs a page that is not an article still counts: no WXT content-script wrapper, no
 * webextension-polyfill, no zod. In Chromium the first touch of an API namespace costs a page
 * ~1.3 ms of main-thread time (measured: `chrome.runtime;` alone, paired against an empty script),
 * so the browser's own API object (`browser` in Firefox, `chrome` in Chrome MV3) is taken only
 * when needed (the first look has touched `runtime` for this module's URL):
 *
 * - `storage` when the answer depends on the on/off settings: on likely articles (before starting
 *   the reader), when late content turns a near-empty app shell into an article, and after SPA
 *   navigation;
 * - `runtime` to tell an orphaned script, and on a likely article where Backstory is on, to wake
 *   the background worker (WAKE_MESSAGE) before the reader starts, so the worker's start overlaps
 *   the page's extraction.
 *
 * No message listener: the popup reads the verdict from a function on this isolated world's global
 * (lib/page/status-global.ts) with scripting.executeScript under activeTab; the background's
 * `bg:report-id` finds no listener, which it reads as "no report" (the same answer as before).
 *
 * The gate runs in 10 ms slices that yield to the page, and never changes the page. On a likely
 * article, or after an SPA navigation, it hands everything over to the reader (lib/page/reader.ts).
 * Never throws into the page: failures are logged with a prefix and swallowed.
 */
import type { GateResult } from '../article/gate';
import type { PreVerdict } from '../article/pre-gate';
import type { PageStatus } from '../messaging';
import { LATE_CONTENT_MS, cancellation, isShellText, waitForContent, watchForChanges } from './wait';
import { DISABLED_SITES_KEY, ENABLED_KEY, READER_SETTING_KEYS, WAKE_MESSAGE, isActiveOn, pageKey, type EagerFindings, type ReaderEntry } from './activation';
import { SliceClock, driveSteps } from './yield';
import { PAGE_STATUS_GLOBAL } from './status-global';
import type { PageApi, StorageChanges } from './ext-api';

/**
 * The part of the WebExtension API the eager script uses (lib/page/ext-api.ts). It listens to no
 * messages and sends one: the wake-up (WAKE_MESSAGE), only on a likely article where it is on.
 */
export interface EagerApi {
  runtime: Pick<PageApi['runtime'], 'id' | 'getURL' | 'sendMessage'>;
  storage: PageApi['storage'];
}

export interface EagerDeps {
  /** The extension API, asked for only when needed (null outside an extension); see the header. */
  api(): EagerApi | null;
  /** The page's host name (per-site on/off). */
  site: string;
  doc: Document;
  /** The page's current URL. */
  url(): string;
  gate(doc: Document, url: string): GateResult;
  /**
   * A first look (lib/article/pre-gate.ts): "not an article" where that is plain from the URL and a
   * few selector counts, else null (ask the gate). Its "no" needs no late-content wait where it
   * rests on vetoes only article metadata lifts (or on the URL), as its header says; a `textBased`
   * "no" (teaser listing) waits on a shell page like the gate's.
   */
  preGate?(doc: Document, url: string): PreVerdict | null;
  /**
   * The same gate as steps (lib/article/gate.ts articleGateSteps). When given, the first decision
   * runs in slices (issue #7: on big pages the gate was a long task of its own, even in an idle
   * callback); `gate` still serves the checks while waiting for late content (small pages).
   */
  gateSteps?(doc: Document, url: string): Generator<void, GateResult, void>;
  /**
   * The reader's entry (lib/page/reader.ts): loaded with this script, in one module, so an article
   * waits for no second import once its gate passes.
   */
  reader: ReaderEntry;
  /** The isolated world's global: the eager script's verdict for the popup lives here. */
  global: Record<string, unknown>;
  /** Calls back on possible same-document URL changes; returns a function that stops watching. */
  watchUrl(onChange: () => void): () => void;
  /** Calls back when the gate may start (the entry calls back at once: document_idle is the idle point). */
  whenIdle(callback: () => void): void;
  log(...args: unknown[]): void;
  /**
   * Started by the first look (lib/page/first-look.ts) because the page's URL moved: skip the
   * gate and go on as after a same-document navigation (settings, then the reader).
   */
  navigated?: boolean;
  /** The popup's verdict so far (the first look's, kept until this script decides anew). */
  status?: PageStatus;
  /**
   * The first look's pre-gate verdict on this page (null: it could not tell), taken for the first
   * run instead of asking `preGate` again; later runs (settings switched on) ask it afresh.
   */
  preVerdict?: PreVerdict | null;
  /**
   * The first look saw late content come to an app shell it had said no to: the first run gates
   * now and, while the gate says no, watches for more until then (Date.now ms), shell or not.
   */
  lateContentUntil?: number;
}

/** The on/off settings as storage.local holds them (lib/settings.ts items use the same keys). */
const ON_OFF_KEYS = [ENABLED_KEY, DISABLED_SITES_KEY];

/** Starts the eager script on the current page; returns a function that stops it (tests). */
export function startEagerPage(deps: EagerDeps): () => void {
  const { doc } = deps;
  /** The API object once taken (see the header: taking it is what costs a page). */
  let taken: EagerApi | null | undefined;
  const api = (): EagerApi => {
    if (taken === undefined) taken = deps.api();
    if (!taken) throw new Error('no extension API');
    return taken;
  };
  // Plain strings at start-up: in a fresh isolated world every Web API interface used for the first
  // time (URL, AbortController, …) costs Chromium a few tenths of a millisecond.
  const site = deps.site;

  let status: PageStatus = deps.status ?? { state: 'idle' };
  let handedOver = false;
  let stopped = false;
  /** Bumped to cancel the current run; its cancel flag exists only while it waits for content. */
  let runId = 0;
  let waiting: ReturnType<typeof cancellation> | null = null;
  let watchingStorage = false;
  /** The page's URL as last seen (pageKey is computed only once it changes). */
  let lastUrl = deps.url();
  /** The first look's verdict and late-content deadline, for the first run only. */
  let known = deps.preVerdict;
  let lateContentUntil = deps.lateContentUntil;

  /** The reader's settings as last read (handed over, so the reader need not read them again). */
  let settings: Record<string, unknown> | undefined;
  /**
   * Reads the on/off settings (and from then on follows their changes). One storage read fetches
   * all the reader's settings: the same round trip, and the reader starts with them.
   */
  const isActive = async (): Promise<boolean> => {
    const storage = api().storage;
    if (!watchingStorage) {
      watchingStorage = true;
      storage.onChanged.addListener(onStorage);
    }
    const values = await storage.local.get(READER_SETTING_KEYS);
    settings = values;
    return isActiveOn(site, values[ENABLED_KEY], values[DISABLED_SITES_KEY]);
  };

  const abortRun = (): void => {
    runId++;
    waiting?.abort();
    waiting = null;
  };

  /**
   * The popup's question (lib/page/status-global.ts): the gate's verdict so far, as a copy. Where
   * Backstory is switched off the popup says so itself, from the settings it reads anyway.
   */
  const answer = (): PageStatus => (status.state === 'not-article' ? { ...status, signals: [...status.signals] } : { ...status });
  deps.global[PAGE_STATUS_GLOBAL] = answer;

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
    if (deps.global[PAGE_STATUS_GLOBAL] === answer) delete deps.global[PAGE_STATUS_GLOBAL];
    try {
      if (watchingStorage) taken?.storage.onChanged.removeListener(onStorage);
    } catch {
      /* the extension was reloaded: its API is gone, and so are the listeners */
    }
  };
  /** Reloaded or removed extension: this script is orphaned (its API throws or lacks an id). */
  const orphaned = (): boolean => {
    try {
      return !api().runtime.id;
    } catch {
      return true;
    }
  };

  /** Fire and forget: the answer (null) does not matter, nor does a failure (the reader's own request follows). */
  const wakeWorker = (): void => {
    try {
      Promise.resolve(api().runtime.sendMessage(WAKE_MESSAGE)).catch(() => {});
    } catch {
      /* the extension went away: the hand-over finds out on its own */
    }
  };

  /**
   * Hand the page over to the reader (once). `likely`: the gate passed on the
   * document as it is now and `settings` were just read, so the reader starts on both.
   */
  const handOver = async (afterNavigation: boolean, likely = false, verdict?: GateResult, unchanged?: () => boolean): Promise<void> => {
    if (handedOver || stopped) return;
    handedOver = true;
    abortRun();
    try {
      if (orphaned()) return detach();
      // The first article after a pause finds the worker stopped (#8): wake it now, so its start
      // and pack load run while the reader extracts, not after the analysis request.
      // Not after an SPA navigation: the reader waits for the new content and may find none.
      if (likely && !afterNavigation) wakeWorker();
      const first = likely && !afterNavigation;
      const known: EagerFindings = { likely: first, settings, ...(verdict && first ? { gate: verdict } : {}), ...(unchanged && first ? { unchanged } : {}) };
      // The reader registers its own message listener before its first await.
      const started = deps.reader(site, afterNavigation, known);
      detach();
      await started;
    } catch (err) {
      detach();
      deps.log('article reader failed', err);
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
    const early = known !== undefined ? known : (deps.preGate?.(doc, deps.url()) ?? null);
    known = undefined;
    const lateUntil = lateContentUntil;
    lateContentUntil = undefined;
    // Date.now, not performance.now: see SliceClock (the eager script's cost on every page, #8).
    let result = early ?? (deps.gateSteps ? await driveSteps(deps.gateSteps(doc, deps.url()), new SliceClock(undefined, Date.now)) : gate());
    if (cancelled() || !result) return;
    if (!result.likely) {
      // The verdict is public at once (the popup reads it), also while late content may change it.
      setNotArticle(result);
      // An app shell may still be loading its article. Watched without reading the settings first:
      // the read would cost every short page a storage touch (~1.3 ms), and the watch itself costs
      // nothing while the page is still; the settings are read once it turns into an article. No
      // deadline timer: the watch ends on the first change after LATE_CONTENT_MS (lib/page/wait.ts).
      if (lateUntil === undefined && ((early && !early.textBased) || !isShellText(doc))) return;
      const ctl = cancellation();
      waiting = ctl;
      const found = await waitForContent(doc, () => gate().likely, ctl.signal, lateUntil === undefined ? LATE_CONTENT_MS : Math.max(0, lateUntil - Date.now()), undefined, true);
      if (cancelled()) return;
      waiting = null;
      if (!found) return;
      result = gate();
      if (!result.likely) return setNotArticle(result);
    }
    // Off here: stay put (onStorage runs this again when it is switched on). The settings are
    // read before the reader starts: where Backstory is off, the reader (loaded with this module,
    // its code only registered) never runs.
    // From the verdict on, watch for changes: a document still as gated lets the reader's
    // extraction skip its frame wait (lib/page/controller.ts).
    status = { state: 'idle' };
    const unchanged = watchForChanges(doc.documentElement ?? doc);
    if ((await isActive()) && !cancelled()) await handOver(false, true, result, unchanged);
    else unchanged();
  };

  const setNotArticle = (result: GateResult): void => {
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
      if (moved) navigated();
    } catch (err) {
      deps.log('navigation handling failed', err);
    }
  };
  /** The page moved to another URL: its new content goes to the reader (which gates it itself) where on. */
  const navigated = (): void => {
    if (orphaned()) return detach();
    abortRun();
    void isActive().then((on) => (on ? handOver(true) : undefined), (err: unknown) => deps.log('settings read failed', err));
  };

  unwatchUrl = deps.watchUrl(onUrl);
  if (deps.navigated) navigated();
  else void run().catch((err: unknown) => deps.log('content script failed', err));
  return () => {
    stopped = true;
    detach();
  };
}
