/**
 * The heavy half of the content script (issue #8), loaded on demand by the eager script
 * (entrypoints/content-gate.ts → lib/page/eager.ts) with `import(runtime.getURL('/article-reader.js'))`
 * (web-accessible). It runs in the content script's isolated world and registers its entry point
 * on that world's global; nothing here is visible to the page.
 *
 * The eager script is a plain script without WXT's content-script context (too costly on every
 * page), so the context the reader needs (invalidation, `wxt:locationchange` for SPA navigation)
 * is made here, when the reader takes over.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startReader } from '~/lib/page/reader';
import { READER_GLOBAL, type ReaderEntry } from '~/lib/page/activation';

const enter: ReaderEntry = (site, afterNavigation) =>
  // No "script started" window.postMessage: pages could see it, and only one reader ever runs.
  startReader(new ContentScriptContext('article-reader', { noScriptStartedPostMessage: true }), site, afterNavigation);

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[READER_GLOBAL] = enter;
});
