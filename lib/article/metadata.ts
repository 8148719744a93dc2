/**
 * Article metadata from the page's own markup: title, byline, published date, language, site
 * name, and the kind of piece (news / opinion / analysis / other) with the signals that decided
 * it, both machine-readable ("json-ld:OpinionNewsArticle") and for a reader ("Publisher marks
 * this page as opinion"). Order of trust: JSON-LD, then meta tags, then visible markup, then URL.
 */
import { t } from '../i18n';
import { kindReason, type ArticleKind } from '../report';
import { bylineFromMarkup } from './byline';
import { ARTICLE_TYPES, jsonLdNodes, typesOf, type JsonLdNode } from './jsonld';
import type { ArticleMeta } from './types';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function metaValues(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
    const content = m.getAttribute('content');
    if (!content || !content.trim()) continue;
    const keys = `${m.getAttribute('property') ?? ''} ${m.getAttribute('name') ?? ''} ${m.getAttribute('itemprop') ?? ''}`;
    for (const k of keys.split(/\s+/)) {
      const key = k.toLowerCase().replace(/\./g, ':');
      if (key && !values.has(key)) values.set(key, content.trim());
      // "og:article:author" is the Open Graph spelling of article:author.
      const og = /^og:(article:.+)$/.exec(key);
      if (og && !values.has(og[1]!)) values.set(og[1]!, content.trim());
    }
  }
  return values;
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return collapse(v);
  return null;
}

function names(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    const s = typeof x === 'string' ? x : x && typeof x === 'object' ? (x as JsonLdNode)['name'] : null;
    if (typeof s === 'string' && s.trim() && !/^https?:/.test(s.trim())) out.push(collapse(s));
  }
  return out;
}

/** Word-set similarity used to choose between JSON-LD name and headline. */
export function similarity(a: string, b: string): number {
  const ta = a.toLowerCase().split(/\W+/).filter(Boolean);
  const tb = new Set(b.toLowerCase().split(/\W+/).filter(Boolean));
  if (!ta.length || !tb.size) return 0;
  const extra = ta.filter((t) => !tb.has(t)).join(' ');
  return 1 - extra.length / ta.join(' ').length;
}

const SEPARATORS = / [|\-\\/>»–—] /g;

/** The document <title> with the site's name cut off ("Story | Site" → "Story"). */
export function titleFromDocument(doc: Document): string {
  const orig = collapse(doc.title || doc.querySelector('title')?.textContent || '');
  let cur = orig;
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  let hierarchical = false;
  const seps = Array.from(orig.matchAll(SEPARATORS));
  if (seps.length) {
    hierarchical = seps.some((m) => /[\\/>»]/.test(m[0]));
    cur = orig.slice(0, seps[seps.length - 1]!.index);
    if (words(cur) < 3) cur = orig.slice(seps[0]!.index! + seps[0]![0].length);
  } else if (cur.includes(': ')) {
    const headings = Array.from(doc.querySelectorAll('h1, h2')).map((h) => collapse(h.textContent ?? ''));
    if (!headings.includes(cur)) {
      cur = orig.slice(orig.lastIndexOf(':') + 1);
      if (words(cur) < 3) cur = orig.slice(orig.indexOf(':') + 1);
      else if (words(orig.slice(0, orig.indexOf(':'))) > 5) cur = orig;
    }
  } else if (cur.length > 150 || cur.length < 15) {
    const h1s = doc.getElementsByTagName('h1');
    if (h1s.length === 1) cur = collapse(h1s[0]!.textContent ?? '');
  }
  cur = collapse(cur);
  if (words(cur) <= 4 && (!hierarchical || words(cur) !== words(orig.replace(/[|\-\\/>»–—]+/g, '')) - 1)) cur = orig;
  return cur;
}

/** YYYY-MM-DD from an ISO-ish date string, or null. */
export function isoDay(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /((?:19|20)\d\d)-(\d\d)-(\d\d)/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(s);
  if (!Number.isNaN(t) && /\d{4}/.test(s)) return new Date(t).toISOString().slice(0, 10);
  return null;
}

const URL_DATE = /\/((?:19|20)\d\d)\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?:\/|$)/;

