/**
 * The one analysis shared by the content script/background pair and the CLI.
 *
 *   analyze(document, url, knowledge)  — DOM side (extract) + pure side (analyzeArticle)
 *   analyzeArticle(input, knowledge)   — pure: link entities, flag opinion, find prior coverage
 *     = analyzeForPage (what the page draws) + relatedForReport (the popup's related coverage)
 *
 * In the extension the content script runs extractArticle() on the live page and sends the
 * DOM-free ArticleInput to the background, which owns the knowledge and runs analyzeArticle().
 */
import type { ArticleInput } from './article/types';
import type { PageReport } from './report';
import type { Knowledge } from './knowledge';
import type { HistoryItem } from './coverage/index';
import { extractArticle } from './article/extract';
import { linkEntities } from './entities/link';
import { classifyPassages } from './opinion/passages';
import { relatedCoverage, coverageForEntity, pageLead, historyQueryEntities } from './coverage/rank';

export interface AnalyzeOptions {
  /** Overrides the article's own date (CLI --date). */
  date?: string | null;
  coverageLimit?: number;
  /** The reader's own earlier reads, ranked with the pack's items in related coverage. */
  history?: readonly HistoryItem[];
}

/**
 * What the page itself draws: linked entities with their cards' earlier coverage, and the opinion
 * flags. `coverage` (related coverage, which only the popup shows) is left empty: it is the
 * costliest part of the analysis (about half the worker's time on a 2,000-word article, #8) and
 * the background adds it after answering the page (`relatedForReport`).
 */
export function analyzeForPage(input: ArticleInput, knowledge: Knowledge, options: AnalyzeOptions = {}): PageReport {
  const date = options.date ?? input.date;
  const paragraphs = input.blocks.map((b) => b.text);
  const entities = linkEntities(input.blocks, knowledge.entities, { date, publisher: input.siteName, url: input.url });
  for (const entity of entities) {
    entity.coverage = coverageForEntity(knowledge.coverage, entity.id, { date, excludeUrl: input.url, limit: 3 });
  }
  const opinion = classifyPassages(input);
  return {
    url: input.url,
    article: {
      detected: true,
      kind: input.kind,
      title: input.title,
      date,
      text: paragraphs.join('\n\n'),
      paragraphs,
      signals: input.signals,
      byline: input.byline,
      lang: input.lang,
      siteName: input.siteName,
      kindReasons: input.kindReasons,
      kindSignals: input.kindSignals,
    },
    entities,
    coverage: [],
    opinion,
  };
}

/** Related coverage of an analysed article (the popup's list), the reader's history mixed in. */
export function relatedForReport(report: PageReport, knowledge: Knowledge, options: Pick<AnalyzeOptions, 'coverageLimit' | 'history'> = {}): PageReport['coverage'] {
  return relatedCoverage(knowledge.coverage, {
    entities: report.entities,
    date: report.article.date,
    title: report.article.title,
    lead: pageLead(report.article.paragraphs),
    excludeUrl: report.url ?? null,
    limit: options.coverageLimit ?? 10,
    extra: options.history,
  });
}

/**
 * The entities related coverage weighs for this analysed article: a history read naming none of
 * them is never scored, so the worker reads only the reads naming one of these (#8, lib/store
 * historyItemsFor) and ranks them exactly as it would rank the whole history.
 */
export function historyEntitiesOf(report: PageReport, knowledge: Knowledge, options: Pick<AnalyzeOptions, 'coverageLimit'> = {}): string[] {
  return historyQueryEntities(knowledge.coverage, { entities: report.entities, title: report.article.title, limit: options.coverageLimit ?? 10 });
}

/** The whole analysis in one call (CLI, tests): the page's part, then related coverage. */
export function analyzeArticle(input: ArticleInput, knowledge: Knowledge, options: AnalyzeOptions = {}): PageReport {
  const report = analyzeForPage(input, knowledge, options);
  report.coverage = relatedForReport(report, knowledge, options);
  return report;
}

/** The background's two steps (lib/background/handlers.ts): answer the page, then the popup's part. */
export interface ArticleAnalysis {
  forPage(input: ArticleInput, knowledge: Knowledge, options?: AnalyzeOptions): PageReport;
  related(report: PageReport, knowledge: Knowledge, options?: Pick<AnalyzeOptions, 'coverageLimit' | 'history'>): PageReport['coverage'];
  /** The entities whose history reads the related step can use (historyEntitiesOf). */
  historyEntities(report: PageReport, knowledge: Knowledge, options?: Pick<AnalyzeOptions, 'coverageLimit'>): string[];
}

export const articleAnalysis: ArticleAnalysis = { forPage: analyzeForPage, related: relatedForReport, historyEntities: historyEntitiesOf };

/** Report for a page that is not an article: the reasons, nothing else. */
export function notAnArticle(url: string, title: string, signals: string[]): PageReport {
  return {
    url,
    article: { detected: false, kind: 'other', title, date: null, text: '', paragraphs: [], signals },
    entities: [],
    coverage: [],
    opinion: [],
  };
}

export function analyze(doc: Document, url: string, knowledge: Knowledge, options: AnalyzeOptions = {}): PageReport {
  const extracted = extractArticle(doc, url);
  if (!extracted.detected) return notAnArticle(url, doc.title ?? '', extracted.signals);
  return analyzeArticle(extracted.input, knowledge, options);
}
