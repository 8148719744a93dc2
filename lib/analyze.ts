/**
 * The one analysis shared by the content script/background pair and the CLI.
 *
 *   analyze(document, url, knowledge)  — DOM side (extract) + pure side (analyzeArticle)
 *   analyzeArticle(input, knowledge)   — pure: link entities, flag opinion, find prior coverage
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
import { relatedCoverage, coverageForEntity, historyQueryEntities, pageLead } from './coverage/rank';
import type { LinkedEntity } from './report';

export interface AnalyzeOptions {
  /** Overrides the article's own date (CLI --date). */
  date?: string | null;
  coverageLimit?: number;
  /** The reader's own earlier reads, ranked with the pack's items in related coverage. */
  history?: readonly HistoryItem[];
  /** The article's entities, already linked by linkArticle with the same input, knowledge and date. */
  linked?: LinkedArticle;
}

/** What linking gives: the article's entities (each with its own coverage) and the date used. */
export interface LinkedArticle {
  date: string | null;
  entities: LinkedEntity[];
}

/**
 * The first half of analyzeArticle. The worker links first, then reads only the history that
 * shares an entity with the article (historyEntitiesOf), then finishes with `linked` (#8).
 */
export function linkArticle(input: ArticleInput, knowledge: Knowledge, options: Pick<AnalyzeOptions, 'date'> = {}): LinkedArticle {
  const date = options.date ?? input.date;
  const entities = linkEntities(input.blocks, knowledge.entities, { date, publisher: input.siteName, url: input.url });
  for (const entity of entities) {
    entity.coverage = coverageForEntity(knowledge.coverage, entity.id, { date, excludeUrl: input.url, limit: 3 });
  }
  return { date, entities };
}

/** The history entities related coverage can use for this article (history with none of them cannot be ranked). */
export function historyEntitiesOf(input: ArticleInput, knowledge: Knowledge, linked: LinkedArticle, options: Pick<AnalyzeOptions, 'coverageLimit'> = {}): string[] {
  return historyQueryEntities(knowledge.coverage, { entities: linked.entities, title: input.title, limit: options.coverageLimit ?? 10 });
}

export function analyzeArticle(input: ArticleInput, knowledge: Knowledge, options: AnalyzeOptions = {}): PageReport {
  const { date, entities } = options.linked ?? linkArticle(input, knowledge, options);
  const paragraphs = input.blocks.map((b) => b.text);
  const coverage = relatedCoverage(knowledge.coverage, {
    entities,
    date,
    title: input.title,
    lead: pageLead(paragraphs),
    excludeUrl: input.url,
    limit: options.coverageLimit ?? 10,
    extra: options.history,
  });
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
    coverage,
    opinion,
  };
}

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
