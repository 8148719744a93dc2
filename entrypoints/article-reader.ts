/**
 * The heavy half of the content script (issue #8), loaded on demand by the eager script
 * (entrypoints/content-gate.ts → lib/page/eager.ts) with `import(runtime.getURL('/article-reader.js'))`
 * (web-accessible). It runs in the content script's isolated world and registers its entry point
 * on that world's global; nothing here is visible to the page.
 *
 * Like the eager script it uses the browser's own API (lib/page/ext-api.ts): no `browser` import
 * (the webextension-polyfill), no WXT storage items, no zod and no WXT content-script context —
 * each was fetched, compiled and run on every article before its first message could leave.
 * lib/page/reader.ts follows invalidation and SPA navigation itself (lib/page/url-watch.ts).
 */
import { startReader } from '~/lib/page/reader';
import { READER_GLOBAL, type ReaderEntry } from '~/lib/page/activation';
import { pageApi } from '~/lib/page/ext-api';
import { watchUrl } from '~/lib/page/url-watch';

const enter: ReaderEntry = async (site, afterNavigation, known) => {
  const api = pageApi();
  if (!api) return;
  await startReader({ api, watchUrl: (onChange) => watchUrl(onChange) }, site, afterNavigation, known);
};

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[READER_GLOBAL] = enter;
});
