/** UI text lookup for the popup and options: the shared helper in lib/i18n.ts (also used by the hover card). */
import { t, uiLanguage } from '../lib/i18n';
import type { Reason } from '../lib/report';

export { t, tn, formatCount, uiLanguage, dateFormat, type MessageKey, type PluralBase } from '../lib/i18n';

/**
 * A report's reason in the reader's language. A plain string is shown as it is: reports kept in
 * session storage by an older version of the extension carried English strings.
 */
export function reasonText(reason: Reason | string): string {
  return typeof reason === 'string' ? reason : t(reason.key, reason.subs ?? []);
}

/** Reasons are list items in lower case; standing alone (the kind badge's) they start a sentence. */
export function sentenceStart(text: string): string {
  return text ? text[0]!.toLocaleUpperCase(uiLanguage()) + text.slice(1) : text;
}
