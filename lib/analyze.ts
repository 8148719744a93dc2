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
import type { EntityCoverageHit, OpinionFlag, PageReport } from './report';
import type { Knowledge } from './knowledge';
import type { HistoryItem } from './coverage/index';
import { extractArticle } from './article/extract';
import { linkEntities } from './entities/link';
import { classifyPassages } from './opinion/passages';
import { relatedCoverage, coverageForEntity, pageLead, historyQueryEntities } from './coverage/rank';
import { topicsIn, withTopicRecords } from './coverage/topic-records';
import { withDemonymCountries } from './coverage/demonym-countries';
import { withImpliedCountriesFor } from './coverage/implied-countries';

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
  const links = linkForPage(input, knowledge, options);
  return withPageDetails(links, pageDetails(links, input, knowledge));
}

/**
 * What the page's highlights need, and nothing else: the linked entities with their mentions
 * (no card coverage) and no opinion flags. The worker answers the page with this at once; the
 * rest (`pageDetails`, about 40 % of the page's analysis on a 2,000-word article: opinion scoring
 * and each entity's card coverage) follows when the page asks, after drawing (#8).
 */
export function linkForPage(input: ArticleInput, knowledge: Knowledge, options: Pick<AnalyzeOptions, 'date'> = {}): PageReport {
  const date = options.date ?? input.date;
  const paragraphs = input.blocks.map((b) => b.text);
  const entities = linkEntities(input.blocks, knowledge.entities, { date, publisher: input.siteName, url: input.url });
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
    opinion: [],
  };
}

/** The rest of what the page shows (after its highlights): each entity's card coverage, by id, and the opinion flags. */
export interface PageDetails {
  cards: Record<string, EntityCoverageHit[]>;
  opinion: OpinionFlag[];
}

/** The details of a `linkForPage` report (the article's date and URL as it used them). */
export function pageDetails(links: PageReport, input: ArticleInput, knowledge: Knowledge): PageDetails {
  const cards: Record<string, EntityCoverageHit[]> = {};
  for (const entity of links.entities) {
    cards[entity.id] = coverageForEntity(knowledge.coverage, entity.id, { date: links.article.date, excludeUrl: input.url, limit: 3 });
  }
  return { cards, opinion: classifyPassages(input) };
}

/** The report with its details (new entity objects: the links report stays as it was sent). */
export function withPageDetails(links: PageReport, details: PageDetails): PageReport {
  return { ...links, entities: links.entities.map((e) => ({ ...e, coverage: details.cards[e.id] ?? [] })), opinion: details.opinion };
}

/**
 * The entities a related-coverage query carries: the page's linked entities, the topic records its
 * text says (a disease named in common words: lib/coverage/topic-records.ts) and the countries its
 * nationality adjectives name (demonym-countries.ts) and the countries its office-holders and
 * places (cities, capitals, regions) stand for on the page's date (implied-countries.ts), found as
 * the coverage compiler finds them in the pack's items. The page never draws the last three.
 */
function queryEntitiesOf(report: PageReport, knowledge: Knowledge): PageReport['entities'] {
  const text = report.article.text;
  return withImpliedCountriesFor(knowledge.entities, withDemonymCountries(withTopicRecords(report.entities, text, topicsIn), text), report.article.date);
}

/** Related coverage of an analysed article (the popup's list), the reader's history mixed in. */
export function relatedForReport(report: PageReport, knowledge: Knowledge, options: Pick<AnalyzeOptions, 'coverageLimit' | 'history'> = {}): PageReport['coverage'] {
  return relatedCoverage(knowledge.coverage, {
    entities: queryEntitiesOf(report, knowledge),
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
  return historyQueryEntities(knowledge.coverage, { entities: queryEntitiesOf(report, knowledge), title: report.article.title, limit: options.coverageLimit ?? 10 });
}

/** The whole analysis in one call (CLI, tests): the page's part, then related coverage. */
export function analyzeArticle(input: ArticleInput, knowledge: Knowledge, options: AnalyzeOptions = {}): PageReport {
  const report = analyzeForPage(input, knowledge, options);
  report.coverage = relatedForReport(report, knowledge, options);
  return report;
}

/**
 * The background's steps (lib/background/handlers.ts): answer the page with its links, then its
 * details when it asks, then the popup's part.
 */
export interface ArticleAnalysis {
  links(input: ArticleInput, knowledge: Knowledge, options?: Pick<AnalyzeOptions, 'date'>): PageReport;
  details(links: PageReport, input: ArticleInput, knowledge: Knowledge): PageDetails;
  related(report: PageReport, knowledge: Knowledge, options?: Pick<AnalyzeOptions, 'coverageLimit' | 'history'>): PageReport['coverage'];
  /** The entities whose history reads the related step can use (historyEntitiesOf). */
  historyEntities(report: PageReport, knowledge: Knowledge, options?: Pick<AnalyzeOptions, 'coverageLimit'>): string[];
}

export const articleAnalysis: ArticleAnalysis = { links: linkForPage, details: pageDetails, related: relatedForReport, historyEntities: historyEntitiesOf };

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
