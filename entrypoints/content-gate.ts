/**
 * Content script, eager half (issue #8), injected on every http(s) page by the manifest entry in
 * wxt.config.ts (with entrypoints/content/index.css). Built as a plain unlisted script: WXT's
 * content-script wrapper and the webextension-polyfill cost a non-article page about 8 ms of
 * main-thread time, the whole budget many times over. So no `browser` import here — it would pull
 * in the polyfill — only the browser's own API object, and that only when needed: on a plain page
 * that is not an article the script touches no extension API at all (lib/page/eager.ts).
 */
import { articleGate, articleGateSteps } from '~/lib/article/gate';
import { preGate } from '~/lib/article/pre-gate';
import { startEagerPage } from '~/lib/page/eager';
import { pageApi } from '~/lib/page/ext-api';
import { watchUrl } from '~/lib/page/url-watch';

export default defineUnlistedScript(() => {
  const log = (...args: unknown[]): void => console.warn('[backstory]', ...args);
  try {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    startEagerPage({
      // Firefox: `browser` (promises). Chrome MV3: `chrome`, whose APIs return promises too.
      // Taken on first need only: the first touch of an API namespace is what costs a page (#8).
      api: pageApi,
      site: location.hostname,
      doc: document,
      url: () => location.href,
      gate: articleGate,
      // Settles most pages that are not articles without touching an element (#8).
      preGate,
      gateSteps: articleGateSteps,
      importScript: (url) => import(/* @vite-ignore */ url),
      global: globalThis as unknown as Record<string, unknown>,
      watchUrl: (onChange) => watchUrl(onChange),
      whenIdle(callback) {
        // Right away: the browser injects this script at document_idle, its own idle point, and
        // the gate runs in 10 ms slices that yield to the page (#7). Waiting once more (an idle
        // callback, then a background task) cost every page a second entry into this isolated
        // world, 1.1–1.5 ms of main-thread time measured on the non-article fixtures, and articles
        // up to ~90 ms before the gate even started (#8).
        callback();
      },
      log,
    });
  } catch (err) {
    log('content script failed', err);
  }
});
