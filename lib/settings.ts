/**
 * Reader settings: one storage item per setting, each with a fallback and a version, so a
 * later change of shape is a tested migration rather than a surprise (STYLE.md habit 4).
 * Content script, background, popup and options all read these same items.
 */
import { storage } from 'wxt/utils/storage';
import { DISABLED_SITES_KEY, ENABLED_FALLBACK, ENABLED_KEY } from './page/activation';
import { lazily } from './lazy';

// Each item is defined on first use (lib/lazy.ts): WXT starts a storage read for every item the
// moment it is defined, and the content script's reader would otherwise do all of that in the
// task that evaluates it (#7: no long task). Same items, same keys, versions and fallbacks.

/** Highlight the passages flagged as opinion on the page. */
export const opinionHighlight = lazily(() => storage.defineItem<boolean>('local:opinionHighlight', { fallback: false, version: 1 }));

/** Dotted underline under linked names. */
export const entityMarks = lazily(() => storage.defineItem<boolean>('local:entityMarks', { fallback: true, version: 1 }));

/** Make linked names reachable with Tab (adds focusable wrappers to the page, so off by default). */
export const keyboardLinks = lazily(() => storage.defineItem<boolean>('local:keyboardLinks', { fallback: false, version: 1 }));

/** Global off switch. */
export const enabled = lazily(() => storage.defineItem<boolean>(`local:${ENABLED_KEY}`, { fallback: ENABLED_FALLBACK, version: 1 }));

/** Hostnames where the reader turned Backstory off. */
export const disabledSites = lazily(() => storage.defineItem<string[]>(`local:${DISABLED_SITES_KEY}`, { fallback: [], version: 1 }));

/** Record articles read into the local history. */
export const historyEnabled = lazily(() => storage.defineItem<boolean>('local:historyEnabled', { fallback: true, version: 1 }));

/** Hostnames whose articles are never recorded. */
export const historyExcludedSites = lazily(() => storage.defineItem<string[]>('local:historyExcludedSites', { fallback: [], version: 1 }));

/** Moved to lib/page/activation.ts (dependency-free, so the popup need not bundle WXT storage); same function. */
export { siteOf } from './page/activation';
