/**
 * Content script, eager half (issue #8), injected on every http(s) page by the manifest entry in
 * wxt.config.ts (with entrypoints/content/index.css). Built as a plain unlisted script: WXT's
 * content-script wrapper and the webextension-polyfill cost a non-article page about 8 ms of
 * main-thread time, the whole budget many times over. So no `browser` import here — it would pull
 * in the polyfill — only the browser's own API object (lib/page/eager.ts does the work).
 */
import { articleGate, articleGateSteps } from '~/lib/article/gate';
import { startEagerPage, type EagerApi } from '~/lib/page/eager';

/** Ask for the page's spare time, but do not wait for it forever on a busy page. */
const IDLE_TIMEOUT_MS = 1000;
/** Without the Navigation API, how often to look whether the page changed its URL (as WXT does). */
const URL_POLL_MS = 1000;

export default defineUnlistedScript(() => {
  const log = (...args: unknown[]): void => console.warn('[backstory]', ...args);
  try {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    const g = globalThis as { browser?: EagerApi; chrome?: EagerApi; navigation?: EventTarget };
    // Firefox: `browser` (promises). Chrome MV3: `chrome`, whose APIs return promises too.
    const api = g.browser?.runtime ? g.browser : g.chrome;
    if (!api?.runtime) return;
    startEagerPage({
      api,
      site: location.hostname,
      doc: document,
      url: () => location.href,
      gate: articleGate,
      gateSteps: articleGateSteps,
      importScript: (url) => import(/* @vite-ignore */ url),
      global: globalThis as unknown as Record<string, unknown>,
      watchUrl(onChange) {
        // The history API fires no event the isolated world can see, except through the
        // Navigation API; elsewhere compare the URL now and then. Both only call onChange, which
        // compares the URL itself, so events the page forges change nothing.
        const nav = g.navigation;
        if (typeof nav?.addEventListener === 'function') {
          nav.addEventListener('currententrychange', onChange);
          return () => nav.removeEventListener('currententrychange', onChange);
        }
        const timer = setInterval(onChange, URL_POLL_MS);
        addEventListener('popstate', onChange);
        return () => {
          clearInterval(timer);
          removeEventListener('popstate', onChange);
        };
      },
      whenIdle(callback) {
        // A background-priority task runs as soon as the page has nothing more urgent queued;
        // an idle callback also waits for an idle period after a frame (measured: tens of ms
        // after document idle on an article, all of it on the way to the highlights, #8).
        const sched = (globalThis as { scheduler?: { postTask?: (cb: () => void, o: { priority: string }) => Promise<unknown> } }).scheduler;
        if (typeof sched?.postTask === 'function') {
          let done = false;
          const once = (): void => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            callback();
          };
          // Not forever on a page that keeps its main thread busy (as the idle callback's timeout).
          const timer = setTimeout(once, IDLE_TIMEOUT_MS);
          sched.postTask(once, { priority: 'background' }).catch(once);
        } else if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: IDLE_TIMEOUT_MS });
        else setTimeout(callback, 0);
      },
      log,
    });
  } catch (err) {
    log('content script failed', err);
  }
});
