/**
 * What the eager content script and the article reader must agree on, in one dependency-free
 * module (the eager script may not pull in WXT storage or zod): the global the reader registers
 * under, when a URL change is a new page, and whether Backstory is on for a site.
 * lib/settings.ts defines the `enabled` / `disabledSites` storage items from these same keys and
 * fallbacks, so the eager script can read storage.local directly and still agree with them.
 */

/** storage.local keys (WXT items `local:<key>`) and fallbacks of the two on/off settings. */
export const ENABLED_KEY = 'enabled';
export const DISABLED_SITES_KEY = 'disabledSites';
export const ENABLED_FALLBACK = true;

/**
 * The eager script's wake-up call to the background (issue #8), sent once a page looks like an
 * article and Backstory is on there, before the reader is even imported. Chromium stops an idle
 * MV3 worker after ~30 s, and starting it again (process, isolate, script, pack load) takes
 * longer than the page's own import and extraction: the message starts all that while the page
 * works, instead of after its analysis request. It carries nothing; the background answers null.
 */
export const WAKE_MESSAGE = { type: 'cs:wake' } as const;

/**
 * The reader's entry (lib/page/reader.ts via entrypoints/article-reader.ts), which the eager
 * decision (lib/page/eager.ts) calls: take over the page (settings, messages, SPA navigation,
 * analysis). `afterNavigation`: the page got here by an SPA navigation, so its content may still
 * be arriving.
 */
export type ReaderEntry = (site: string, afterNavigation: boolean, known?: EagerFindings) => Promise<void>;

/**
 * What the eager script already found out before handing over (issue #8: the reader does not
 * wait for it a second time): the cheap gate said "likely" on this very document, and the
 * settings as storage.local held them (raw values by key, READER_SETTING_KEYS; unset keys absent).
 */
export interface EagerFindings {
  likely?: boolean;
  /** That gate's verdict with its signals (the reader's extraction reuses it instead of running the gate again). */
  gate?: { likely: boolean; signals: string[] };
  settings?: Record<string, unknown>;
  /**
   * Asked once, right before extraction: true when the document has not changed since that gate
   * passed (lib/page/wait.ts watchForChanges). Then its style is as the page last rendered it and
   * extraction need not wait for a frame first.
   */
  unchanged?: () => boolean;
}

/** Every storage.local key the reader's settings live under (lib/settings.ts items, same keys). */
export const READER_SETTING_KEYS = [ENABLED_KEY, DISABLED_SITES_KEY, 'opinionHighlight', 'entityMarks', 'keyboardLinks'];

export interface ReaderSettings {
  enabled: boolean;
  disabledSites: string[];
  opinionHighlight: boolean;
  entityMarks: boolean;
  keyboardLinks: boolean;
}

/**
 * The settings from raw storage.local values, as the items in lib/settings.ts give them (unset or
 * mistyped: their fallbacks). For the scripts that read storage directly to save round trips;
 * test/page-reader-settings.test.ts holds keys and fallbacks to the items.
 */
export function readerSettingsOf(values: Record<string, unknown>): ReaderSettings {
  const flag = (key: string, fallback: boolean): boolean => (typeof values[key] === 'boolean' ? (values[key] as boolean) : fallback);
  const sites = values[DISABLED_SITES_KEY];
  return {
    enabled: flag(ENABLED_KEY, ENABLED_FALLBACK),
    disabledSites: Array.isArray(sites) ? sites.filter((x): x is string => typeof x === 'string') : [],
    opinionHighlight: flag('opinionHighlight', false),
    entityMarks: flag('entityMarks', true),
    keyboardLinks: flag('keyboardLinks', false),
  };
}


/** Same document, different article? (Hash-only changes are in-page jumps, not navigation.) */
export const pageKey = (u: string | URL): string => {
  const url = new URL(String(u));
  return url.origin + url.pathname + url.search;
};

/** On globally and not switched off for this site; values as storage holds them (maybe unset). */
export function isActiveOn(site: string, enabled: unknown, disabledSites: unknown): boolean {
  const on = typeof enabled === 'boolean' ? enabled : ENABLED_FALLBACK;
  return on && !(Array.isArray(disabledSites) && disabledSites.includes(site));
}

/** The site (host name) of an http(s) URL, the unit of the per-site switch; null for anything else. */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}
