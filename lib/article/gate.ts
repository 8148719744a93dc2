/**
 * The cheap gate that runs on every page: is this probably one article? It reads the URL, the
 * page's own metadata (JSON-LD, Open Graph, microdata, <article>) and does one quick pass over
 * <p>/<pre> text lengths. No layout, no scoring; the heavy extractor runs only when this says yes.
 *
 * Stays idle on home/listing pages (many <article> teasers, short texts), search results,
 * login/sign-up forms, forum threads (DiscussionForumPosting, many post/author blocks) and app
 * pages (little paragraph text).
 */
import { formWrapsContent } from './page-body';
import { textWeight } from './weight';
import { ARTICLE_TYPES, NON_ARTICLE_TYPES, eachElement, jsonLdNodes, typesOf } from './jsonld';
import { runSteps, type Steps } from './walk';

export interface GateResult {
  likely: boolean;
  signals: string[];
}

/*
 * URL shapes as words between slashes, matched with string operations and sets: this runs on every
 * page the eager script sees, and each regular expression costs its first use a compilation in
 * the fresh isolated world (issue #8). Paths are percent-encoded, so ASCII case-folding is all
 * there is. Every rule is per path segment: `dirs` are segments followed by another `/`.
 */
/** A segment followed by `/` (…/news/…): an article section. */
const ARTICLE_DIRS = new Set(['article', 'articles', 'story', 'stories', 'news', 'opinion', 'opinions', 'blog', 'blogs', 'post', 'posts', 'comment', 'commentisfree', 'analysis', 'feature', 'features', 'world', 'politics', 'wiki']);
/** A whole segment, last or not (…/search, …/search/…). */
const SEARCH_SEGMENTS = new Set(['search', 'results', 'find']);
/** Query keys of a site search (?q=…). */
const SEARCH_KEYS = new Set(['q', 'query', 'search', 's', 'keyword', 'keywords']);
/** A segment, or a segment's name before a dot (…/login, …/login.php). */
const ACCOUNT_SEGMENTS = new Set(['login', 'log-in', 'signin', 'sign-in', 'signup', 'sign-up', 'register', 'account', 'auth', 'password', 'checkout', 'cart']);
const FORUM_SEGMENTS = new Set(['forum', 'forums', 'thread', 'threads', 'topic', 'topics', 'community', 'discussion', 'discussions', 'viewtopic', 'showthread', 'board', 'boards']);
/** A month segment after a year (…/2024/05/…). */
const MONTHS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isYear = (s: string): boolean => s.length === 4 && (s.startsWith('19') || s.startsWith('20')) && isDigit(s[2]) && isDigit(s[3]);
/** A segment or its name before the first dot is one of `names`. */
const namedSegment = (segments: string[], names: Set<string>): boolean => segments.some((s) => names.has(s) || names.has(s.split('.')[0]!));
const isLatinLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
/** Words with a Latin letter in a slug (split on - and _). */
const slugWords = (last: string): number => last.split('-').flatMap((w) => w.split('_')).filter((word) => [...word].some(isLatinLetter)).length;
function hasSearchKey(search: string): boolean {
  for (const part of search.split('?').join('&').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && SEARCH_KEYS.has(part.slice(0, eq).toLowerCase())) return true;
  }
  return false;
}

/** This many <article>s make a listing of teasers (html:many-articles)… */
export const MANY_ARTICLES = 4;
/** …unless the page's text score reaches this, or the page's own article metadata says otherwise. */
export const TEASER_PAGE_SCORE = 40;

/** Facts from one pass over the elements (querySelector is slow on linkedom, fine in browsers). */
export interface PageFacts {
  /** Readability-style text score: sum of sqrt(len − 140) over long visible <p>/<pre>. */
  density: number;
  articles: number;
  articleBody: boolean;
  ogType: string | null;
  password: boolean;
  searchInMain: boolean;
  posts: number;
}

const POST_CLASS = /(?:^|\s)(?:post-author|postauthor|username)(?:\s|$)/;

/**
 * Inside something that is never article text (or hidden by markup)? Memoised per element for one
 * gate run: many paragraphs share ancestors, and a 1,000-level DOM would otherwise walk them all
 * for every paragraph.
 */
