/**
 * The heavy half of the content script (issue #8): the PageController with extraction, view,
 * card and messaging. Built as its own script (entrypoints/article-reader.ts) and
 * loaded by the eager content script only when its cheap gate says "probably an article" (or
 * after SPA navigation / late content). Takes over everything the eager script did: settings,
 * their changes, SPA navigation and the popup's / background's messages.
 */
import { articleGate, articleGateSteps } from '../article/gate';
import { extractArticle, extractArticleSteps } from '../article/extract';
import { PageController } from './controller';
import type { CsToBg, PageStatus, Result } from '../messaging';
import { READER_SETTING_KEYS, isActiveOn, pageKey, readerSettingsOf, type EagerFindings } from './activation';
import type { ViewSettings } from './article-view';
import { orphaned, type MessageListener, type PageApi, type StorageListener } from './ext-api';
import { readBgToCs, readUiToCs } from './page-messages';

const log = (...args: unknown[]): void => console.warn('[backstory]', ...args);

/** What the reader runs on: the browser's own API (lib/page/ext-api.ts) and the page's URL changes. */
export interface ReaderEnv {
  api: PageApi;
  /** lib/page/url-watch.ts in the extension; tests pass their own. */
  watchUrl(onChange: () => void): () => void;
}

export interface StartReader {
  (env: ReaderEnv, site: string, afterNavigation: boolean, known?: EagerFindings): Promise<void>;
}

/** The display settings from raw storage.local values (the items' fallbacks where unset). */
export function viewSettingsOf(values: Record<string, unknown>): ViewSettings {
  const { opinionHighlight, entityMarks, keyboardLinks } = readerSettingsOf(values);
  return { opinionHighlight, entityMarks, keyboardLinks };
}

/**
 * Take over the page. Settings come as raw storage.local values (the eager script's read, or one
 * read here) and their changes straight from storage.onChanged, by the keys lib/settings.ts's
 * items use (test/page-reader-settings.test.ts holds keys and fallbacks together). Stops for good
 * when the extension goes away (reloaded or removed: its API loses its id).
 */
export const startReader: StartReader = async ({ api, watchUrl }, site, afterNavigation, known = {}) => {
  const { runtime } = api;
  const teardown: (() => void)[] = [];
  let gone = false;
  const invalidate = (): void => {
    if (gone) return;
    gone = true;
    for (const undo of teardown.splice(0)) {
      try {
        undo();
      } catch {
        /* the extension's API is gone with it */
      }
    }
  };
  try {
    const controller = new PageController({
      doc: document,
      url: () => location.href,
      articleGate,
      gateSteps: articleGateSteps,
      extractArticle,
      extractSteps: extractArticleSteps,
      send: (message: CsToBg) => runtime.sendMessage(message) as Promise<Result<unknown> | undefined>,
      log,
      debug: (...args: unknown[]) => console.debug('[backstory]', ...args),
    });
    teardown.push(() => controller.stop());

    // Registered before the first await: the eager script drops its own listener right after
    // calling startReader, so the popup always has someone answering.
    // ui:reveal from the popup, bg:report-id from the background: only this extension's pages
    // can reach a content script, but check anyway, and validate before touching the page.
    const onMessage: MessageListener<Result<boolean | string | null | PageStatus>> = (message, sender, sendResponse) => {
      if (sender.id !== runtime.id) return undefined;
      if (sender.url !== undefined && !sender.url.startsWith(runtime.getURL('/'))) return undefined;
      if (readBgToCs(message)) {
        sendResponse({ ok: true, value: controller.reportId });
        return undefined;
      }
      const ask = readUiToCs(message);
      if (!ask) return undefined;
      if (ask.type === 'ui:get-page-status') {
        sendResponse({ ok: true, value: controller.pageStatus() });
        return undefined;
      }
      try {
        sendResponse(controller.reveal(ask.paragraph, ask.start, ask.end));
      } catch (err) {
        log('reveal failed', err);
        sendResponse({ ok: false, error: 'reveal failed' });
      }
      return undefined;
    };
    runtime.onMessage.addListener(onMessage);
    teardown.push(() => runtime.onMessage.removeListener(onMessage));

    // The settings as storage.local holds them (raw values by key, unset keys absent).
    let values: Record<string, unknown> = known.settings ?? {};
    let active = false;
    // Turning Backstory off (globally or for this site) removes everything at once; on again re-runs.
    const setActive = (next: boolean): void => {
      if (next === active) return;
      active = next;
      if (active) void controller.run();
      else controller.stop();
    };
    const apply = (next: Record<string, unknown>): void => {
      values = next;
      const view = viewSettingsOf(values);
      const now = controller.settings;
      if (now.opinionHighlight !== view.opinionHighlight || now.entityMarks !== view.entityMarks || now.keyboardLinks !== view.keyboardLinks) {
        controller.updateSettings(view);
      }
      const { enabled, disabledSites } = readerSettingsOf(values);
      setActive(isActiveOn(site, enabled, disabledSites));
    };
    const onStorage: StorageListener = (changes, area) => {
      try {
        if (area !== 'local' || gone) return;
        if (orphaned(api)) return invalidate();
        const changed = READER_SETTING_KEYS.filter((key) => key in changes);
        if (!changed.length) return;
        const next = { ...values };
        for (const key of changed) {
          const value = changes[key]?.newValue;
          if (value === undefined) delete next[key];
          else next[key] = value;
        }
        apply(next);
      } catch (err) {
        log('settings change failed', err);
      }
    };
    api.storage.onChanged.addListener(onStorage);
    teardown.push(() => api.storage.onChanged.removeListener(onStorage));

    // SPA navigation: a new page key is a new article (hash-only changes are in-page jumps).
    let lastUrl = location.href;
    const unwatchUrl = watchUrl(() => {
      try {
        const url = location.href;
        if (gone || url === lastUrl) return;
        const moved = pageKey(url) !== pageKey(lastUrl);
        lastUrl = url;
        if (orphaned(api)) return invalidate();
        if (active && moved) void controller.run(true);
      } catch (err) {
        log('navigation handling failed', err);
      }
    });
    teardown.push(unwatchUrl);

    let started: Promise<void> | null = null;
    if (known.settings) {
      // The eager script read every setting just before the hand-over (one storage round trip):
      // start on those right away (the run's first step waits for a frame anyway).
      controller.settings = viewSettingsOf(values);
      const { enabled, disabledSites } = readerSettingsOf(values);
      active = isActiveOn(site, enabled, disabledSites);
      if (active) started = controller.run(afterNavigation, known.likely === true, known.gate, known.unchanged);
      else known.unchanged?.();
      // A change between the eager script's read and the listener above would be lost: read once
      // more (off the analysis' path) and apply any difference.
      api.storage.local.get(READER_SETTING_KEYS).then(
        (now) => gone || apply(now),
        (err: unknown) => log('settings read failed', err),
      );
      await started;
    } else {
      // An SPA navigation before the eager script read anything: read now.
      const now = await api.storage.local.get(READER_SETTING_KEYS);
      if (gone) return;
      controller.settings = viewSettingsOf(now);
      values = now;
      const { enabled, disabledSites } = readerSettingsOf(now);
      active = isActiveOn(site, enabled, disabledSites);
      if (active) await controller.run(afterNavigation);
    }
  } catch (err) {
    log('content script failed', err);
  }
};
