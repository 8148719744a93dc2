/**
 * schema.org JSON-LD on a page: every typed node, flattened out of arrays and `@graph`s.
 * Shared by the gate (types only) and metadata (fields). Malformed blocks are skipped.
 */

export type JsonLdNode = Record<string, unknown>;

/** Article-like schema.org types, most specific first is not needed: we test membership. */
export const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'OpinionNewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'SatiricalArticle', 'ScholarlyArticle',
  'TechArticle', 'Report', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'Review', 'CriticReview',
]);
/** Types that mean "not one article": threads, Q&A, listings, search results. */
export const NON_ARTICLE_TYPES = new Set([
  'DiscussionForumPosting', 'QAPage', 'SearchResultsPage', 'CollectionPage', 'ItemList', 'ProfilePage', 'ProductPage', 'Product',
]);

function pushNodes(v: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > 4 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) pushNodes(x, out, depth + 1);
    return;
  }
  const o = v as JsonLdNode;
  if (o['@type'] !== undefined) out.push(o);
  if (o['@graph'] !== undefined) pushNodes(o['@graph'], out, depth + 1);
  // A WebPage often wraps the article as mainEntity.
  if (o['mainEntity'] !== undefined) pushNodes(o['mainEntity'], out, depth + 1);
}

/** All typed JSON-LD nodes of the document (memoised per document: the gate and metadata both ask). */
const cache = new WeakMap<Document, JsonLdNode[]>();

export function jsonLdNodes(doc: Document): JsonLdNode[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: JsonLdNode[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (const s of Array.from(scripts)) {
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const text = (s.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (!text) continue;
    try {
      pushNodes(JSON.parse(text), out, 0);
    } catch {
      /* a broken block on the page is not our problem */
    }
  }
  cache.set(doc, out);
  return out;
}

/** The node's @type(s) as bare names ("https://schema.org/NewsArticle" → "NewsArticle"). */
export function typesOf(node: JsonLdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

/**
 * Every element under root in document order. (linkedom's getElementsByTagName('*') returns
 * nothing, and querySelectorAll is slow there; a plain sibling walk is fast everywhere.)
 */
export function eachElement(root: Element, fn: (el: Element) => void): void {
  let el: Element | null = root;
  while (el) {
    fn(el);
    if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    if (!el || el === root) return;
    el = el.nextElementSibling;
  }
}