function offTextMemo(): (el: Element) => boolean {
  const memo = new Map<Element, boolean>();
  const off = (el: Element): boolean => {
    const hit = memo.get(el);
    if (hit !== undefined) return hit;
    // Iterative up to the first known ancestor, then fill the path (no deep recursion).
    const path: Element[] = [];
    let result = false;
    for (let a: Element | null = el; a; a = a.parentElement) {
      const known = memo.get(a);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(a);
      const t = a.localName;
      if (t === 'nav' || t === 'footer' || t === 'aside' || (t === 'form' && !formWrapsContent(a)) || a.hasAttribute('hidden') || a.getAttribute('aria-hidden') === 'true') {
        result = true;
        break;
      }
    }
    // Every element on the path shares the answer of the ancestor that decided it (or of none).
    for (const a of path) memo.set(a, result);
    return result;
  };
  return off;
}

function inMain(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (a.localName === 'main' || a.getAttribute('role') === 'main') return true;
  return false;
}

function newFacts(): PageFacts {
  return { density: 0, articles: 0, articleBody: false, ogType: null, password: false, searchInMain: false, posts: 0 };
}

/** A text block (a <p>/<pre>, or a div's own text) counts from this weight on. */
const BLOCK_MIN = 140;
/** A <p>/<pre>'s text weight. */
const paragraphWeight = (el: Element): number => textWeight((el.textContent ?? '').trim());
/** The weight of the text that sits directly in a div (its own text nodes). */
function divOwnWeight(d: Element): number {
  let len = 0;
  for (let c = d.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) len += textWeight((c as Text).data);
  return len;
}

/** One <p>/<pre>'s share of the text score (stops adding past `limit`: the decision is made). */
function addParagraph(f: PageFacts, el: Element, limit: number, offText: (el: Element) => boolean): void {
  if (f.density > limit) return;
  const len = paragraphWeight(el);
  if (len >= BLOCK_MIN && !offText(el)) f.density += Math.sqrt(len - BLOCK_MIN);
}

function addInput(f: PageFacts, el: Element): void {
  const type = el.getAttribute('type');
  if (type === 'password') f.password = true;
  else if ((type === 'search' || el.getAttribute('name') === 'q') && inMain(el)) f.searchInMain = true;
}

function addItemprop(f: PageFacts, itemprop: string): void {
  if (/(?:^|\s)articleBody(?:\s|$)/.test(itemprop)) f.articleBody = true;
  if (itemprop === 'comment') f.posts++;
}

/**
 * Elements read between pause points of the gate (issue #7). Each costs a textContent or a walk
 * of a div's own text nodes; on the largest pages of the sweep (tens of thousands of divs) one
 * pass in one piece was the reader's longest task.
 */
const GATE_STEP = 48;

/** Pages built from bare <div>s: count text that sits directly in a div (no <p> at all). */
function* addDivText(f: PageFacts, divs: ArrayLike<Element>, limit: number, offText: (el: Element) => boolean): Steps<void> {
  if (f.density >= 20) return;
  for (let i = 0; i < divs.length; i++) {
    if (i % GATE_STEP === GATE_STEP - 1) yield;
    const d = divs[i]!;
    const len = divOwnWeight(d);
    if (len < BLOCK_MIN || offText(d)) continue;
    f.density += Math.sqrt(len - BLOCK_MIN);
    if (f.density > limit) break;
  }
}

/** One JS pass over every element: fast on linkedom (CLI, tests), where selector queries are slow. */
function pageFactsByWalk(doc: Document, limit: number): PageFacts {
  const f = newFacts();
  const divs: Element[] = [];
  if (!doc.documentElement) return f;
  const offText = offTextMemo();
  eachElement(doc.documentElement, (el) => {
    const tag = el.localName;
    if (tag === 'p' || tag === 'pre') addParagraph(f, el, limit, offText);
    else if (tag === 'div') divs.push(el);
    else if (tag === 'article') f.articles++;
    else if (tag === 'meta') {
      if (el.getAttribute('property') === 'og:type') f.ogType = (el.getAttribute('content') ?? '').trim().toLowerCase();
    } else if (tag === 'input') addInput(f, el);
    const itemprop = el.getAttribute('itemprop');
    if (itemprop) addItemprop(f, itemprop);
    const cls = el.getAttribute('class');
    if (cls && POST_CLASS.test(cls)) f.posts++;
  });
  runSteps(addDivText(f, divs, limit, offText));
  return f;
}

