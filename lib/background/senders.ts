/**
 * Who may talk to the background. Every message names its direction in its type (`cs:`, `ui:`),
 * and the sender must match it: content-script messages only from a tab's top frame running this
 * extension's content script; UI messages only from this extension's own pages (popup, options,
 * also when opened in a tab). Anything else is dropped before its payload is looked at.
 */

/** The parts of runtime.MessageSender we rely on (Chrome and Firefox both fill these). */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface ExtensionIdentity {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL('/'), e.g. "chrome-extension://abc/" or "moz-extension://uuid/". */
  origin: string;
}

const isExtensionUrl = (url: string | undefined, self: ExtensionIdentity): boolean =>
  typeof url === 'string' && url.startsWith(self.origin);

/** A content script of this extension in a web page's top frame. Returns the tab id, or null. */
export function contentScriptTab(sender: SenderLike, self: ExtensionIdentity): number | null {
  if (sender.id !== self.id) return null;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  // Extension pages opened in a tab also carry `tab`; they are UI, not content scripts.
  if (isExtensionUrl(sender.url, self) || isExtensionUrl(sender.tab?.url, self)) return null;
  return tabId;
}

/** One of this extension's own pages (popup, options), whether in a popup or a tab. */
export function isExtensionPage(sender: SenderLike, self: ExtensionIdentity): boolean {
  if (sender.id !== self.id) return false;
  if (!isExtensionUrl(sender.url, self)) return false;
  // In a tab the tab must show an extension page too (when the browser tells us its url).
  if (sender.tab && sender.tab.url !== undefined && !isExtensionUrl(sender.tab.url, self)) return false;
  return true;
}
