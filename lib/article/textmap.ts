/**
 * Block text and its map back to the live DOM.
 *
 * `blockText(el)` is THE text of a block everywhere in Backstory: entity mentions and opinion
 * flags carry UTF-16 offsets into it, and the content script turns those offsets back into DOM
 * Ranges (`rangeForOffsets`) for CSS Custom Highlights and hover targets — without touching the
 * page's DOM. Caret positions (text node + offset) map the other way with `blockOffsetOf`.
 *
 * The text is the block's visible text with every whitespace run collapsed to one space and
 * the ends trimmed. Skipped: script/style/noscript/template/svg, elements with `hidden`,
 * aria-hidden="true" or an inline display:none / visibility:hidden, and — in a real browser, when
 * the block itself is rendered — descendants whose computed style hides them (display:none,
 * content-visibility:hidden) and the content of a closed <details> but its <summary>. `<br>` and block-level children
 * count as a space so "a<br>b" reads "a b", not "ab".
 */
import { isWhitespace } from './whitespace';

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'SELECT', 'TEXTAREA', 'BUTTON']);
/** Elements whose boundaries separate words even without whitespace in the source. */
const BREAK_TAGS = new Set([
  'BR', 'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE',
  'TABLE', 'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'HR', 'ASIDE', 'NAV', 'MAIN', 'IMG',
]);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;


/** True when markup alone says the element is not shown (works on linkedom and in browsers). */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

type CheckVisible = Element & { checkVisibility?: (o?: object) => boolean };

/** One piece of a block's raw text: a live Text node, or a virtual separator (node = null). */
interface Piece {
  node: Text | null;
  data: string;
}

/**
 * Inside a rendered block, is this descendant's content not shown? Its computed style says so
 * (display:none, or content-visibility:hidden), and so does a closed <details> for all but its
 * <summary>. O(1) per element: checkVisibility() also walks every ancestor (display locks), which
 * costs seconds over a block 1,000 levels down. display:contents elements show their children.
 */
function hiddenInBlock(el: Element, view: Window): boolean {
  const cs = view.getComputedStyle(el);
  return cs.display === 'none' || cs.contentVisibility === 'hidden';
}

function collectPieces(root: Element): Piece[] {
  const pieces: Piece[] = [];
  // Only ask layout when the block itself is rendered: on a detached or unrendered tree
  // checkVisibility() is false everywhere and would blank the whole text.
  const view = root.ownerDocument?.defaultView ?? null;
  const useLayout = !!view && typeof view.getComputedStyle === 'function' && typeof (root as CheckVisible).checkVisibility === 'function' && (root as CheckVisible).checkVisibility!() === true;
  const walk = (parent: Node): void => {
    // A closed <details> shows its <summary> only.
    const closed = useLayout && parent.nodeType === 1 && (parent as Element).tagName.toUpperCase() === 'DETAILS' && !(parent as Element).hasAttribute('open');
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (closed && !(n.nodeType === 1 && (n as Element).tagName.toUpperCase() === 'SUMMARY')) continue;
      if (n.nodeType === 3) {
        pieces.push({ node: n as Text, data: (n as Text).data });
      } else if (n.nodeType === 1) {
        const el = n as Element;
        const tag = el.tagName.toUpperCase();
        if (SKIP_TAGS.has(tag) || isHiddenByMarkup(el)) continue;
        if (useLayout && hiddenInBlock(el, view!)) continue;
        const brk = BREAK_TAGS.has(tag);
        if (brk) pieces.push({ node: null, data: ' ' });
        walk(el);
        if (brk) pieces.push({ node: null, data: ' ' });
      }
    }
  };
  walk(root);
  return pieces;
}

/** The block's visible text, whitespace collapsed, trimmed. */
export function blockText(el: Element): string {
  const pieces = collectPieces(el);
  let raw = '';
  for (const p of pieces) raw += p.data;
  return raw.replace(/\s+/g, ' ').trim();
}

/** For each live text node of the block: where its first emitted character lands in blockText. */
export interface TextNodeSpan {
  node: Text;
  /** Offset in blockText(el) of the first character this node contributes. */
  start: number;
  /** Offset just past the last character this node contributes (start === end: contributes nothing). */
  end: number;
  /**
   * Where in node.data each contributed character comes from, as runs: flat pairs (k, raw) — from
   * the k-th contributed character on, characters come from node.data[raw], [raw + 1], … up to the
   * next pair. Ordinary text is one run; only collapsed whitespace starts another. (It was one
   * number per character: a map is built for every paragraph with a mention, and those arrays were
   * most of the content script's drawing time, #8.)
   */
  runs: number[];
}

/** The raw offset in span.node.data of the span's k-th contributed character. */
function rawAt(span: TextNodeSpan, k: number): number {
  const runs = span.runs;
  // Last pair whose k is ≤ k (binary search over the pairs).
  let lo = 0, hi = runs.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid * 2]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return runs[lo * 2 + 1]! + (k - runs[lo * 2]!);
}

/**
 * The full map of a block: its text and, per Text node, which characters of the text it
 * produced. Build once per block and reuse for many offsets (e.g. all mentions in a paragraph).
 */
export interface TextMap {
  text: string;
  spans: TextNodeSpan[];
}

/** A span while the map is built: `n` characters contributed so far. */
type OpenSpan = TextNodeSpan & { n: number };

