/**
 * The heavy half of the content script (issue #8), loaded on demand by entrypoints/content with
 * `import(browser.runtime.getURL('/article-reader.js'))` (web-accessible). It runs in the content
 * script's isolated world and registers its entry point on that world's global; nothing here is
 * visible to the page.
 */
import { startReader } from '~/lib/page/reader';
import { READER_GLOBAL } from '~/lib/page/activation';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[READER_GLOBAL] = startReader;
});
