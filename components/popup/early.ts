/**
 * The popup's data, asked for before the popup's modules even load (issue #8: popup first
 * render with data): by a classic script in the popup's <head> (entrypoints/popup-early.ts),
 * else in the popup's first module. Before, the requests left only after Preact, the components and the first
 * render had been evaluated and drawn, from an effect that runs after the first paint. Here they
 * leave at once, through the browser's own API object (no polyfill, nothing imported), and
 * components/popup/api.ts hands these answers to PopupApp's first asks.
 *
 *  - the tab: `?tabId=N` (tests, the bench) or the active tab of the popup's window;
 *  - its status and its URL. The status is first read where the worker mirrors it
 *    (storage.session, lib/background/tab-reports.ts) and confirmed by asking the page itself
 *    which report it shows (`bg:report-id`, the worker's own check): no worker wake-up and one
 *    hop fewer (popup → page, not popup → worker → page → worker → popup). A page with no report
 *    and nothing mirrored is `unknown` at once. Anything else goes to the background
 *    (`ui:get-tab-report`) exactly as before;
 *  - the settings the first render needs (one storage.local read; lib/page/activation.ts maps
 *    raw values to the items' values).
 */
import type { Result, TabStatus, UiToBg } from '../../lib/messaging';
import { TabReports, type SessionArea } from '../../lib/background/tab-reports';
import { READER_SETTING_KEYS, readerSettingsOf, type ReaderSettings } from '../../lib/page/activation';
import { nativeExtensionApi } from '../../lib/page/ext-api';

interface EarlyApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    get(id: number): Promise<{ url?: string }>;
    /** Optional: without it (or without storage.session) the background alone answers. */
    sendMessage?(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> }; session?: SessionArea };
  /** Optional: without it the popup asks for the shortcut itself. */
  commands?: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
}

/** The toggle-opinion command's shortcut: '' when unassigned, null when the command is unknown. */
export function opinionShortcut(commands: { name?: string; shortcut?: string }[]): string | null {
  const cmd = commands.find((c) => c.name === 'toggle-opinion');
  return cmd ? (cmd.shortcut ?? '') : null;
}

/**
 * What the popup can tell about the tab without the worker, by the worker's own rule (its
 * tabStatus in lib/background/handlers.ts: an entry counts only while the page's content script
 * says it shows that report, `bg:report-id`, asked from here):
 *  - the entry the worker mirrors in storage.session, if the page confirms its report id;
 *  - `unknown`, if the mirror holds nothing for the tab and the page has no report id (it never
 *    reported — most pages that are not articles — or has no content script): the worker could
 *    only answer the same, as any entry it held would be for another document;
 *  - null otherwise — a mirror entry the page does not confirm (the worker drops it), one without
 *    a report id, or a page with a report the mirror lacks (it is written a task after the
 *    worker's memory): the caller asks the worker. A stale report is never shown.
 */
export async function statusWithoutWorker(api: EarlyApi, tabId: number): Promise<TabStatus | null> {
  const session = api.storage.session;
  if (!session || !api.tabs.sendMessage) return null;
  // Both asked at once.
  const current = api.tabs.sendMessage(tabId, { type: 'bg:report-id' }, { frameId: 0 }).then(
    (reply) => {
      const r = reply as Result<string | null> | undefined;
      return r?.ok && typeof r.value === 'string' ? r.value : null;
    },
    () => null, // no content script in that document
  );
  // The worker's own reader of its mirror (same key, same checks, article text rebuilt).
  const entry = await new TabReports(session).entry(tabId);
  const pageReport = await current;
  if (!entry) return pageReport === null ? { state: 'unknown' } : null;
  return entry.reportId && pageReport === entry.reportId ? entry.status : null;
}

