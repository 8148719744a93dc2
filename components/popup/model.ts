/**
 * Pure helpers behind the popup: grouping entities, the opinion share, passage snippets and the
 * reader-facing wording of page states. No DOM, no browser: unit-tested directly.
 */
import type { EntityType } from '../../lib/dataset/schema';
import type { CoverageHit, LinkedEntity, OpinionFlag, PageReport } from '../../lib/report';
import { dateFormat } from '../i18n';

export const ENTITY_TYPE_ORDER: EntityType[] = ['person', 'organization', 'place', 'event'];

export interface EntityGroup {
  type: EntityType;
  entities: LinkedEntity[];
}

/** Entities grouped by type in a fixed order; most-mentioned first inside a group, then by name. */
export function groupEntities(entities: LinkedEntity[]): EntityGroup[] {
  return ENTITY_TYPE_ORDER.map((type) => ({
    type,
    entities: entities
      .filter((e) => e.type === type && e.mentions.length > 0)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name)),
  })).filter((g) => g.entities.length > 0);
}

/** Earlier coverage under one of the page's names, or (entity null) under none of them. */
export interface CoverageGroup {
  entity: LinkedEntity | null;
  /** Best first (the ranker's order). */
  items: CoverageHit[];
}

/**
 * The page's names, most important first: most mentioned, then the linker's order (which is the
 * order of first mention). Names with no mention on the page are not the article's subject.
 */
export function entityImportance(entities: LinkedEntity[]): Map<string, number> {
  const ranked = entities
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.mentions.length > 0)
    .sort((a, b) => b.e.mentions.length - a.e.mentions.length || a.i - b.i);
  return new Map(ranked.map(({ e }, r) => [e.id, r]));
}

/**
 * Coverage grouped by the page's names, for reading at a glance. Each item appears once, under the
 * most important page name it concerns (its other names are in its why-line); items that concern
 * none of them form one group with entity null. `coverage` is taken in the ranker's order (the
 * report keeps relatedCoverage's picks, diversity already applied), so the first item is the best
 * match; groups are ordered by their best item, so the best match always leads the section.
 * Names without items get no group.
 */
export function groupCoverage(coverage: CoverageHit[], entities: LinkedEntity[]): CoverageGroup[] {
  const importance = entityImportance(entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const groups = new Map<string, CoverageGroup>();
  const seen = new Set<string>();
  for (const item of coverage) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    let owner: string | null = null;
    for (const id of item.entities) {
      const r = importance.get(id);
      if (r !== undefined && (owner === null || r < importance.get(owner)!)) owner = id;
    }
    const key = owner ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { entity: owner ? byId.get(owner)! : null, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  // Map order is insertion order: the order of each group's best item.
  return [...groups.values()];
}

/**
 * The collapsed view: whole groups in their order (best match first), at most `perGroup` items each,
 * until `limit` items are shown; the last group may be cut short. A few names with their earlier
 * items read better at a glance than one item under each of six names.
 */
export function firstCoverage(groups: CoverageGroup[], limit: number, perGroup = 3): CoverageGroup[] {
  const out: CoverageGroup[] = [];
  let n = 0;
  for (const g of groups) {
    if (n >= limit) break;
    const items = g.items.slice(0, Math.min(perGroup, limit - n));
    out.push({ ...g, items });
    n += items.length;
  }
  return out;
}

export interface OpinionShare {
  /** 0..1, by characters of the classified passages. */
  share: number;
  opinion: number;
  total: number;
}

/** How much of the classified prose is opinion, weighted by paragraph length. */
export function opinionShare(report: PageReport): OpinionShare {
  let all = 0;
  let op = 0;
  let opinion = 0;
  for (const flag of report.opinion) {
    const len = report.article.paragraphs[flag.paragraph]?.length ?? 0;
    all += len;
    if (flag.label === 'opinion') {
      op += len;
      opinion++;
    }
  }
  return { share: all > 0 ? op / all : 0, opinion, total: report.opinion.length };
}

export function opinionPassages(report: PageReport): OpinionFlag[] {
  return report.opinion.filter((f) => f.label === 'opinion').sort((a, b) => a.paragraph - b.paragraph);
}

/** The first words of a paragraph, cut at a word boundary. */
export function snippet(text: string, maxChars = 90): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

export type PageScheme = 'web' | 'browser' | 'file' | 'none';

/** Which pages the content script can never run on (browser pages, stores, viewers). */
export function pageScheme(url: string | null | undefined): PageScheme {
  if (!url) return 'none';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'none';
  }
  if (u.protocol === 'http:' || u.protocol === 'https:') {
    if (/^(chrome\.google\.com|chromewebstore\.google\.com|addons\.mozilla\.org)$/.test(u.hostname)) return 'browser';
    return 'web';
  }
  if (u.protocol === 'file:') return 'file';
  return 'browser';
}

/**
 * Date as the reader's locale shows it; YYYY and YYYY-MM stay as they are. One formatter for all
 * (lib/i18n.ts dateFormat): the popup's first render formats the article's date and each coverage
 * item's, and toLocaleDateString built a new Intl.DateTimeFormat for each (#8: ~0.5 ms apiece,
 * the popup script's costliest function in traced opens).
 */
export function formatDate(date: string | null | undefined, locale?: string): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dateFormat(locale, true, 'short').format(d);
}

