/**
 * The cheap gate that runs on every page: is this probably one article? It reads the URL, the
 * page's own metadata (JSON-LD, Open Graph, microdata, <article>) and does one quick pass over
 * <p>/<pre> text lengths. No layout, no scoring; the heavy extractor runs only when this says yes.
 *
 * Stays idle on home/listing pages (many <article> teasers, short texts), search results,
 * login/sign-up forms, forum threads (DiscussionForumPosting, many post/author blocks) and app
 * pages (little paragraph text).
 */
import { ARTICLE_TYPES, NON_ARTICLE_TYPES, jsonLdNodes, typesOf } from './jsonld';

export interface GateResult {
  likely: boolean;
  signals: string[];
}

const DATE_PATH = /\/(?:19|20)\d\d\/(?:0?[1-9]|1[0-2])\/(?:(?:0?[1-9]|[12]\d|3[01])\/)?/;
const ARTICLE_PATH = /\/(?:article|articles|story|stories|news|opinion|opinions|blog|blogs|post|posts|comment|commentisfree|analysis|features?|world|politics|wiki)\//i;
const SEARCH_PATH = /\/(?:search|results|find)(?:\/|$)/i;
const SEARCH_QUERY = /[?&](?:q|query|search|s|keywords?)=/i;
const ACCOUNT_PATH = /\/(?:login|log-in|signin|sign-in|signup|sign-up|register|account|auth|password|checkout|cart)(?:\/|$|\.)/i;
const FORUM_PATH = /\/(?:forums?|threads?|topics?|community|discussions?|viewtopic|showthread|boards?)(?:\/|$|\.|\?)/i;

/** Readability-style text score: sum of sqrt(len − 140) over long visible paragraphs. */
export function paragraphScore(doc: Document, limit = Infinity): number {
  let score = 0;
  const nodes = doc.querySelectorAll('p, pre');
  for (const n of Array.from(nodes)) {
    const len = (n.textContent ?? '').trim().length;
    if (len < 140) continue;
    if (n.closest('[hidden], [aria-hidden="true"], nav, footer, aside, form')) continue;
    score += Math.sqrt(len - 140);
    if (score > limit) return score;
  }
  // Pages built from bare <div>s: count text that sits directly in a div (no <p> at all).
  if (score < 20) {
    for (const d of Array.from(doc.getElementsByTagName('div'))) {
      let len = 0;
      for (let c = d.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) len += (c as Text).data.length;
      if (len < 140) continue;
      if (d.closest('[hidden], [aria-hidden="true"], nav, footer, aside, form')) continue;
      score += Math.sqrt(len - 140);
      if (score > limit) break;
    }
  }
  return score;
}

export function articleGate(doc: Document, url: string): GateResult {
  const signals: string[] = [];
  const negative: string[] = [];

  let path = '/', search = '';
  try {
    const u = new URL(url);
    path = u.pathname;
    search = u.search;
  } catch {
    /* CLI files and about: pages have no useful URL */
  }
  if (DATE_PATH.test(path)) signals.push('url:date');
  if (ARTICLE_PATH.test(path)) signals.push('url:article-path');
  const last = path.split('/').filter(Boolean).pop() ?? '';
  if (last.split(/[-_]/).filter((w) => /[a-z]/i.test(w)).length >= 4) signals.push('url:slug');
  if ((path === '/' || path === '') && url.startsWith('http')) negative.push('url:home');
  if (SEARCH_PATH.test(path) || (SEARCH_QUERY.test(search) && !signals.includes('url:slug'))) negative.push('url:search');
  if (ACCOUNT_PATH.test(path)) negative.push('url:account');
  if (FORUM_PATH.test(path)) negative.push('url:forum');

  let strong = false;
  for (const node of jsonLdNodes(doc)) {
    for (const t of typesOf(node)) {
      if (ARTICLE_TYPES.has(t)) {
        strong = true;
        if (!signals.includes(`json-ld:${t}`)) signals.push(`json-ld:${t}`);
      } else if (NON_ARTICLE_TYPES.has(t)) {
        if (!negative.includes(`json-ld:${t}`)) negative.push(`json-ld:${t}`);
      }
    }
  }
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article' || ogType?.startsWith('article.')) {
    strong = true;
    signals.push('og:article');
  }
  if (doc.querySelector('[itemprop="articleBody"]')) {
    strong = true;
    signals.push('microdata:articleBody');
  }
  const articles = doc.getElementsByTagName('article').length;
  if (articles === 1) signals.push('html:article');
  else if (articles >= 4) negative.push('html:many-articles');

  if (doc.querySelector('input[type="password"]')) negative.push('form:password');
  if (doc.querySelector('input[type="search"], input[name="q"]')?.closest('main, [role="main"]')) negative.push('form:search-in-main');
  // Forum threads repeat one post template: many comment/post containers or post authors.
  const posts = doc.querySelectorAll('[itemprop="comment"], [itemtype$="Comment"], [itemtype$="DiscussionForumPosting"], .post-author, .postauthor, .username').length;
  if (posts >= 5) negative.push('html:thread');

  const density = paragraphScore(doc, 60);
  if (density >= 20) signals.push('text:dense');
  else if (density >= 5) signals.push('text:some');

  // Metadata makes a short text enough; without it the text itself must carry the decision.
  const textOk = density >= 20 || (strong && density >= 5) || (strong && signals.some((s) => s.startsWith('url:')) && density > 0);
  // Negatives: some veto outright; the rest only when the page's own article metadata is absent.
  // Real article pages carry login modals, site search boxes and teaser <article>s too.
  const vetoes = negative.filter((n) => {
    switch (n) {
      case 'url:account': return true;
      case 'form:password': return density < 20;
      case 'html:many-articles': return !strong && density < 40;
      case 'json-ld:DiscussionForumPosting': case 'json-ld:QAPage': return !signals.some((s) => s.startsWith('json-ld:'));
      default: return !strong;
    }
  });
  const likely = textOk && vetoes.length === 0;
  return { likely, signals: [...signals, ...negative.map((n) => (vetoes.includes(n) ? `veto:${n}` : `not:${n}`))] };
}
