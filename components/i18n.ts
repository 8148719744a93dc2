/** UI text lookup for the popup and options: the shared helper in lib/i18n.ts (also used by the hover card). */
export { t, tn, formatCount, uiLanguage, type MessageKey, type PluralBase } from '../lib/i18n';