/**
 * The same facts from the engine's own selector matching (browsers): touching only the elements
 * that matter, instead of calling into the DOM for every element of the page from script. This
 * runs on every page the reader opens, so it must stay far below a frame.
 */
function* pageFactsByQuery(doc: Document, limit: number): Steps<PageFacts> {
  const f = newFacts();
  if (!doc.documentElement) return f;
  const offText = offTextMemo();
  const paras = doc.querySelectorAll('p, pre');
  yield;
  for (let i = 0; i < paras.length && f.density <= limit; i++) {
    if (i % GATE_STEP === GATE_STEP - 1) yield;
    addParagraph(f, paras[i]!, limit, offText);
  }
  yield;
  f.articles = doc.getElementsByTagName('article').length;
  for (const m of Array.from(doc.querySelectorAll('meta[property]'))) {
    if (m.getAttribute('property') === 'og:type') f.ogType = (m.getAttribute('content') ?? '').trim().toLowerCase();
  }
  for (const input of Array.from(doc.getElementsByTagName('input'))) addInput(f, input);
  for (const el of Array.from(doc.querySelectorAll('[itemprop]'))) addItemprop(f, el.getAttribute('itemprop') ?? '');
  // Substring match first (case-sensitive, as the regex), then the exact class-word rule.
  for (const el of Array.from(doc.querySelectorAll('[class*="post-author"], [class*="postauthor"], [class*="username"]'))) {
    const cls = el.getAttribute('class');
    if (cls && POST_CLASS.test(cls)) f.posts++;
  }
  yield;
  yield* addDivText(f, doc.getElementsByTagName('div'), limit, offText);
  return f;
}

/**
 * At least the gate's text score, reaching `limit` or stopping once past it (for the pre-gate, #8):
 * every long <p>/<pre> and every div's own text, with no off-text test (nav, footer, hidden…: it
 * only ever lowers the score) and divs counted even where the gate skips them. No ancestor walk,
 * no attribute reads: the fewest element interfaces a text score can touch. In one piece, so only
 * on pages of at most `maxBlocks` <p>/<pre>/<div>s: past that, Infinity (the gate counts in slices, #7).
 */
export function textScoreAtLeastGate(doc: Document, limit: number, maxBlocks: number): number {
  const paras = doc.querySelectorAll('p, pre');
  const divs = doc.getElementsByTagName('div');
  if (paras.length + divs.length > maxBlocks) return Infinity;
  let score = 0;
  for (let i = 0; i < paras.length && score < limit; i++) {
    const len = paragraphWeight(paras[i]!);
    if (len >= BLOCK_MIN) score += Math.sqrt(len - BLOCK_MIN);
  }
  for (let i = 0; i < divs.length && score < limit; i++) {
    const len = divOwnWeight(divs[i]!);
    if (len >= BLOCK_MIN) score += Math.sqrt(len - BLOCK_MIN);
  }
  return score;
}

/** Browsers have layout (and fast selectors); linkedom has neither. */
function hasFastSelectors(doc: Document): boolean {
  const root = doc.documentElement as (Element & { checkVisibility?: unknown }) | null;
  return !!root && typeof root.checkVisibility === 'function' && typeof doc.querySelectorAll === 'function';
}

/** Exported for tests: both ways must agree. */
export function pageFacts(doc: Document, limit: number, how: 'walk' | 'query' = hasFastSelectors(doc) ? 'query' : 'walk'): PageFacts {
  return runSteps(pageFactsSteps(doc, limit, how));
}

function* pageFactsSteps(doc: Document, limit: number, how: 'walk' | 'query' = hasFastSelectors(doc) ? 'query' : 'walk'): Steps<PageFacts> {
  // The walk is for linkedom (CLI, tests): no page to yield to there.
  return how === 'query' ? yield* pageFactsByQuery(doc, limit) : pageFactsByWalk(doc, limit);
}

