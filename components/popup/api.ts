/** The real PopupApi: the WebExtension APIs behind the popup (the browser's own, components/popup/ext.ts). */
import { popupBrowser } from './ext';
import { t } from '../i18n';
import type { PageStatus, Result, TabStatus, UiToBg, UiToCs } from '../../lib/messaging';
import type { PopupApi } from './PopupApp';
import { opinionShortcut, type EarlyPopupData } from './early';
import { PAGE_STATUS_GLOBAL, asPageStatus, readPageStatusGlobal } from '../../lib/page/status-global';

/**
 * `early`: requests the popup's first module already sent (components/popup/early.ts); the first
 * ask for the same thing takes that answer instead of asking again.
 */
export function browserPopupApi(search: string = globalThis.location?.search ?? '', early: EarlyPopupData | null = null): PopupApi {
  let earlyTab: number | null | undefined;
  /** The early answer for `tabId`, once; later asks (PopupApp's retries) go to the browser. */
  const once = <K extends 'tabUrl' | 'tabStatus'>(key: K, tabId: number): EarlyPopupData[K] | null => {
    if (!early || earlyTab !== tabId || used.has(key)) return null;
    used.add(key);
    return early[key];
  };
  const used = new Set<string>();
  return {
    ...(early ? { settings: () => early.settings, arrived: () => early.arrived } : {}),
    async tabId() {
      if (early && !used.has('tabId')) {
        used.add('tabId');
        earlyTab = await early.tabId;
        return earlyTab;
      }
      const fromQuery = new URLSearchParams(search).get('tabId');
      if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
      const [tab] = await popupBrowser().tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    async tabUrl(tabId) {
      const got = once('tabUrl', tabId);
      if (got) return got;
      const tab = await popupBrowser().tabs.get(tabId);
      return tab.url ?? null;
    },
    async tabStatus(tabId) {
      const got = once('tabStatus', tabId);
      if (got) return (await got) ?? { ok: false, error: t('errorNoAnswer') };
      const msg: UiToBg = { type: 'ui:get-tab-report', tabId };
      const reply = (await popupBrowser().runtime.sendMessage(msg)) as Result<TabStatus> | undefined;
      return reply ?? { ok: false, error: t('errorNoAnswer') };
    },
    async pageStatus(tabId) {
      const msg: UiToCs = { type: 'ui:get-page-status' };
      try {
        const reply = (await popupBrowser().tabs.sendMessage(tabId, msg)) as Result<PageStatus> | undefined;
        return reply?.ok ? reply.value : null;
      } catch {
        // No listener there. Pages that are not articles listen to nothing (issue #8: a listener
        // costs every page ~1.3 ms); their eager script keeps its verdict in its isolated world,
        // read here under activeTab (lib/page/status-global.ts). Fails where the popup was not
        // opened by the user on that tab, or where no content script runs (a browser page, a
        // store, a page opened before install/update): null, as before.
        return eagerPageStatus(tabId);
      }
    },
    async reveal(tabId, target) {
      const msg: UiToCs = { type: 'ui:reveal', ...target };
      await popupBrowser().tabs.sendMessage(tabId, msg);
    },
    async shortcut() {
      if (early?.shortcut && !used.has('shortcut')) {
        used.add('shortcut');
        return early.shortcut;
      }
      return opinionShortcut(await popupBrowser().commands.getAll());
    },
    async openOptions() {
      await popupBrowser().runtime.openOptionsPage();
      globalThis.close?.();
    },
  };
}

/** The eager content script's verdict, read from its isolated world (null when it cannot be read). */
async function eagerPageStatus(tabId: number): Promise<PageStatus | null> {
  const scripting = popupBrowser().scripting;
  if (!scripting) return null;
  try {
    const [frame] = await scripting.executeScript({ target: { tabId }, func: readPageStatusGlobal, args: [PAGE_STATUS_GLOBAL] });
    return asPageStatus(frame?.result);
  } catch {
    return null;
  }
}
