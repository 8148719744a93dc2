/**
 * Content script, eager half (issue #8), injected on every http(s) page by the manifest entry in
 * wxt.config.ts (with entrypoints/content/index.css): the first look (lib/page/first-look.ts) —
 * the pre-gate, the popup's verdict and the URL watch. The rest (entrypoints/article-reader.ts: the
 * full gate, settings and the reader, one module) is imported only where the pre-gate cannot settle
 * the page, late content comes to an app shell, or its URL moves. Built as a plain unlisted script:
 * WXT's content-script wrapper and the webextension-polyfill cost a non-article page about 8 ms of
 * main-thread time. So no `browser` import here, only the browser's own API object, and only to
 * load the rest: a page the pre-gate settles touches no extension API at all.
 */
import { surelyNotArticle } from '~/lib/article/pre-gate';
import { orphaned, pageApi } from '~/lib/page/ext-api';
import { CONTENT_REST_PATH, startFirstLook } from '~/lib/page/first-look';
import { watchUrl } from '~/lib/page/url-watch';
import { isShellText } from '~/lib/page/wait';

export default defineUnlistedScript(() => {
  const log = (...args: unknown[]): void => console.warn('[backstory]', ...args);
  try {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    startFirstLook({
      doc: document,
      url: () => location.href,
      // Settles most pages that are not articles without touching an element (#8).
      preGate: surelyNotArticle,
      isShellText,
      // Firefox: `browser`, Chrome MV3: `chrome`; an orphaned script (extension reloaded) has no
      // API or no id: the import is not tried.
      loadRest: async () => {
        const api = pageApi();
        if (!api || orphaned(api)) return false;
        await import(/* @vite-ignore */ api.runtime.getURL(CONTENT_REST_PATH));
        return true;
      },
      global: globalThis as unknown as Record<string, unknown>,
      watchUrl: (onChange) => watchUrl(onChange),
      log,
    });
  } catch (err) {
    log('content script failed', err);
  }
});