function dateFromUrl(url: string): string | null {
  const m = URL_DATE.exec(url);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

interface KindVote {
  kind: ArticleKind;
  signal: string;
}

const OPINION_WORDS = /^(?:opinion|opinions|comment|commentary|column|columns|columnists?|editorials?|op-?ed|views|letters|perspective|viewpoint)$/i;
const ANALYSIS_WORDS = /^(?:analysis|news analysis|explainer|explained|fact ?check)$/i;

/**
 * A kind signal worded for a reader, from the catalogue (the popup words kindSignals itself; this
 * copy serves reports read without it). Starts a sentence: it stands alone.
 */
function kindReasonText(kind: ArticleKind, signal: string): string {
  const r = kindReason(kind, signal);
  const text = r ? t(r.key, r.subs ?? []) : '';
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}

function kindVotes(types: string[], values: Map<string, string>, url: string): KindVote[] {
  const votes: KindVote[] = [];
  for (const type of types) {
    if (type === 'OpinionNewsArticle') votes.push({ kind: 'opinion', signal: `json-ld:${type}` });
    else if (type === 'AnalysisNewsArticle') votes.push({ kind: 'analysis', signal: `json-ld:${type}` });
    else if (type === 'ReportageNewsArticle') votes.push({ kind: 'news', signal: `json-ld:${type}` });
  }
  const section = values.get('article:section') ?? values.get('parsely-section') ?? null;
  if (section) {
    for (const part of section.split(/[,/>|]/).map((s) => s.trim())) {
      if (OPINION_WORDS.test(part)) votes.push({ kind: 'opinion', signal: `meta:article:section=${part}` });
      else if (ANALYSIS_WORDS.test(part)) votes.push({ kind: 'analysis', signal: `meta:article:section=${part}` });
    }
  }
  let path = '';
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    /* not a URL */
  }
  const seg = /\/(opinion|opinions|commentisfree|op-?ed|editorials?|columnists?|comment|views)\//.exec(path);
  if (seg) votes.push({ kind: 'opinion', signal: `url:/${seg[1]}/` });
  const an = /\/(analysis|news-analysis|explainers?)\//.exec(path);
  if (an) votes.push({ kind: 'analysis', signal: `url:/${an[1]}/` });
  return votes;
}

/** datetime of the first <time pubdate>, else of the first <time datetime>. */
function timeFromMarkup(doc: Document): string | null {
  let first: string | null = null;
  for (const t of Array.from(doc.getElementsByTagName('time'))) {
    const dt = t.getAttribute('datetime');
    if (!dt) continue;
    if (t.hasAttribute('pubdate')) return dt;
    first ??= dt;
  }
  return first;
}

/** `wordReasons`: false leaves kindReasons empty (no catalogue lookup; see ExtractOptions). */
export function extractMetadata(doc: Document, url: string, wordReasons = true): ArticleMeta {
  const nodes = jsonLdNodes(doc);
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t))) ?? null;
  const values = metaValues(doc);
  const docTitle = titleFromDocument(doc);

  // Title: JSON-LD, then meta tags, then the document title minus the site name.
  let ldTitle: string | null = null;
  if (article) {
    const name = str(article['name']), headline = str(article['headline']);
    if (name && headline && name !== headline) ldTitle = similarity(headline, docTitle) > 0.75 && similarity(name, docTitle) <= 0.75 ? headline : name;
    else ldTitle = name ?? headline;
  }
  const title = ldTitle ?? values.get('dc:title') ?? values.get('dcterm:title') ?? values.get('og:title') ?? values.get('title')
    ?? values.get('twitter:title') ?? values.get('parsely-title') ?? (docTitle || collapse(doc.querySelector('h1')?.textContent ?? ''));

  // Byline: JSON-LD authors, meta author, then visible author markup.
  const metaAuthor = values.get('article:author');
  let byline: string | null = (article && names(article['author']).join(', ')) || values.get('dc:creator') || values.get('dcterm:creator')
    || values.get('author') || values.get('parsely-author') || (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null) || null;
  if (!byline) byline = bylineFromMarkup(doc);

  const date = isoDay(article ? str(article['datePublished']) ?? str(article['dateCreated']) : null)
    ?? isoDay(values.get('article:published_time') ?? values.get('og:published_time') ?? values.get('parsely-pub-date')
      ?? values.get('datepublished') ?? values.get('pubdate') ?? values.get('publishdate') ?? values.get('dc:date') ?? values.get('date') ?? null)
    ?? isoDay(timeFromMarkup(doc))
    ?? dateFromUrl(url);

  const lang = doc.documentElement?.getAttribute('lang')?.trim() || values.get('og:locale')?.replace('_', '-') || values.get('content-language') || null;

  let siteName: string | null = values.get('og:site_name') ?? null;
  if (!siteName && article) {
    const pub = article['publisher'];
    siteName = names(pub)[0] ?? null;
  }
  if (!siteName) {
    // "Story headline | World News": a short last part after a separator names the site.
    const full = collapse(doc.title || '');
    const m = / [|–—] ([^|–—]{2,40})$/.exec(full);
    if (m && m[1]!.split(' ').length <= 4 && !full.startsWith(m[1]!)) siteName = m[1]!.trim();
  }

  const types = nodes.flatMap(typesOf);
  const votes = kindVotes(types, values, url);
  let kind: ArticleKind = article || values.get('og:type') === 'article' ? 'news' : 'other';
  const top = votes.find((v) => v.kind === 'opinion') ?? votes.find((v) => v.kind === 'analysis') ?? votes[0];
  if (top) kind = top.kind;
  if (!top && kind === 'news') {
    const marked = types.find((x) => x === 'NewsArticle' || x === 'Article' || x === 'BlogPosting');
    votes.push({ kind, signal: marked ? `json-ld:${marked}` : 'og:type=article' });
  }
  const chosen = votes.filter((v) => v.kind === kind);
  return {
    title: collapse(title),
    byline: byline ? collapse(byline) : null,
    date,
    lang,
    siteName,
    kind,
    kindSignals: chosen.map((v) => v.signal),
    kindReasons: wordReasons ? [...new Set(chosen.map((v) => kindReasonText(kind, v.signal)).filter(Boolean))] : [],
  };
}
