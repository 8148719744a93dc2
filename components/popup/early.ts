/**
 * The popup's data, asked for in the first module the popup evaluates (issue #8: popup first
 * render with data). Before, the requests left only after Preact, the components and the first
 * render had been evaluated and drawn, from an effect that runs after the first paint. Here they
 * leave at once, through the browser's own API object (no polyfill, nothing imported), and
 * components/popup/api.ts hands these answers to PopupApp's first asks.
 *
 *  - the tab: `?tabId=N` (tests, the bench) or the active tab of the popup's window;
 *  - its status from the background (`ui:get-tab-report`) and its URL;
 *  - the settings the first render needs (one storage.local read; lib/page/activation.ts maps
 *    raw values to the items' values).
 */
import type { Result, TabStatus, UiToBg } from '../../lib/messaging';
import { READER_SETTING_KEYS, readerSettingsOf, type ReaderSettings } from '../../lib/page/activation';

interface EarlyApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>; get(id: number): Promise<{ url?: string }> };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

export interface EarlyPopupData {
  tabId: Promise<number | null>;
  /** Both for `tabId`'s tab; rejections are the caller's, as with the plain API. */
  tabUrl: Promise<string | null>;
  tabStatus: Promise<Result<TabStatus> | undefined>;
  settings: Promise<ReaderSettings>;
}

/** Starts every request now; the promises never reject unhandled (each has a catch attached). */
export function startEarly(api: EarlyApi, search: string): EarlyPopupData {
  const fromQuery = new URLSearchParams(search).get('tabId');
  const tabId: Promise<number | null> =
    fromQuery && /^\d+$/.test(fromQuery) ? Promise.resolve(Number(fromQuery)) : api.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id ?? null);
  const forTab = <T>(ask: (id: number) => Promise<T>, none: T): Promise<T> => tabId.then((id) => (id == null ? none : ask(id)));
  const data: EarlyPopupData = {
    tabId,
    tabUrl: forTab((id) => api.tabs.get(id).then((tab) => tab.url ?? null), null),
    tabStatus: forTab((id) => api.runtime.sendMessage({ type: 'ui:get-tab-report', tabId: id } satisfies UiToBg) as Promise<Result<TabStatus> | undefined>, undefined),
    settings: api.storage.local.get(READER_SETTING_KEYS).then(readerSettingsOf),
  };
  for (const p of Object.values(data) as Promise<unknown>[]) p.catch(() => undefined);
  return data;
}

/**
 * The popup page's own early requests, started when this module is evaluated: entrypoints/popup/
 * main.tsx imports it first (null where there is no extension API).
 */
export const early: EarlyPopupData | null = (() => {
  const g = globalThis as { browser?: EarlyApi; chrome?: EarlyApi; location?: { search: string } };
  const api = g.browser?.runtime ? g.browser : g.chrome?.runtime ? g.chrome : null;
  if (!api?.tabs || !api.storage || !g.location) return null;
  try {
    return startEarly(api, g.location.search);
  } catch {
    return null;
  }
})();
