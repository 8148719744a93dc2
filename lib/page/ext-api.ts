/**
 * The part of the WebExtension API the content script uses (its eager half and the article
 * reader), typed here and taken straight from the browser: `browser` in Firefox, `chrome` in
 * Chrome MV3 — both promise-based for what is used here. No webextension-polyfill on the page
 * (issue #8): it cost every page that loaded it about 9 KB of script to fetch, compile and run,
 * and wrapped every API namespace in proxies before the first message left.
 *
 * Message listeners answer through `sendResponse` (returning true when they answer later): the
 * one form both browsers' own APIs accept (Chrome ignores a returned promise).
 */

export interface ExtEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

export interface MessageSender {
  id?: string;
  url?: string;
}

export type MessageListener<R = unknown> = (message: unknown, sender: MessageSender, sendResponse: (response: R) => void) => boolean | undefined;

/** storage.onChanged: each changed key with its new value (absent when the key was removed). */
export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown } | undefined>;
export type StorageListener = (changes: StorageChanges, area: string) => void;

export interface PageApi {
  runtime: {
    readonly id?: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: ExtEvent<MessageListener>;
  };
  storage: {
    local: { get(keys: string[]): Promise<Record<string, unknown>> };
    onChanged: ExtEvent<StorageListener>;
  };
}

/**
 * The browser's own extension API object, typed as the caller's view of it (the content script's
 * PageApi, the popup's PopupBrowser), or null outside an extension.
 */
export function nativeExtensionApi<T extends { runtime: unknown }>(g: { browser?: T; chrome?: T } = globalThis as never): T | null {
  // Firefox has both (`chrome` with callbacks in places); its `browser` is the promise one.
  const api = g.browser?.runtime ? g.browser : g.chrome;
  return api?.runtime ? api : null;
}

/** The browser's own API object in this (isolated) world, or null outside an extension. */
export function pageApi(): PageApi | null {
  return nativeExtensionApi<PageApi>();
}

/** A reloaded or removed extension leaves its content scripts orphaned: the API throws or lacks an id. */
export function orphaned(api: PageApi): boolean {
  try {
    return !api.runtime.id;
  } catch {
    return true;
  }
}
