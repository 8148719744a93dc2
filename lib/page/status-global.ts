/**
 * How the popup learns why a page is not an article without the page touching any extension API
 * (issue #8). In Chromium the first touch of an API namespace (`chrome.runtime` for a message
 * listener, `chrome.storage`) costs a page about 1.3 ms of main-thread time, more than the whole
 * ≤ 1 ms budget of a page that is not an article. So the eager content script (lib/page/eager.ts)
 * keeps its verdict in a function on its isolated world's global, and the popup — which the user
 * opened on this tab, granting `activeTab` — reads it with `scripting.executeScript`, whose
 * ISOLATED world is the one the extension's content scripts run in (Chrome and Firefox). The page
 * cannot see or change that global: it lives in the extension's isolated world only.
 *
 * Pages the reader took over answer `ui:get-page-status` messages as before; the popup asks that
 * way first (components/popup/api.ts).
 */
import type { PageStatus } from '../messaging';

/** Name of the isolated-world global the eager script answers under (a function returning a PageStatus copy). */
export const PAGE_STATUS_GLOBAL = '__backstoryPageStatus';

/**
 * Runs in the page's isolated world (scripting.executeScript `func`, given `name` only): serialised
 * by the browser, so it may use nothing from outside itself but its arguments.
 */
export function readPageStatusGlobal(name: string, g: Record<string, unknown> = globalThis as never): unknown {
  const answer = g[name];
  return typeof answer === 'function' ? (answer as () => unknown)() : null;
}

const text = (v: unknown, max: number): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);

/** A PageStatus from what came back (structured-cloned from the page's world), or null when it is not one. */
export function asPageStatus(value: unknown): PageStatus | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.state === 'idle' || v.state === 'article') return { state: v.state };
  if (v.state !== 'not-article' || !Array.isArray(v.signals)) return null;
  const url = text(v.url, 8192);
  const title = text(v.title, 2000);
  return {
    state: 'not-article',
    signals: v.signals.filter((s): s is string => typeof s === 'string').slice(0, 50),
    ...(url !== undefined ? { url } : {}),
    ...(title !== undefined ? { title } : {}),
  };
}
