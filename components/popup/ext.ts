/**
 * The WebExtension API the popup uses, taken from the browser itself (`browser` in Firefox,
 * `chrome` in Chrome MV3; promise-based for everything here) and typed here: no
 * webextension-polyfill and no WXT storage items in the popup (issue #8: together a third of the
 * popup's script, fetched, compiled and run before its first render, and each storage item read
 * storage once more when defined).
 */
import { nativeExtensionApi, type StorageChanges } from '../../lib/page/ext-api';

export interface PopupBrowser {
  runtime: { sendMessage(message: unknown): Promise<unknown>; openOptionsPage(): Promise<void> };
  tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    get(id: number): Promise<{ url?: string }>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  /** With activeTab: reads the eager content script's verdict on a page that is not an article (lib/page/status-global.ts). */
  scripting?: {
    executeScript(injection: { target: { tabId: number }; func: (name: string) => unknown; args: [string] }): Promise<{ result?: unknown }[]>;
  };
  storage: {
    local: { get(keys: string[]): Promise<Record<string, unknown>>; set(values: Record<string, unknown>): Promise<void> };
    onChanged: { addListener(l: (changes: StorageChanges, area: string) => void): void; removeListener(l: (changes: StorageChanges, area: string) => void): void };
  };
}

/** The browser's own API object (throws outside an extension page: the popup cannot work there). */
export function popupBrowser(): PopupBrowser {
  const api = nativeExtensionApi<PopupBrowser>();
  if (!api) throw new Error('no extension API');
  return api;
}