export function articleGate(doc: Document, url: string): GateResult {
  return runSteps(articleGateSteps(doc, url));
}

/**
 * The URL's path and query. In a browser the document's own Location already holds the parts: a URL
 * object would be one more Web API interface for the content script's fresh isolated world to set
 * up (issue #8).
 */
export function urlPath(doc: Document, url: string): { path: string; search: string } {
  const loc = (doc as { location?: { href: string; pathname: string; search: string } | null }).location;
  if (loc && loc.href === url) return { path: loc.pathname, search: loc.search };
  try {
    const u = new URL(url);
    return { path: u.pathname, search: u.search };
  } catch {
    return { path: '/', search: '' }; // CLI files and about: pages have no useful URL
  }
}

/**
 * The URL's vetoes (home, search, account, forum), in the gate's order. Alone, they are what the
 * eager script's first look reads of a URL (lib/article/pre-gate.ts surelyNotArticle, #8): no
 * positive signals, and `bySearchKey` (a site-search query key, which urlSignals weighs against a
 * slug) false.
 */
export function urlVetoes(path: string, url: string, bySearchKey: boolean): string[] {
  // segments[0] is what comes before the first slash (nothing).
  const segments = path.toLowerCase().split('/').slice(1);
  const negative: string[] = [];
  if ((path === '/' || path === '') && url.startsWith('http')) negative.push('url:home');
  if (segments.some((s) => SEARCH_SEGMENTS.has(s)) || bySearchKey) negative.push('url:search');
  if (namedSegment(segments, ACCOUNT_SEGMENTS)) negative.push('url:account');
  if (namedSegment(segments, FORUM_SEGMENTS)) negative.push('url:forum');
  return negative;
}

/** What the URL alone says (positive signals and negatives), for the gate and the pre-gate. */
export function urlSignals(doc: Document, url: string): { signals: string[]; negative: string[] } {
  const signals: string[] = [];
  const { path, search } = urlPath(doc, url);
  // The last segment is followed by no slash: `dirs` are the ones followed by another.
  const dirs = path.toLowerCase().split('/').slice(1, -1);
  if (dirs.some((s, i) => isYear(s) && i + 1 < dirs.length && MONTHS.has(dirs[i + 1]!))) signals.push('url:date');
  if (dirs.some((s) => ARTICLE_DIRS.has(s))) signals.push('url:article-path');
  const last = path.split('/').filter(Boolean).pop() ?? '';
  if (slugWords(last) >= 4) signals.push('url:slug');
  return { signals, negative: urlVetoes(path, url, hasSearchKey(search) && !signals.includes('url:slug')) };
}

/**
 * The gate as steps (lib/article/walk.ts): the same decision as articleGate, pausing every
 * GATE_STEP elements so the content script can spread it over several tasks (issue #7: the
 * gate ran in one piece at the start of every analysis, the longest task on some big pages).
 */
export function* articleGateSteps(doc: Document, url: string): Steps<GateResult> {
  const { signals, negative } = urlSignals(doc, url);

  const facts = yield* pageFactsSteps(doc, 60);
  yield;
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
  if (facts.ogType === 'article' || facts.ogType?.startsWith('article.')) {
    strong = true;
    signals.push('og:article');
  }
  if (facts.articleBody) {
    strong = true;
    signals.push('microdata:articleBody');
  }
  if (facts.articles === 1) signals.push('html:article');
  else if (facts.articles >= MANY_ARTICLES) negative.push('html:many-articles');
  if (facts.password) negative.push('form:password');
  if (facts.searchInMain) negative.push('form:search-in-main');
  // Forum threads repeat one post template: many comment/post containers or post authors.
  if (facts.posts >= 5) negative.push('html:thread');

  const density = facts.density;
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
      case 'html:many-articles': return !strong && density < TEASER_PAGE_SCORE;
      case 'json-ld:DiscussionForumPosting': case 'json-ld:QAPage': return !signals.some((s) => s.startsWith('json-ld:'));
      default: return !strong;
    }
  });
  const likely = textOk && vetoes.length === 0;
  return { likely, signals: [...signals, ...negative.map((n) => (vetoes.includes(n) ? `veto:${n}` : `not:${n}`))] };
}
