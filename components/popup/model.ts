/**
 * Pure helpers behind the popup: grouping entities, the opinion share, passage snippets and the
 * reader-facing wording of page states. No DOM, no browser: unit-tested directly.
 */
import type { EntityType } from '../../lib/dataset/schema';
import type { CoverageHit, LinkedEntity, OpinionFlag, PageReport } from '../../lib/report';

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

/** Most relevant first; ties broken by the more recent date. */
export function sortCoverage(items: CoverageHit[]): CoverageHit[] {
  return [...items].sort((a, b) => b.score - a.score || (b.date ?? '').localeCompare(a.date ?? ''));
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

/** Date as the reader's locale shows it; YYYY and YYYY-MM stay as they are. */
export function formatDate(date: string | null | undefined, locale?: string): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  try {
    return d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  } catch {
    return date;
  }
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
