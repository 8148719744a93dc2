/**
 * The one message protocol between content script (CS), background (BG) and popup/options (UI).
 * Every message is validated with zod at its receiver; types are named by direction.
 * Replies are Result values rather than thrown errors, so a failure crosses the boundary intact.
 */
import { z } from 'zod';

const MAX_BLOCKS = 5000;
const MAX_BLOCK_CHARS = 20_000;

export const BlockInputSchema = z.object({
  text: z.string().max(MAX_BLOCK_CHARS),
  kind: z.enum(['paragraph', 'heading', 'list-item', 'quote', 'preformatted']),
  section: z.string().max(2000).nullable(),
});

export const ArticleInputSchema = z.object({
  url: z.string().max(8192),
  title: z.string().max(2000),
  byline: z.string().max(2000).nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  lang: z.string().max(64).nullable(),
  siteName: z.string().max(500).nullable(),
  kind: z.enum(['news', 'opinion', 'analysis', 'other']),
  kindSignals: z.array(z.string().max(500)).max(50),
  kindReasons: z.array(z.string().max(500)).max(50),
  signals: z.array(z.string().max(500)).max(50),
  blocks: z.array(BlockInputSchema).max(MAX_BLOCKS),
});

/** CS → BG */
export const CsToBg = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cs:analyze-article'), article: ArticleInputSchema, notes: z.array(z.string().max(500)).max(20).optional() }),
  z.object({ type: z.literal('cs:not-article'), url: z.string().max(8192), title: z.string().max(2000), signals: z.array(z.string().max(500)).max(50) }),
]);
export type CsToBg = z.infer<typeof CsToBg>;

/** UI (popup/options) → BG */
export const UiToBg = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui:get-tab-report'), tabId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('ui:get-dataset-info') }),
  /** The options page installed or removed a pack (IndexedDB): rebuild the knowledge. */
  z.object({ type: z.literal('ui:packs-changed') }),
  /** The options page cleared the reading history. */
  z.object({ type: z.literal('ui:history-changed') }),
]);
export type UiToBg = z.infer<typeof UiToBg>;

/** UI → CS (tabs.sendMessage) */
export const UiToCs = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui:reveal'), paragraph: z.number().int().nonnegative(), start: z.number().int().nonnegative().optional(), end: z.number().int().nonnegative().optional() }),
]);
export type UiToCs = z.infer<typeof UiToCs>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: string): Result<never> => ({ ok: false, error });

/** What the popup learns about a tab. */
export type TabStatus =
  | { state: 'unknown' }
  | { state: 'not-article'; url: string; title: string; signals: string[] }
  | { state: 'ready'; report: import('./report').PageReport };
