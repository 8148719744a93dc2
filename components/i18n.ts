/**
 * t(): the one way UI text is looked up. Strings live in public/_locales/en/messages.json (ready
 * for translation); browser.i18n answers in the extension, and the same file is the English
 * fallback where browser.i18n is missing (unit tests) or a key is not translated yet.
 */
import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type MessageKey = keyof typeof en;

const fallbackMessages = en as Messages;

function fromFallback(key: string, subs: string[]): string {
  const entry = fallbackMessages[key];
  if (!entry) return key;
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? ph.content : all;
  });
  return named.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}

export function t(key: MessageKey, subs: string | number | (string | number)[] = []): string {
  const list = (Array.isArray(subs) ? subs : [subs]).map(String);
  try {
    // WXT types getMessage with the keys it saw at `wxt prepare`; ours are checked by MessageKey.
    const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
    const message = getMessage(key, list);
    if (message) return message;
  } catch {
    // No i18n API here (tests): fall through to the bundled English.
  }
  return fromFallback(key, list);
}
