/**
 * The content script's first look (issue #8): all that the manifest injects into every http(s)
 * page. It runs the cheaper pre-gate (lib/article/pre-gate.ts surelyNotArticle: URL vetoes, a few
 * selector counts, JSON-LD as raw text, the teaser rule), keeps the popup's verdict, watches the
 * URL, and on a teaser listing that is an app shell, late content. The rest of the content script —
 * the full pre-gate (JSON-LD parsed), the gate, the settings (lib/page/eager.ts) and the reader
 * (lib/page/reader.ts), one web-accessible module built as entrypoints/article-reader.ts — is
 * imported only when the first look cannot settle the page, when late content comes to an app
 * shell, or when the page's URL moves. Kept small on purpose (session 19: 2.6 KB gzip): V8
 * compiles the injected script on every page with no code cache, ~0.7–1.1 ms for the 15 KB one.
 *
 * Why: every page compiles and runs what the manifest injects, in a fresh isolated world. The full
 * eager script (15 KB raw) cost the non-article fixtures 3.4 / 2.0 / 1.9 / 2.9 ms of main-thread CPU
 * (home / search / login / forum), a script holding only this part 2.4 / 1.4 / 1.2 / 2.1 ms (session
 * 15, one bench run). Why one module for the gate and the reader: with the gate in a module of its
 * own an article imported twice (the gate's module, then the reader's), and its content-script CPU
 * rose beyond its spread (session 15, branch eagertiny2). Now an article imports once, before its
 * gate rather than after; a page that is not an article but reaches the full gate pays the whole
 * import (and runtime.getURL to find it) where it used to run an injected gate.
 *
 * A settled page touches no extension API, as before: the verdict sits on the isolated world's
 * global (lib/page/status-global.ts). Never throws into the page.
 */
import type { PreVerdict } from '../article/pre-gate';
import type { PageStatus } from '../messaging';
import { pageKey } from './activation';
import { PAGE_STATUS_GLOBAL } from './status-global';
import { LATE_CONTENT_MS, cancellation, waitForContent } from './wait';

/** Extension URL of the rest: full gate and reader (entrypoints/article-reader.ts, web-accessible). */
export const CONTENT_REST_PATH = '/article-reader.js';
/** Where the rest registers its start on the isolated world's global once imported. */
export const CONTENT_REST_GLOBAL = '__backstoryContentRest';

/** What the first look hands the rest: why it was loaded, and the popup's verdict so far. */
export interface FirstLookFindings {
  /** The pre-gate's verdict (null: it could not tell); ignored when `navigated`. */
  verdict: PreVerdict | null;
  /** The URL moved (a same-document navigation): the rest goes on as after one. */
  navigated: boolean;
  status: PageStatus;
  /**
   * The first look watched an app shell it had said no to, and content came (and settled): the
   * rest gates the page now and, while the gate says no, watches for more until then (Date.now ms).
   */
  lateContentUntil?: number;
}

/** The rest's start (registered under CONTENT_REST_GLOBAL): returns a function that stops it. */
export type ContentRestEntry = (known: FirstLookFindings) => () => void;

export interface FirstLookDeps {
  doc: Document;
  /** The page's current URL. */
  url(): string;
  /** "Surely not an article" or null (lib/article/pre-gate.ts surelyNotArticle). */
  preGate(doc: Document, url: string): PreVerdict | null;
  /**
   * Whether the page is a near-empty app shell (lib/page/wait.ts isShellText): there a text-based
   * "no" (a teaser listing) waits for late content, which the rest does.
   */
  isShellText(doc: Document): boolean;
  /**
   * Imports the rest (a dynamic import of its extension URL); false where the extension is gone
   * (reloaded or removed: this script is orphaned, and stops quietly).
   */
  loadRest(): Promise<boolean>;
  /** The isolated world's global: the popup's verdict lives here, the rest registers its start here. */
  global: Record<string, unknown>;
  /** Calls back on possible same-document URL changes; returns a function that stops watching. */
  watchUrl(onChange: () => void): () => void;
  log(...args: unknown[]): void;
}

/** Starts the first look on the current page; returns a function that stops it (and the rest, once loaded). */
export function startFirstLook(deps: FirstLookDeps): () => void {
  let status: PageStatus = { state: 'idle' };
  const answer = (): PageStatus => (status.state === 'not-article' ? { ...status, signals: [...status.signals] } : { ...status });
  deps.global[PAGE_STATUS_GLOBAL] = answer;
  let stopped = false;
  let loading = false;
  let stopRest = (): void => {};
  let unwatchUrl = (): void => {};
  /** The late-content watch on an app shell, while it lasts. */
  let waiting: ReturnType<typeof cancellation> | null = null;
  const detach = (): void => {
    unwatchUrl();
    waiting?.abort();
    if (deps.global[PAGE_STATUS_GLOBAL] === answer) delete deps.global[PAGE_STATUS_GLOBAL];
  };

  /** Once: import the rest and hand the page over to it (it watches the URL and answers the popup from then on). */
  const handOver = (known: Omit<FirstLookFindings, 'status'>): void => {
    if (loading || stopped) return;
    loading = true;
    unwatchUrl();
    waiting?.abort();
    deps.loadRest().then(
      (loaded) => {
        if (!loaded) return detach();
        const start = deps.global[CONTENT_REST_GLOBAL];
        if (typeof start !== 'function') throw new Error('the rest of the content script did not register');
        if (!stopped) stopRest = (start as ContentRestEntry)({ ...known, status });
      },
    ).catch((err: unknown) => {
      detach();
      deps.log('content script failed to load', err);
    });
  };

  let lastUrl = deps.url();
  const onUrl = (): void => {
    try {
      const url = deps.url();
      if (url === lastUrl) return;
      const moved = pageKey(url) !== pageKey(lastUrl);
      lastUrl = url;
      if (moved) handOver({ verdict: null, navigated: true });
    } catch (err) {
      deps.log('navigation handling failed', err);
    }
  };

  try {
    const verdict = deps.preGate(deps.doc, lastUrl);
    if (verdict) {
      status = { state: 'not-article', signals: verdict.signals.slice(0, 50), url: lastUrl.slice(0, 8192), title: (deps.doc.title ?? '').slice(0, 2000) };
    }
    if (!verdict) return handOver({ verdict, navigated: false }), stop;
    // Settled: only the URL can change the answer — or, on a teaser listing that is an app shell,
    // late content, watched for here as after the gate's own "no" (lib/page/eager.ts); only once
    // some came and settled is the rest (the full gate) imported. The watch costs nothing while
    // the page is still (the fixture home page of short teasers is such a shell).
    unwatchUrl = deps.watchUrl(onUrl);
    if (verdict.textBased && deps.isShellText(deps.doc)) {
      const ctl = cancellation();
      waiting = ctl;
      const lateContentUntil = Date.now() + LATE_CONTENT_MS;
      void waitForContent(deps.doc, () => true, ctl.signal, LATE_CONTENT_MS, undefined, true).then((came) => {
        if (came && waiting === ctl) handOver({ verdict: null, navigated: false, lateContentUntil });
      });
    }
  } catch (err) {
    deps.log('content script failed', err);
  }
  return stop;

  function stop(): void {
    stopped = true;
    detach();
    stopRest();
  }
}
