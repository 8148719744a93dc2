/**
 * Shapes shared by detection, location and metadata. `ArticleInput` is the DOM-free form that
 * crosses from the content script to the background (and that the CLI feeds to analysis).
 */
import type { ArticleKind } from '../report';

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'preformatted';

/** One block of the article in the live DOM. `text` is what blockText(element) yields. */
export interface ArticleBlock {
  element: Element;
  kind: BlockKind;
  text: string;
  /** Text of the nearest subheading above this block inside the article, or null. */
  section: string | null;
}

export interface ArticleMeta {
  title: string;
  byline: string | null;
  /** YYYY-MM-DD or null. */
  date: string | null;
  lang: string | null;
  siteName: string | null;
  kind: ArticleKind;
  /** Machine-readable signals that decided the kind, e.g. "json-ld:OpinionNewsArticle". */
  kindSignals: string[];
  /** The same, phrased for a reader, e.g. "Publisher marks this page as opinion". */
  kindReasons: string[];
}

export interface BlockInput {
  text: string;
  kind: BlockKind;
  section: string | null;
}

export interface ArticleInput extends ArticleMeta {
  url: string;
  /** Why the page was judged an article. */
  signals: string[];
  blocks: BlockInput[];
}
