/**
 * The rest of the content script (issue #8): the full gate with its late-content wait and the
 * on/off settings (lib/page/eager.ts), and the reader that takes over a likely article
 * (lib/page/reader.ts: extraction, view, card, messaging) — one module, so an article imports
 * once. The first look (entrypoints/content-gate.ts → lib/page/first-look.ts) imports it with
 * `import(runtime.getURL('/article-reader.js'))` (web-accessible) only where its pre-gate cannot
 * settle the page, late content comes to an app shell, or the URL moves. It runs in the content
 * script's isolated world and registers its start on that world's global; nothing here is visible
 * to the page.
 *
 * The browser's own API only (lib/page/ext-api.ts): no `browser` import (the webextension-polyfill),
 * no WXT storage items, no zod and no WXT content-script context — each was fetched, compiled and
 * run on every article before its first message could leave. lib/page/reader.ts follows
 * invalidation and SPA navigation itself (lib/page/url-watch.ts).
 */
import { articleGate, articleGateSteps } from '~/lib/article/gate';
import { preGate } from '~/lib/article/pre-gate';
import { startReader } from '~/lib/page/reader';
import type { ReaderEntry } from '~/lib/page/activation';
import { startEagerPage } from '~/lib/page/eager';
import { pageApi } from '~/lib/page/ext-api';
import { CONTENT_REST_GLOBAL, type ContentRestEntry } from '~/lib/page/first-look';
import { watchUrl } from '~/lib/page/url-watch';

const log = (...args: unknown[]): void => console.warn('[backstory]', ...args);

const enterReader: ReaderEntry = async (site, afterNavigation, known) => {
  const api = pageApi();
  if (!api) return;
  await startReader({ api, watchUrl: (onChange) => watchUrl(onChange) }, site, afterNavigation, known);
};

const start: ContentRestEntry = ({ verdict, navigated, status, lateContentUntil }) =>
  startEagerPage({
    // Firefox: `browser` (promises). Chrome MV3: `chrome`, whose APIs return promises too.
    api: pageApi,
    site: location.hostname,
    doc: document,
    url: () => location.href,
    gate: articleGate,
    // The first look's verdict serves the first run; a later one (settings switched on) asks again.
    preVerdict: verdict,
    preGate,
    gateSteps: articleGateSteps,
    reader: enterReader,
    global: globalThis as unknown as Record<string, unknown>,
    watchUrl: (onChange) => watchUrl(onChange),
    // Right away: the first look ran at document_idle, and the gate runs in 10 ms slices (#7, #8).
    // Waiting once more (an idle callback, then a task) cost every page a second entry into this
    // isolated world, 1.1–1.5 ms of main-thread time on the non-article fixtures (session 14).
    whenIdle: (callback) => callback(),
    log,
    navigated,
    status,
    lateContentUntil,
  });

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CONTENT_REST_GLOBAL] = start;
});