/** The span's next `count` characters come from node.data[raw…]: extend its last run or start one. */
function contribute(span: OpenSpan, raw: number, count: number): void {
  const runs = span.runs;
  const last = runs.length - 2;
  if (last < 0 || runs[last + 1]! + (span.n - runs[last]!) !== raw) runs.push(span.n, raw);
  span.n += count;
}

export function buildTextMap(el: Element): TextMap {
  const pieces = collectPieces(el);
  const spans: OpenSpan[] = [];
  const parts: string[] = [];
  let len = 0;
  // A collapsed whitespace run becomes one space, owned by the text node where the run began
  // (or by the next node when the run began at a <br>/block boundary).
  let pending: { span: OpenSpan | null; raw: number } | null = null;
  for (const p of pieces) {
    const span: OpenSpan | null = p.node ? { node: p.node, start: -1, end: -1, runs: [], n: 0 } : null;
    if (span) spans.push(span);
    const d = p.data;
    const n = d.length;
    let i = 0;
    while (i < n) {
      if (isWhitespace(d.charCodeAt(i))) {
        // A whitespace run: at most one space, emitted before the next visible character.
        if (len > 0 && !pending) pending = { span, raw: i };
        i++;
        while (i < n && isWhitespace(d.charCodeAt(i))) i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !isWhitespace(d.charCodeAt(j))) j++;
      if (pending) {
        parts.push(' ');
        len++;
        const owner = pending.span ?? span;
        if (owner) {
          if (owner.start < 0) owner.start = len - 1;
          contribute(owner, pending.span ? pending.raw : i, 1);
        }
        pending = null;
      }
      if (span && span.start < 0) span.start = len;
      // The visible run [i, j) as one piece, not one character at a time (issue #8: this loop
      // was the content script's costliest function on the article path).
      parts.push(i === 0 && j === n ? d : d.slice(i, j));
      len += j - i;
      if (span) contribute(span, i, j - i);
      i = j;
    }
  }
  const out = parts.join('');
  // A node that contributes nothing sits at the start of the next contributing node (or at the
  // end). One backward pass: blocks with thousands of whitespace-only nodes stay linear.
  let next = out.length;
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i]!;
    if (s.start < 0) s.start = s.end = next;
    else {
      s.end = s.start + s.n;
      next = s.start;
    }
  }
  return { text: out, spans };
}

/** Every live Text node of the block with the blockText offset where its text begins. */
export function textNodeOffsets(el: Element): { node: Text; offset: number }[] {
  return buildTextMap(el).spans.map((s) => ({ node: s.node, offset: s.start }));
}

function locate(map: TextMap, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  for (const s of map.spans) {
    if (s.end <= s.start) continue;
    if (isEnd ? offset > s.start && offset <= s.end : offset >= s.start && offset < s.end) {
      const k = offset - s.start;
      if (isEnd) return { node: s.node, offset: rawAt(s, k - 1) + 1 };
      return { node: s.node, offset: rawAt(s, k) };
    }
  }
  return null;
}

/** Start and end DOM points (Text node + offset in node.data) of [start, end) in blockText(el). */
export interface TextPoints {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** The DOM points for [start, end) of blockText(el); null when out of bounds. Works without Range support. */
export function pointsForOffsets(el: Element, start: number, end: number, map?: TextMap): TextPoints | null {
  const m = map ?? buildTextMap(el);
  if (!(start >= 0 && end > start && end <= m.text.length)) return null;
  const a = locate(m, start, false);
  const b = locate(m, end, true);
  if (!a || !b) return null;
  return { startNode: a.node, startOffset: a.offset, endNode: b.node, endOffset: b.offset };
}

/**
 * A Range over the live text nodes covering [start, end) of blockText(el). Null when the offsets
 * are out of bounds or the document cannot make ranges (linkedom's Range lacks setStart: use
 * pointsForOffsets there).
 */
export function rangeForOffsets(el: Element, start: number, end: number, doc?: Document, map?: TextMap): Range | null {
  const pts = pointsForOffsets(el, start, end, map);
  if (!pts) return null;
  const d = doc ?? el.ownerDocument;
  if (!d || typeof d.createRange !== 'function') return null;
  try {
    const r = d.createRange();
    if (typeof r.setStart !== 'function') return null;
    r.setStart(pts.startNode, pts.startOffset);
    r.setEnd(pts.endNode, pts.endOffset);
    return r;
  } catch {
    return null;
  }
}

/**
 * Caret → block offset: the offset in blockText(el) of position `offset` inside Text `node`
 * (e.g. from caretPositionFromPoint / caretRangeFromPoint). Null when the node is not part of
 * the block's visible text.
 */
export function blockOffsetOf(el: Element, node: Text, offset: number, map?: TextMap): number | null {
  const m = map ?? buildTextMap(el);
  const s = m.spans.find((x) => x.node === node);
  if (!s) return null;
  if (s.end <= s.start) return s.start;
  // First contributed character at or after the raw offset: raw offsets never decrease along
  // the contributed characters, so it lies in the first run that reaches that far.
  const count = s.end - s.start;
  const runs = s.runs;
  for (let r = 0; r < runs.length; r += 2) {
    const kStart = runs[r]!, raw = runs[r + 1]!;
    const kEnd = r + 2 < runs.length ? runs[r + 2]! : count;
    if (raw + (kEnd - 1 - kStart) < offset) continue;
    let k = kStart + Math.max(0, offset - raw);
    // A node-leading space shares its raw offset with the next char: the caret is at the char.
    while (k + 1 < count && rawAt(s, k + 1) === rawAt(s, k)) k++;
    return s.start + k;
  }
  return s.end;
}
