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
