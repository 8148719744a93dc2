/**
 * The popup's head script (issue #8: popup first render with data ≤ 100 ms). A plain unlisted
 * script, loaded by entrypoints/popup/index.html as a classic <script> ahead of the stylesheets and
 * the module graph (MV3 allows no inline scripts): it sends the popup's requests (the tab, its
 * status and URL, the settings; components/popup/early.ts) while the ~40 KB of modules and CSS are
 * still being fetched and compiled, and parks them under EARLY_GLOBAL for the popup's first module.
 * Nothing else is imported: no polyfill, no Preact; the browser's own API object only.
 */
import { EARLY_GLOBAL, startPageEarly } from '~/components/popup/early';

export default defineUnlistedScript(() => {
  // For the popup bench (test/bench/browser-popup.bench.ts): when the requests left.
  performance.mark?.('popup:early');
  (globalThis as Record<string, unknown>)[EARLY_GLOBAL] = startPageEarly();
});
