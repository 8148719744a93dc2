/**
 * Helpers for the entity-linking eval (test/eval/entities.ts): the article text of a Readability
 * `expected.html` exactly as the gold annotations count it, and the alignment of gold mentions
 * (text, occurrence in that text) onto our own extracted text.
 */
import { parseHTML } from 'linkedom';

/** Tags whose start and end break the text into lines (same set the annotation tool used). */
const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'figcaption', 'td', 'th', 'div', 'section', 'article',
  'br', 'tr', 'ul', 'ol', 'figure', 'header', 'footer', 'dd', 'dt', 'table',
]);

// Python's str.isspace() set, which the annotation tool's \s used (no BOM, unlike JS \s).
const WS = /[\t\n\v\f\r \u001c-\u001f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const WS_EDGE = /^[\t\n\v\f\r \u001c-\u001f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u001c-\u001f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/**
 * The gold "article text": block texts, whitespace collapsed, non-empty lines joined by blank lines
 * (a raw newline in the source also ends a line, as in the annotation tool).
 */
export function goldText(expectedHtml: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`);
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).localName;
    if (tag === 'script' || tag === 'style') return;
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push('\n');
  };
  walk(document.body);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(WS, ' ').replace(WS_EDGE, ''))
    .filter((l) => l)
    .join('\n\n');
}

/** Start offsets of every case-sensitive substring match (overlaps allowed), as the gold counts them. */
export function allMatches(text: string, s: string): number[] {
  const out: number[] = [];
  if (!s) return out;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) out.push(i);
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches of a gold string in our text, tolerant of whitespace and soft-hyphen differences. */
export function looseMatches(text: string, s: string): { start: number; end: number }[] {
  const pattern = [...s.replace(/\u00ad/g, '')]
    .map((ch) => (/\s/.test(ch) ? '\\s+' : escapeRe(ch)))
    .join('\u00ad?');
  const re = new RegExp(pattern, 'g');
  const out: { start: number; end: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    re.lastIndex = m.index + 1;
  }
  return out;
}

const squash = (s: string) => s.replace(/\u00ad/g, '').replace(/\s+/g, ' ');

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export interface GoldMention {
  text: string;
  occurrence: number;
  id: string;
  /** Other pack ids for the same referent (duplicate reference records); also counted correct. */
  alt?: string[];
}

export interface PlacedGold extends GoldMention {
  /** Offsets in our joined text, or null when the string is not in our text (extraction miss). */
  start: number | null;
  end: number | null;
  /** How much surrounding text agreed (chars, both sides, up to 2×CTX). */
  context: number;
  /** The occurrence index did not exist in the gold text (annotation/text mismatch). */
  badOccurrence?: boolean;
}

const CTX = 40;
/** Minimum agreeing context (chars, both sides together) for a placement. */
const MIN_CONTEXT = 8;
const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}_]/u.test(ch);

/**
 * Places gold mentions in our text. Each gold mention is found in the gold text by its occurrence
 * index, and its 40 characters either side are compared with those of every match of the same
 * string in our text; matches are assigned best-context-first, one gold mention per match. This
 * keeps mentions in place when our extraction adds or drops blocks that Readability did not.
 */
export function placeGold(gold: GoldMention[], goldTextStr: string, ours: string): PlacedGold[] {
  const placed: PlacedGold[] = gold.map((g) => ({ ...g, start: null, end: null, context: 0 }));
  const byText = new Map<string, number[]>();
  gold.forEach((g, i) => byText.set(g.text, [...(byText.get(g.text) ?? []), i]));
  for (const [s, idxs] of byText) {
    const inGold = allMatches(goldTextStr, s);
    const cands = looseMatches(ours, s);
    const pairs: { g: number; c: number; score: number; dist: number }[] = [];
    for (const gi of idxs) {
      const g = gold[gi]!;
      const p = inGold[g.occurrence];
      if (p === undefined) {
        placed[gi]!.badOccurrence = true;
        continue;
      }
      // A gold name that stands alone as a word only matches a word-bounded string of ours.
      const bounded = !isWordChar(goldTextStr[p - 1]) && !isWordChar(goldTextStr[p + s.length]);
      const left = squash(goldTextStr.slice(Math.max(0, p - CTX), p));
      const right = squash(goldTextStr.slice(p + s.length, p + s.length + CTX));
      const ordinal = inGold.filter((x) => x < p && goldTextStr.slice(x, x + s.length) === s).length;
      cands.forEach((c, ci) => {
        if (bounded && (isWordChar(ours[c.start - 1]) || isWordChar(ours[c.end]))) return;
        const l = squash(ours.slice(Math.max(0, c.start - CTX), c.start));
        const r = squash(ours.slice(c.end, c.end + CTX));
        pairs.push({ g: gi, c: ci, score: commonSuffix(left, l) + commonPrefix(right, r), dist: Math.abs(ci - ordinal) });
      });
    }
    pairs.sort((a, b) => b.score - a.score || a.dist - b.dist);
    const usedG = new Set<number>(), usedC = new Set<number>();
    for (const pr of pairs) {
      if (usedG.has(pr.g) || usedC.has(pr.c)) continue;
      // Too little agreeing context: the gold mention's text is not in ours (an extraction miss).
      if (pr.score < MIN_CONTEXT) continue;
      usedG.add(pr.g);
      usedC.add(pr.c);
      const c = cands[pr.c]!;
      Object.assign(placed[pr.g]!, { start: c.start, end: c.end, context: pr.score });
    }
  }
  return placed;
}

/** Word 4-gram shingles (lower-cased letters and digits), for "is this paragraph in the gold text". */
export function shingles(text: string, n = 4): string[] {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (w.length < n) return w.length ? [w.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
}

/** A news-event item of ../shared/data/coverage/coverage.jsonl (the fields the news gold needs). */
export interface NewsItem {
  id: string;
  title: string;
  summary: string;
  date: string;
  url: string;
  dataset: string;
}

/**
 * The text the news gold counts occurrences in (test/eval/entities-gold-news/README.md): the
 * summary; for HuffPost items the headline, a blank line, then the summary; for WCEP items whose
 * title is not the summary's beginning (after dropping a trailing "…"), title + blank line + summary.
 */
export function newsItemText(item: Pick<NewsItem, 'id' | 'title' | 'summary' | 'dataset'>): string {
  const title = item.title.trim();
  if (item.dataset.startsWith('huffpost') || item.id.startsWith('huffpost-')) return `${title}\n\n${item.summary}`;
  const stem = title.replace(/…$/, '').trimEnd();
  return !stem || item.summary.startsWith(stem) ? item.summary : `${title}\n\n${item.summary}`;
}
