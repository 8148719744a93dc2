/**
 * The one message protocol between content script (CS), background (BG) and popup/options (UI).
 * Every message is validated with zod at its receiver; types are named by direction.
 * Replies are Result values rather than thrown errors, so a failure crosses the boundary intact.
 */
// zod/mini: the same validation at a fraction of the size, because the content script ships it
// on every page (classic zod alone would be ~40 kB gzip there).
import * as z from 'zod/mini';
import { lazily } from './lazy';
import { tn } from './i18n';

/** Limits on what a content script may send: the receiver rejects more, the sender clamps first. */
export const MAX_BLOCKS = 5000;
export const MAX_BLOCK_CHARS = 20_000;
/** Total characters of block text per article (~60,000 words): beyond it analysis stops. */
export const MAX_ARTICLE_CHARS = 400_000;
const MAX_LIST = 50;
const MAX_SHORT = 500;

const str = (max: number) => z.string().check(z.maxLength(max));
const list = (max: number, item = str(MAX_SHORT)) => z.array(item).check(z.maxLength(max));
const index = () => z.number().check(z.int(), z.nonnegative());

// Schemas are built on first use (lib/lazy.ts), not when this module is evaluated: the content
// script's reader imports this module in the task that starts it on the page (#7: no long task),
// and most pages never receive a message. Each receiver still validates with the same schema.
// Marked pure so a bundle that uses none of them (the content script's article reader, which
// checks its two incoming shapes by hand: lib/page/page-messages.ts) drops them, and zod with them.

const blockInput = () => z.object({
  text: str(MAX_BLOCK_CHARS),
  kind: z.enum(['paragraph', 'heading', 'list-item', 'quote', 'preformatted']),
  section: z.nullable(str(2000)),
});
export const BlockInputSchema = /* @__PURE__ */ lazily(blockInput);

const articleInput = () => z.object({
  url: str(8192),
  title: str(2000),
  byline: z.nullable(str(2000)),
  date: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  lang: z.nullable(str(64)),
  siteName: z.nullable(str(MAX_SHORT)),
  kind: z.enum(['news', 'opinion', 'analysis', 'other']),
  kindSignals: list(MAX_LIST),
  kindReasons: list(MAX_LIST),
  signals: list(MAX_LIST),
  blocks: z.array(blockInput()).check(z.maxLength(MAX_BLOCKS)),
});
export const ArticleInputSchema = /* @__PURE__ */ lazily(articleInput);

/** CS → BG */
export const CsToBg = /* @__PURE__ */ lazily(() => z.discriminatedUnion('type', [
  // reportId: the content script's id for this report; the background later asks the page
  // (bg:report-id) whether it still shows it, so in-page jumps keep the report and a new
  // document drops it — without the `tabs` permission.
  z.object({ type: z.literal('cs:analyze-article'), article: articleInput(), notes: z.optional(list(20)), reportId: z.optional(str(64)) }),
  z.object({ type: z.literal('cs:not-article'), url: str(8192), title: str(2000), signals: list(MAX_LIST), reportId: z.optional(str(64)) }),
  // After drawing, the page asks for the rest of its report (cards' coverage, opinion flags):
  // answered with lib/analyze.ts PageDetails, or an error when the tab has a newer report.
  z.object({ type: z.literal('cs:report-details'), reportId: str(64) }),
]));
export type CsToBg = z.infer<typeof CsToBg>;

/** UI (popup/options) → BG */
export const UiToBg = /* @__PURE__ */ lazily(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui:get-tab-report'), tabId: index() }),
  z.object({ type: z.literal('ui:get-dataset-info') }),
  /** The options page installed or removed a pack (IndexedDB): rebuild the knowledge. */
  z.object({ type: z.literal('ui:packs-changed') }),
  /** The options page cleared the reading history. */
  z.object({ type: z.literal('ui:history-changed') }),
]));
export type UiToBg = z.infer<typeof UiToBg>;

/** UI → CS (tabs.sendMessage) */
export const UiToCs = /* @__PURE__ */ lazily(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui:reveal'), paragraph: index(), start: z.optional(index()), end: z.optional(index()) }),
  /** What did the page's last gate/extraction decide? Reply Result<PageStatus>. Nothing is sent to
   * the background for pages that fail the cheap gate, so only the page itself can say why. */
  z.object({ type: z.literal('ui:get-page-status') }),
]));
export type UiToCs = z.infer<typeof UiToCs>;

/** The content script's own view of its page (answer to ui:get-page-status). */
export type PageStatus =
  | { state: 'idle' }
  | { state: 'article' }
  | { state: 'not-article'; signals: string[]; url?: string; title?: string };

/** BG → CS (tabs.sendMessage): which report does this page show now? Reply Result<string | null>. */
export const BgToCs = /* @__PURE__ */ lazily(() => z.discriminatedUnion('type', [z.object({ type: z.literal('bg:report-id') })]));
export type BgToCs = z.infer<typeof BgToCs>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: string): Result<never> => ({ ok: false, error });

/** What the popup learns about a tab. */
export type TabStatus =
  | { state: 'unknown' }
  | { state: 'not-article'; url: string; title: string; signals: string[] }
  | { state: 'ready'; report: import('./report').PageReport };

/** What the options page and popup learn about the loaded knowledge. */
export interface DatasetInfo {
  packs: { id: string; name: string; version: string; entities: number; coverage: number; licenses: import('./dataset/schema').License[] }[];
  entities: number;
  coverage: number;
}

/**
 * Fit an article into the protocol's limits before sending it (the background rejects anything
 * larger). Blocks are cut at the end, so paragraph indexes stay the same; returns notes for the
 * reader saying what was left out.
 */
export function clampArticleInput(input: import('./article/types').ArticleInput): { article: import('./article/types').ArticleInput; notes: string[] } {
  const notes: string[] = [];
  const cut = (s: string | null, n: number): string | null => (s === null ? null : s.slice(0, n));
  const list = (xs: string[]): string[] => xs.slice(0, MAX_LIST).map((x) => x.slice(0, MAX_SHORT));
  const blocks: import('./article/types').BlockInput[] = [];
  let total = 0;
  for (const b of input.blocks) {
    if (blocks.length >= MAX_BLOCKS || total >= MAX_ARTICLE_CHARS) {
      notes.push(tn('noteStoppedLong', blocks.length)); // in the reader's language: the popup shows notes as they are
      break;
    }
    const text = b.text.slice(0, Math.min(MAX_BLOCK_CHARS, MAX_ARTICLE_CHARS - total));
    total += text.length;
    blocks.push({ text, kind: b.kind, section: cut(b.section, 2000) });
  }
  const date = input.date && /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? input.date : null;
  return {
    article: {
      url: input.url.slice(0, 8192),
      title: input.title.slice(0, 2000),
      byline: cut(input.byline, 2000),
      date,
      lang: cut(input.lang, 64),
      siteName: cut(input.siteName, MAX_SHORT),
      kind: input.kind,
      kindSignals: list(input.kindSignals),
      kindReasons: list(input.kindReasons),
      signals: list(input.signals),
      blocks,
    },
    notes,
  };
}