/**
 * The line under the article's title: site · date · byline. A personal site names its author as
 * its site name too ("Nicolas Perriault · Sep 29, 2013 · Nicolas Perriault"): the byline is left
 * out when it only repeats the site name.
 */
export function articleMeta(article: Pick<PageReport['article'], 'siteName' | 'date' | 'byline'>, locale?: string): string {
  const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
  const byline = article.byline && article.siteName && same(article.byline, article.siteName) ? '' : article.byline;
  return [article.siteName, formatDate(article.date, locale), byline].filter(Boolean).join(' · ');
}

/** First mention of an entity, where a click on it scrolls the page to. */
export function firstMention(entity: LinkedEntity) {
  return [...entity.mentions].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)[0];
}

/** Reasons a reader can act on, as message keys (popup/i18n turns them into words). */
export type WhyKey =
  | 'whyList'
  | 'whyHome'
  | 'whyLogin'
  | 'whyAccount'
  | 'whySearch'
  | 'whyForum'
  | 'whyProfile'
  | 'whyProduct'
  | 'whyLittleText'
  | 'whyNoContent'
  | 'whyTooLarge'
  | 'whyOther';

/** What each veto the gate (lib/article/gate.ts) emits means; `veto:` is stripped first. */
const VETO_WHY: Record<string, WhyKey> = {
  'url:home': 'whyHome',
  'html:many-articles': 'whyList',
  'json-ld:CollectionPage': 'whyList',
  'json-ld:ItemList': 'whyList',
  'form:password': 'whyLogin',
  'url:account': 'whyAccount',
  'url:search': 'whySearch',
  'form:search-in-main': 'whySearch',
  'json-ld:SearchResultsPage': 'whySearch',
  'url:forum': 'whyForum',
  'html:thread': 'whyForum',
  'json-ld:DiscussionForumPosting': 'whyForum',
  'json-ld:QAPage': 'whyForum',
  'json-ld:ProfilePage': 'whyProfile',
  'json-ld:ProductPage': 'whyProduct',
  'json-ld:Product': 'whyProduct',
  // The content script's own budget ran out (lib/page/controller.ts): the page is not judged.
  'page-too-large': 'whyTooLarge',
};

/**
 * Why a page is not treated as an article, in the reader's terms, from the gate's/extractor's
 * signals. Only `veto:*` signals decide on their own; without any veto the page failed on text
 * (the gate's density check or the extractor's `text:score=N`). Positive signals and overruled
 * negatives (`not:*`) are not reasons. Unknown vetoes fall back to a generic sentence: a raw
 * signal is never shown.
 */
export function explainSignals(signals: readonly string[]): WhyKey[] {
  const out: WhyKey[] = [];
  const add = (k: WhyKey) => {
    if (!out.includes(k)) out.push(k);
  };
  let veto = false;
  for (const s of signals) {
    if (s.startsWith('veto:')) {
      veto = true;
      add(VETO_WHY[s.slice(5)] ?? 'whyOther');
    } else if (s === 'not:no-body') {
      add('whyNoContent');
    } else if (s === 'text:little') {
      add('whyLittleText');
    }
  }
  if (!veto && !out.includes('whyNoContent')) add('whyLittleText');
  return out;
}