/** The tab's status: told without the worker where it can be, else the background's answer (`ui:get-tab-report`). */
function tabStatusOf(api: EarlyApi, tabId: number): Promise<Result<TabStatus> | undefined> {
  const fromWorker = () => api.runtime.sendMessage({ type: 'ui:get-tab-report', tabId } satisfies UiToBg) as Promise<Result<TabStatus> | undefined>;
  return statusWithoutWorker(api, tabId).then(
    (status) => {
      if (!status) return fromWorker();
      // For the popup bench and test/e2e/popup-early-path.test.mjs: which answer came without the worker.
      performance.mark?.(status.state === 'unknown' ? 'popup:no-report' : 'popup:mirror');
      return { ok: true as const, value: status };
    },
    () => fromWorker(),
  );
}

interface EarlyRequests {
  tabId: Promise<number | null>;
  /** Both for `tabId`'s tab; rejections are the caller's, as with the plain API. */
  tabUrl: Promise<string | null>;
  tabStatus: Promise<Result<TabStatus> | undefined>;
  settings: Promise<ReaderSettings>;
  /** opinionShortcut's answer; absent where the browser has no commands API here. */
  shortcut?: Promise<string | null>;
}

/** The answers in so far, each set when its request settles well (a key is absent until then). */
export type EarlyArrivals = { -readonly [K in keyof EarlyRequests]?: Awaited<EarlyRequests[K]> };

export interface EarlyPopupData extends EarlyRequests {
  /**
   * The same answers as plain values, filled in as they arrive: the popup's first render reads
   * them synchronously (PopupApp's firstState), so when they are all in before its module runs —
   * the requests leave from the head script while the modules load — it renders with data at
   * once: no loading render, no effect and promise round, no second render.
   */
  arrived: EarlyArrivals;
}

/** Starts every request now; the promises never reject unhandled (each has a catch attached). */
export function startEarly(api: EarlyApi, search: string): EarlyPopupData {
  const fromQuery = new URLSearchParams(search).get('tabId');
  const tabId: Promise<number | null> =
    fromQuery && /^\d+$/.test(fromQuery) ? Promise.resolve(Number(fromQuery)) : api.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id ?? null);
  const forTab = <T>(ask: (id: number) => Promise<T>, none: T): Promise<T> => tabId.then((id) => (id == null ? none : ask(id)));
  const requests: EarlyRequests = {
    tabId,
    tabUrl: forTab((id) => api.tabs.get(id).then((tab) => tab.url ?? null), null),
    tabStatus: forTab((id) => tabStatusOf(api, id), undefined),
    settings: api.storage.local.get(READER_SETTING_KEYS).then(readerSettingsOf),
    ...(api.commands ? { shortcut: api.commands.getAll().then(opinionShortcut) } : {}),
  };
  const arrived: EarlyArrivals = {};
  for (const [key, p] of Object.entries(requests) as [keyof EarlyRequests, Promise<unknown>][]) {
    p.then((value) => void ((arrived as Record<string, unknown>)[key] = value), () => undefined);
  }
  return { ...requests, arrived };
}

/**
 * The global the popup's classic head script (entrypoints/popup-early.ts, built to popup-early.js
 * and loaded by entrypoints/popup/index.html before any stylesheet or module) parks its requests
 * under. It runs while the popup's module graph and CSS are still being fetched and compiled, so the
 * tab-status round trip (popup → worker → the page's report-id check) overlaps with them.
 */
export const EARLY_GLOBAL = '__backstoryPopupEarly';

/** Starts the popup page's requests through the browser's own API (null without one). */
export function startPageEarly(g: { browser?: EarlyApi; chrome?: EarlyApi; location?: { search: string } } = globalThis as never): EarlyPopupData | null {
  const api = nativeExtensionApi<EarlyApi>(g);
  if (!api?.tabs || !api.storage || !g.location) return null;
  try {
    return startEarly(api, g.location.search);
  } catch {
    return null;
  }
}

/**
 * The requests the head script already sent, taken once (a second take starts afresh); where it
 * did not run (a dev server, a page without it), they start now.
 */
export function takeEarly(g: Record<string, unknown> = globalThis as never): EarlyPopupData | null {
  const parked = g[EARLY_GLOBAL] as EarlyPopupData | null | undefined;
  if (parked !== undefined) {
    delete g[EARLY_GLOBAL];
    if (parked) return parked;
  }
  return startPageEarly(g as never);
}
