/**
 * The heavy half of the content script (issue #8): the PageController with extraction, view,
 * card and zod-checked messaging. Built as its own script (entrypoints/article-reader.ts) and
 * loaded by the eager content script only when its cheap gate says "probably an article" (or
 * after SPA navigation / late content). Takes over everything the eager script did: settings,
 * their changes, SPA navigation and the popup's / background's messages.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { articleGate, articleGateSteps } from '../article/gate';
import { extractArticle, extractArticleSteps } from '../article/extract';
import { PageController } from './controller';
import { yieldToPage } from './yield';
import { BgToCs, UiToCs, type CsToBg, type PageStatus, type Result } from '../messaging';
import { disabledSites, enabled, entityMarks, keyboardLinks, opinionHighlight } from '../settings';
import { DISABLED_SITES_KEY, ENABLED_KEY, isActiveOn, pageKey, readerSettingsOf, type EagerFindings } from './activation';
import type { ViewSettings } from './article-view';

const log = (...args: unknown[]): void => console.warn('[backstory]', ...args);


export interface StartReader {
  (ctx: ContentScriptContext, site: string, afterNavigation: boolean, known?: EagerFindings): Promise<void>;
}

/** The display settings from raw storage.local values (the items' fallbacks where unset). */
export function viewSettingsOf(values: Record<string, unknown>): ViewSettings {
  const { opinionHighlight, entityMarks, keyboardLinks } = readerSettingsOf(values);
  return { opinionHighlight, entityMarks, keyboardLinks };
}

export const startReader: StartReader = async (ctx, site, afterNavigation, known = {}) => {
  try {
    const controller = new PageController({
      doc: document,
      url: () => location.href,
      articleGate,
      gateSteps: articleGateSteps,
      extractArticle,
      extractSteps: extractArticleSteps,
      send: (message: CsToBg) => browser.runtime.sendMessage(message) as Promise<Result<unknown> | undefined>,
      log,
      debug: (...args: unknown[]) => console.debug('[backstory]', ...args),
    });
    ctx.onInvalidated(() => controller.stop());

    // Registered before the first await: the eager script drops its own listener right after
    // calling startReader, so the popup always has someone answering.
    // ui:reveal from the popup, bg:report-id from the background: only this extension's pages
    // can reach a content script, but check anyway, and validate before touching the page.
    const onMessage = (message: unknown, sender: { id?: string; url?: string }): Promise<Result<boolean | string | null | PageStatus>> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      if (sender.url !== undefined && !sender.url.startsWith(browser.runtime.getURL('/'))) return undefined;
      if (BgToCs.safeParse(message).success) return Promise.resolve({ ok: true, value: controller.reportId });
      const parsed = UiToCs.safeParse(message);
      if (!parsed.success) return undefined;
      if (parsed.data.type === 'ui:get-page-status') return Promise.resolve({ ok: true, value: controller.pageStatus() });
      const { paragraph, start, end } = parsed.data;
      try {
        return Promise.resolve(controller.reveal(paragraph, start, end));
      } catch (err) {
        log('reveal failed', err);
        return Promise.resolve({ ok: false, error: 'reveal failed' });
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // This module was just evaluated in the current task (schemas, storage items): let the page
    // have its turn before we read settings and the page (#7: no long task).
    await yieldToPage();

    // The eager script read every setting just before the hand-over (one storage round trip):
    // start on those. Otherwise (an SPA navigation) read them now, through the items.
    let active: boolean;
    let started: Promise<void> | null = null;
    if (known.settings) {
      controller.settings = viewSettingsOf(known.settings);
      active = isActiveOn(site, known.settings[ENABLED_KEY], known.settings[DISABLED_SITES_KEY]);
      if (active) started = controller.run(afterNavigation, known.likely === true);
    } else {
      const [on, disabled, opinion, marks, keys] = await Promise.all([
        enabled.getValue(),
        disabledSites.getValue(),
        opinionHighlight.getValue(),
        entityMarks.getValue(),
        keyboardLinks.getValue(),
      ]);
      controller.settings = { opinionHighlight: opinion, entityMarks: marks, keyboardLinks: keys };
      active = isActiveOn(site, on, disabled);
    }

    // Turning Backstory off (globally or for this site) removes everything at once; on again re-runs.
    const setActive = (next: boolean): void => {
      if (next === active) return;
      active = next;
      if (active) void controller.run();
      else controller.stop();
    };
    for (const unwatch of [
      enabled.watch((v) => void disabledSites.getValue().then((d) => setActive(isActiveOn(site, v, d)))),
      disabledSites.watch((d) => void enabled.getValue().then((v) => setActive(isActiveOn(site, v, d)))),
      opinionHighlight.watch((v) => controller.updateSettings({ opinionHighlight: v })),
      entityMarks.watch((v) => controller.updateSettings({ entityMarks: v })),
      keyboardLinks.watch((v) => controller.updateSettings({ keyboardLinks: v })),
    ]) {
      ctx.onInvalidated(unwatch);
    }

    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      try {
        // The event's name is public (it contains the extension id), so the page can dispatch
        // one too; only WXT's own carries URL objects of this (isolated) world. Ignore forgeries.
        const { newUrl, oldUrl } = event as { newUrl?: unknown; oldUrl?: unknown };
        if (!(newUrl instanceof URL) || !(oldUrl instanceof URL)) return;
        if (!active || pageKey(newUrl) === pageKey(oldUrl)) return;
        void controller.run(true);
      } catch (err) {
        log('navigation handling failed', err);
      }
    });

    if (started) {
      // A change between the eager script's read and these watches would be lost: read once more
      // (off the analysis' path) and apply any difference.
      void Promise.all([enabled.getValue(), disabledSites.getValue(), opinionHighlight.getValue(), entityMarks.getValue(), keyboardLinks.getValue()]).then(
        ([on, disabled, opinion, marks, keys]) => {
          const now = controller.settings;
          if (now.opinionHighlight !== opinion || now.entityMarks !== marks || now.keyboardLinks !== keys) {
            controller.updateSettings({ opinionHighlight: opinion, entityMarks: marks, keyboardLinks: keys });
          }
          setActive(isActiveOn(site, on, disabled));
        },
        (err: unknown) => log('settings read failed', err),
      );
      await started;
    } else if (active) await controller.run(afterNavigation);
  } catch (err) {
    log('content script failed', err);
  }
};
