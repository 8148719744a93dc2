/**
 * PageReport: what one analysis of one page yields. The shape is the `backstory analyze --json`
 * contract (ARCHITECTURE.md) and is what the background sends to the popup and content script.
 */
import type { EntityType } from './dataset/schema';

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
  /** Why the kind was chosen, phrased for a reader. */
  kindReasons?: string[];
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
  coverage?: CoverageHit[];
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

export interface OpinionFlag {
  paragraph: number;
  label: 'opinion' | 'reporting';
  score: number;
  reasons: string[];
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
