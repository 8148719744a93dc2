/**
 * A first look before the gate (issue #8): settles the commonest pages that are not articles from
 * the URL and a few selector counts, without making a single element wrapper (save the teaser
 * rule, last, which reads paragraph text). In the content
 * script's fresh isolated world the first element the script touches costs a page ~0.45 ms
 * (Element, Node, HTMLElement and the element's own interface are set up on first use), and the
 * full gate touches a dozen element interfaces (p, div, meta, input, script, their ancestors…),
 * ~2–2.5 ms in all; a selector count returns only a NodeList (~0.2 ms, paired traced thread CPU).
 *
 * It answers only "not an article", and only where the full gate (lib/article/gate.ts) surely
 * says so too: an account URL (an outright veto), or a veto that only the page's own article
 * metadata lifts (a home / search / forum URL, a search box in the main content, a thread of
 * posts) on a page with nothing that could be that metadata, or a listing of teaser <article>s
 * whose text score, counted high, stays below what lifts that veto. Every selector over-approximates
 * the metadata the gate reads and under-approximates the vetoes, so it never says "no" where the
 * gate says "yes". Anything else is `null`: ask the full gate.
 */
import { MANY_ARTICLES, TEASER_PAGE_SCORE, textScoreAtLeastGate, urlPath, urlSignals, urlVetoes } from './gate';
import { ARTICLE_TYPES, NON_ARTICLE_TYPES, jsonLdNodes, typesOf } from './jsonld';

export interface PreVerdict {
  likely: false;
  signals: string[];
  /**
   * The veto rests on the page's text score (a listing of teaser <article>s), which late content
   * may still lift: an app shell waits for it as after the gate's own "no" (lib/page/eager.ts).
   */
  textBased?: true;
}

/**
 * Anything that may be article metadata the gate reads outside JSON-LD (og:type article…,
 * itemprop articleBody): present, and the vetoes below may not hold.
 */
const MAYBE_STRONG = 'meta[property="og:type"][content*="article" i], [itemprop*="articleBody"]';
/** Any JSON-LD block: read (as the gate reads them, and cached for it) only where there is one. */
const JSON_LD = 'script[type*="ld+json" i]';
/** A search box inside the main content: the gate's form:search-in-main (lib/article/gate.ts addInput). */
const SEARCH_IN_MAIN = ':is(main, [role="main"]) input:is([type="search"], [name="q"]:not([type="password"]))';
/** The gate's thread markers, counted as it counts them (itemprop="comment", POST_CLASS words). */
const POST_ITEMS = '[itemprop="comment"]';
const POST_AUTHORS = '[class~="post-author"], [class~="postauthor"], [class~="username"]';

/**
 * The teaser rule reads text in one piece (no slices, unlike the gate, #7): only on pages of at
 * most this many <p>/<pre>/<div>s (a few milliseconds at most; real home pages run to thousands).
 */
const TEASER_MAX_BLOCKS = 1500;

/** The gate's `posts >= 5` (html:thread). */
const THREAD_POSTS = 5;

/**
 * Any JSON-LD text that may name an article type (lib/article/jsonld.ts ARTICLE_TYPES: each holds
 * one of these words), or escapes that could spell one. Over-approximates on purpose: a match only
 * sends the page on to the full gate.
 */
const MAYBE_ARTICLE_JSON_LD = /Article|BlogPosting|SocialMediaPosting|Report|Review|\\u/;

/**
 * The eager script's own first look (issue #8, lib/page/first-look.ts): the cheaper part of
 * preGate, so that what every page compiles stays small (~2.6 KB gzip with the first look). "Not
 * an article" on an account URL, or on a page with a veto only article metadata lifts (home /
 * search / forum URL, a search box in the main content, a thread of posts) or a listing of teaser
 * <article>s whose text score stays low (preGate's teaser rule), and nothing that could be article
 * metadata: no og:type article or articleBody, and no JSON-LD whose raw text may name an article
 * type (read as text, never parsed: the parse cost the fixture home page ~0.8–1.2 ms). No positive
 * URL signals, no search-key rule, no JSON-LD vetoes: pages that need them go on to the full
 * pre-gate and gate in the imported module. Its "no" implies preGate's and the gate's "no".
 * (Without the teaser rule, session 19, the fixture home page paid the import: +1.0 ms paired.)
 */
export function surelyNotArticle(doc: Document, url: string): PreVerdict | null {
  // The URL's vetoes only: no positive signals, no search-key rule (weighed against a slug).
  const vetoes = urlVetoes(urlPath(doc, url).path, url, false);
  if (vetoes.includes('url:account')) return { likely: false, signals: ['veto:url:account'] };
  const count = (selector: string): number => doc.querySelectorAll(selector).length;
  if (count(SEARCH_IN_MAIN) > 0) vetoes.push('form:search-in-main');
  if (count(POST_ITEMS) + count(POST_AUTHORS) >= THREAD_POSTS) vetoes.push('html:thread');
  const teasers = vetoes.length === 0 && count('article') >= MANY_ARTICLES;
  if ((vetoes.length === 0 && !teasers) || count(MAYBE_STRONG) > 0) return null;
  for (const script of doc.querySelectorAll(JSON_LD)) if (MAYBE_ARTICLE_JSON_LD.test(script.textContent ?? '')) return null;
  if (!teasers) return { likely: false, signals: vetoes.map((n) => `veto:${n}`) };
  return textScoreAtLeastGate(doc, TEASER_PAGE_SCORE, TEASER_MAX_BLOCKS) < TEASER_PAGE_SCORE ? { likely: false, signals: ['veto:html:many-articles'], textBased: true } : null;
}

export function preGate(doc: Document, url: string): PreVerdict | null {
  const { signals, negative } = urlSignals(doc, url);
  if (negative.includes('url:account')) return { likely: false, signals: [...signals, 'veto:url:account'] };
  const count = (selector: string): number => doc.querySelectorAll(selector).length;
  if (count(MAYBE_STRONG) > 0) return null;
  // No article metadata: each of these is a veto in the gate (its `default: return !strong`; the
  // JSON-LD thread/Q&A types veto when no JSON-LD type is an article one).
  const vetoes = [...negative];
  if (count(JSON_LD) > 0) {
    for (const t of jsonLdNodes(doc).flatMap(typesOf)) {
      if (ARTICLE_TYPES.has(t)) return null;
      if (NON_ARTICLE_TYPES.has(t) && !vetoes.includes(`json-ld:${t}`)) vetoes.push(`json-ld:${t}`);
    }
  }
  if (count(SEARCH_IN_MAIN) > 0) vetoes.push('form:search-in-main');
  if (count(POST_ITEMS) + count(POST_AUTHORS) >= THREAD_POSTS) vetoes.push('html:thread');
  const verdict = (more: Partial<PreVerdict> = {}): PreVerdict => ({ likely: false, signals: [...signals, ...vetoes.map((n) => `veto:${n}`)], ...more });
  if (vetoes.length > 0) return verdict();
  // A home page of teasers: the gate's html:many-articles veto, which only article metadata (none
  // here, see above) or a text score of TEASER_PAGE_SCORE lifts. Last and only here: reading text
  // is the first element wrapper the pre-gate makes (#8), and on most pages a veto above came first.
  if (count('article') >= MANY_ARTICLES && textScoreAtLeastGate(doc, TEASER_PAGE_SCORE, TEASER_MAX_BLOCKS) < TEASER_PAGE_SCORE) {
    vetoes.push('html:many-articles');
    return verdict({ textBased: true });
  }
  return null;
}
