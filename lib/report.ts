/**
 * PageReport: what one analysis of one page yields. The shape is the `backstory analyze --json`
 * contract (ARCHITECTURE.md) and is what the background sends to the popup and content script.
 */
import type { EntityType } from './dataset/schema';
import type { MessageKey } from './i18n';

/**
 * A reason for the reader as a message key and its substitutions, not as words: the popup renders
 * it with t() in the reader's language, the CLI with the English catalogue (lib/cli/format.ts), so
 * public/_locales holds the only wording. Substitutions are the page's own text (a heading, a
 * byline, quoted words), never English of ours.
 */
export interface Reason {
  key: Extract<MessageKey, `because${string}`>;
  subs?: string[];
}

export type ArticleKind = 'news' | 'opinion' | 'analysis' | 'other';

export interface ArticleInfo {
  detected: boolean;
  kind: ArticleKind;
  title: string;
  /** Published date YYYY-MM-DD, or null when the page does not say. */
  date: string | null;
  /** Paragraph texts joined by blank lines. */
  text: string;
  paragraphs: string[];
  /** Why the page was (not) judged an article, e.g. "json-ld:NewsArticle". */
  signals: string[];
  byline?: string | null;
  lang?: string | null;
  siteName?: string | null;
  /** Why the kind was chosen, worded from kindSignals with the catalogue when the page was read (a copy for reports read without it). */
  kindReasons?: string[];
  /** The signals behind `kind` (e.g. "json-ld:OpinionNewsArticle"): kindReason() words them. */
  kindSignals?: string[];
}

/**
 * Why the page is `kind`, from one of its kind signals (lib/article/metadata.ts emits them), as a
 * Reason; an unknown signal gets the kind's generic wording. Null for plain news without a signal.
 */
export function kindReason(kind: ArticleKind, signal: string | undefined): Reason | null {
  const jsonLd: Record<string, Reason['key']> = {
    OpinionNewsArticle: 'becauseKindOpinionMarked',
    AnalysisNewsArticle: 'becauseKindAnalysisMarked',
    ReportageNewsArticle: 'becauseKindReportingMarked',
    NewsArticle: 'becauseKindNewsMarked',
    Article: 'becauseKindNewsMarked',
    BlogPosting: 'becauseKindBlogMarked',
  };
  const s = signal ?? '';
  let m: RegExpExecArray | null;
  if ((m = /^json-ld:(\w+)$/.exec(s)) && jsonLd[m[1]!]) return { key: jsonLd[m[1]!]! };
  if ((m = /^meta:article:section=(.+)$/.exec(s))) return { key: 'becauseKindSection', subs: [m[1]!] };
  if ((m = /^url:\/(.+)\/$/.exec(s))) return { key: 'becauseKindAddress', subs: [m[1]!] };
  if (s === 'og:type=article') return { key: 'becauseKindArticleMarked' };
  if (kind === 'opinion') return { key: 'becauseKindOpinionFiled' };
  if (kind === 'analysis') return { key: 'becauseKindAnalysisFiled' };
  return null;
}

export interface Mention {
  paragraph: number;
  /** UTF-16 offsets into paragraphs[paragraph]. */
  start: number;
  end: number;
  text: string;
}

export interface LinkedEntity {
  id: string;
  name: string;
  type: EntityType;
  subtype?: string;
  /** Built by our code from the pack's facts, at the article's date. */
  description: string;
  note?: string;
  url?: string;
  mentions: Mention[];
  /** Earlier coverage about this entity, for the hover card (ids into PageReport.coverage or own). */
  coverage?: EntityCoverageHit[];
}

export interface CoverageHit {
  id: string;
  title: string;
  date: string | null;
  source: string;
  url: string;
  entities: string[];
  score: number;
  /** Why it is related, e.g. "Trump · Putin · 2 weeks earlier". */
  why: string;
  origin?: 'timeline' | 'pack' | 'history';
}

/**
 * One earlier item on an entity's hover card: what the card shows (lib/page/card.ts), without the
 * ranking's `entities` and `score`, which nothing reads there. Every linked entity carries up to
 * three, and they travel in the worker's reply to the page and in the popup's copy of the report:
 * on a 2,000-word article those two fields were 13 KB of the reply (#8).
 */
export type EntityCoverageHit = Omit<CoverageHit, 'entities' | 'score'>;

export interface OpinionFlag {
  paragraph: number;
  label: 'opinion' | 'reporting';
  score: number;
  /** Rendered by each surface; `analyze --json` prints them as English strings (ARCHITECTURE.md). */
  reasons: Reason[];
}

export interface PageReport {
  file?: string;
  url?: string;
  article: ArticleInfo;
  entities: LinkedEntity[];
  coverage: CoverageHit[];
  opinion: OpinionFlag[];
  /** Non-fatal notes for the reader, e.g. "analysis stopped after 20,000 words". */
  notes?: string[];
}
