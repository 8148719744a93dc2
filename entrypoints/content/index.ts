/**
 * Content script, eager half (issue #8): injected on every http(s) page, so it stays small and
 * cheap. Reads the on/off settings straight from storage.local, runs the cheap articleGate in an
 * idle callback (waiting a bounded time for late content on shell pages, as the controller does),
 * answers the popup's `ui:get-page-status` / the background's `bg:report-id` itself, and only on
 * likely articles — or after an SPA navigation — loads the heavy half (entrypoints/article-reader:
 * extraction, PageController, view, card, zod messages) with a dynamic import of its
 * web-accessible script, which then takes over everything (lib/page/reader.ts).
 * Never throws into the page: every failure is logged with a prefix and swallowed.
 */
import './style.css';
import { articleGate } from '~/lib/article/gate';
import { LATE_CONTENT_MS, SHELL_TEXT, visibleTextLength, waitForContent } from '~/lib/page/wait';
import type { PageStatus, Result } from '~/lib/messaging';
import type { StartReader } from '~/lib/page/reader';
import { DISABLED_SITES_KEY, ENABLED_KEY, READER_GLOBAL, isActiveOn, pageKey } from '~/lib/page/activation';

const log = (...args: unknown[]): void => console.warn('[backstory]', ...args);
/** The on/off settings as storage.local holds them (lib/settings.ts items use the same keys). */
const ON_OFF_KEYS = [ENABLED_KEY, DISABLED_SITES_KEY];
const isActive = (values: Record<string, unknown>, site: string): boolean => isActiveOn(site, values[ENABLED_KEY], values[DISABLED_SITES_KEY]);

function whenIdle(signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (): void => resolve(!signal.aborted);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(done, { timeout: 1000 });
    else setTimeout(done, 0);
  });
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    try {
      const u = new URL(location.href);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
      const site = u.hostname;

      let status: PageStatus = { state: 'idle' };
      let active = false;
      let handedOver = false;
      let run$: AbortController | null = null;

      const stop = (): void => {
        status = { state: 'idle' };
        run$?.abort();
        run$ = null;
      };

      const onMessage = (message: unknown, sender: { id?: string; url?: string }): Promise<Result<string | null | PageStatus>> | undefined => {
        if (sender.id !== browser.runtime.id) return undefined;
        if (sender.url !== undefined && !sender.url.startsWith(browser.runtime.getURL('/'))) return undefined;
        const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
        // Nothing was reported from this page yet (the reader has not run), so no report id.
        if (type === 'bg:report-id') return Promise.resolve({ ok: true, value: null });
        if (type === 'ui:get-page-status') {
          const value: PageStatus = status.state === 'not-article' ? { ...status, signals: [...status.signals] } : { ...status };
          return Promise.resolve({ ok: true, value });
        }
        return undefined;
      };
      const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
        if (handedOver || area !== 'local' || !ON_OFF_KEYS.some((key) => key in changes)) return;
        void browser.storage.local.get(ON_OFF_KEYS).then((values) => {
          const next = isActive(values, site);
          if (handedOver || next === active) return;
          active = next;
          if (active) void run();
          else stop();
        });
      };
      const detach = (): void => {
        browser.runtime.onMessage.removeListener(onMessage);
        browser.storage.onChanged.removeListener(onStorage);
      };

      /** Load the heavy half and hand the page over to it (once). */
      const handOver = async (afterNavigation: boolean): Promise<void> => {
        if (handedOver) return;
        handedOver = true;
        run$?.abort();
        run$ = null;
        try {
          await import(/* @vite-ignore */ browser.runtime.getURL('/article-reader.js'));
          const start = (globalThis as Record<string, unknown>)[READER_GLOBAL] as StartReader | undefined;
          if (typeof start !== 'function') throw new Error('article reader did not register');
          if (!ctx.isValid) return detach();
          // startReader registers its own message listener before its first await.
          const started = start(ctx, site, afterNavigation);
          detach();
          await started;
        } catch (err) {
          detach();
          log('article reader failed to load', err);
        }
      };

      /** The eager decision: gate (after late content on shell pages); articles go to the reader. */
      const run = async (): Promise<void> => {
        stop();
        const ctl = new AbortController();
        run$ = ctl;
        const { signal } = ctl;
        if (!(await whenIdle(signal))) return;
        const gate = () => articleGate(document, location.href);
        let result = gate();
        if (!result.likely && visibleTextLength(document) < SHELL_TEXT) {
          const found = await waitForContent(document, () => gate().likely, signal, LATE_CONTENT_MS);
          if (signal.aborted) return;
          if (found) result = gate();
        }
        if (signal.aborted) return;
        if (result.likely) return handOver(false);
        status = {
          state: 'not-article',
          signals: result.signals.slice(0, 50),
          url: location.href.slice(0, 8192),
          title: (document.title ?? '').slice(0, 2000),
        };
      };

      browser.runtime.onMessage.addListener(onMessage);
      browser.storage.onChanged.addListener(onStorage);
      ctx.onInvalidated(() => {
        stop();
        detach();
      });

      ctx.addEventListener(window, 'wxt:locationchange', (event) => {
        try {
          // Only WXT's own event carries URL objects of this (isolated) world. Ignore forgeries.
          const { newUrl, oldUrl } = event as { newUrl?: unknown; oldUrl?: unknown };
          if (handedOver || !(newUrl instanceof URL) || !(oldUrl instanceof URL)) return;
          if (!active || pageKey(newUrl) === pageKey(oldUrl)) return;
          void handOver(true);
        } catch (err) {
          log('navigation handling failed', err);
        }
      });

      active = isActive(await browser.storage.local.get(ON_OFF_KEYS), site);
      if (active && !handedOver) await run();
    } catch (err) {
      log('content script failed', err);
    }
  },
});
