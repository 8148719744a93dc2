/**
 * Locates the article in the live DOM: its root element and its blocks (paragraphs,
 * subheadings, list items, quotes, preformatted text), in document order, each with the
 * nearest subheading above it. Never mutates the page (unlike Readability, which rewrites a
 * clone) so the blocks can carry highlights later.
 *
 * How: one recursive walk collects leaf text blocks while skipping boilerplate subtrees
 * (nav/footer/aside/forms, hidden elements, share/related/comment/newsletter containers by
 * class or id). Each substantial block scores its ancestors (Readability-style: commas and
 * length, halved per level); the best ancestor, corrected for link density, is the root, and
 * siblings of the root (or of its wrapper, up to two levels, inside the story's <article>) that
 * look like more of the same are taken in. Blocks inside are then filtered for bylines, credit
 * lines, "follow us" boxes and link lists.
 *
 * Failing soft: furniture names beyond Readability's skip only small boxes; a form that wraps
 * the page is walked; a too-thin result is retried without the class filter; and when the
 * kept text covers little of the publisher's JSON-LD articleBody, the root moves to where
 * that declared text is.
 *
 * Works on linkedom (CLI, unit tests) and in browsers; layout (checkVisibility) is used only
 * where the engine has it.
 */
import { dropEmptySections, dropLeadingHeadings, dropOrphanHeadings, inLinkBox, isBoilerplate } from './boilerplate';
import { articleGateSteps, type GateResult } from './gate';
import { bylineFromLines } from './byline';
import { covered, declaredBody, shingles } from './declared-body';
import { extractMetadata } from './metadata';
import { formWrapsContent, pageBody } from './page-body';
import { blockText, isHiddenByMarkup } from './textmap';
import { textWeight } from './weight';
import { collapsedLengthUpTo, runSteps, type Steps } from './walk';
import type { ArticleBlock, ArticleInput, BlockKind } from './types';

export type Extraction =
  | { detected: false; signals: string[] }
  | { detected: true; input: ArticleInput; blocks: ArticleBlock[] };

/** Subtrees that are never article text. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO',
  'NAV', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'DIALOG', 'MENU', 'FIGCAPTION', 'HEAD', 'LINK', 'META',
]);
const SKIP_ROLES = /^(?:navigation|contentinfo|complementary|banner|dialog|alertdialog|menu|menubar|search|toolbar|tablist)$/;
/** Class/id words of boilerplate containers (Readability's list plus news-page furniture). */
const UNLIKELY = /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
/**
 * News-page furniture words beyond Readability's list. They name small boxes (share bars,
 * newsletter sign-ups, bylines, captions), so they skip a box only while it holds little text:
 * an id like "gigya-share-btns-2_containerParent" or a class "paywall" on the container of
 * the whole story must not throw the story away.
 */
const FURNITURE = /share|sharing|newsletter|subscribe|signup|trending|most-?popular|recommend|promo|outbrain|taboola|byline|dateline|credit|caption|cookie|consent|follow|tags|toolbar|author-bio|paywall|modal|masthead/i;
/** Collapsed text length above which a FURNITURE-named box is too big to be furniture. */
const FURNITURE_MAX_TEXT = 2000;
const MAYBE = /and|article|body|column|content|main|shadow|mathjax/i;
/** Elements that start a new block (a "leaf" has none of these inside). */
const BLOCKISH = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FIGURE', 'ADDRESS', 'HR', 'CENTER', 'DETAILS', 'FIELDSET',
  ...SKIP_TAGS,
]);
/**
 * A container mixing loose text ("text<br><br>text<h2>…</h2>text") with block children is kept
 * as ONE block when the loose text is at least MIXED_SHARE/10 of its text (blogger-style posts);
 * otherwise its block children are taken and the loose text is lost. (Blocks must be elements:
 * the content script draws highlights from blockText(element) offsets.)
 */
const MIXED_SHARE = 5;
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;

interface Cand {
  el: Element;
  kind: BlockKind;
  text: string;
  linkLen: number;
  /** textWeight(text): length with CJK characters counted thrice, for thresholds. */
  weight: number;
}

type CheckVisible = Element & { checkVisibility?: () => boolean };

function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) n += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return n;
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (BLOCKISH.has(tagOf(c))) return true;
  return false;
}

/** A block-level element within `depth` levels below el. */
function containsBlock(el: Element, depth: number): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (BLOCKISH.has(tagOf(c)) || (depth > 1 && containsBlock(c, depth - 1))) return true;
  return false;
}

/** Text inside el that is not inside a block-level child (mixed "text<br><br>text<div>" markup). */
function looseTextLength(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) n += (c as Text).data.trim().length;
    // An inline wrapper around blocks (<span><div>…</div></span>) is not loose text.
    else if (c.nodeType === 1 && !BLOCKISH.has(tagOf(c as Element)) && !containsBlock(c as Element, 4)) n += (c.textContent ?? '').trim().length;
  }
  return n;
}

interface WalkOptions {
  classFilter: boolean;
  layout: boolean;
}

/** Elements visited between pause points of the walk. */
const WALK_STEP = 64;

/**
 * The block walk, as steps (lib/article/walk.ts): it pauses every WALK_STEP elements and after
 * each block, so the content script can spread it over several tasks. Depth-first with an
 * explicit stack (no recursion limit on 1,000-level DOMs).
 *
 * Layout is asked only of candidate blocks, never of every element on the way: one
 * `checkVisibility()` per block (a block under a display:none ancestor has no box either), so a
 * page's hidden menus and modals cost a structural walk, not a style query each.
 */
function* collectBlocks(body: Element, opts: WalkOptions): Steps<Cand[]> {
  const out: Cand[] = [];
  const push = (el: Element, kind: BlockKind) => {
    if (opts.layout && !(el as CheckVisible).checkVisibility!()) return;
    const text = blockText(el);
    // A block inside a link (card teasers: <a><div>…</div></a>) is all link.
    if (text) out.push({ el, kind, text, linkLen: el.closest('a') ? text.length : linkTextLength(el), weight: textWeight(text) });
  };
  const stack: { next: Element | null; inQuote: boolean }[] = [{ next: body.firstElementChild, inQuote: false }];
  let visited = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const c = frame.next;
    if (!c) {
      stack.pop();
      continue;
    }
    frame.next = c.nextElementSibling;
    if (++visited % WALK_STEP === 0) yield;
    const inQuote = frame.inQuote;
    const tag = tagOf(c);
    if ((SKIP_TAGS.has(tag) && !(tag === 'FORM' && formWrapsContent(c))) || isHiddenByMarkup(c)) continue;
    const role = c.getAttribute('role');
    if (role && SKIP_ROLES.test(role)) continue;
    if (opts.classFilter && tag !== 'ARTICLE' && tag !== 'MAIN' && tag !== 'BODY') {
      const ci = classAndId(c);
      if (ci.length > 1 && !MAYBE.test(ci) && (UNLIKELY.test(ci) || (FURNITURE.test(ci) && collapsedLengthUpTo(c, FURNITURE_MAX_TEXT) <= FURNITURE_MAX_TEXT))) continue;
    }
    if (tag === 'P' || tag === 'PRE' || HEADINGS.has(tag)) {
      push(c, tag === 'PRE' ? 'preformatted' : HEADINGS.has(tag) ? 'heading' : inQuote ? 'quote' : 'paragraph');
      yield;
      continue;
    }
    if (hasBlockChild(c) || (!BLOCKISH.has(tag) && containsBlock(c, 4))) {
      const loose = looseTextLength(c);
      // The whole text's length matters only up to the largest share that could still pass.
      const upTo = loose >= 200 ? Math.floor((loose * 10) / MIXED_SHARE) : BLOCKISH.has(tag) ? Math.floor((loose * 10) / 9) : -1;
      const total = loose > 0 && upTo >= 0 ? collapsedLengthUpTo(c, Math.max(upTo, Math.floor((loose * 10) / 9))) : Infinity;
      // Mostly loose text ("<li>text<p></p></li>", "text<br><br>text<div>…"): one block.
      if (loose > 0 && ((loose >= 200 && loose * 10 >= total * MIXED_SHARE) || (loose * 10 >= total * 9 && BLOCKISH.has(tag)))) {
        push(c, tag === 'LI' || tag === 'DD' || tag === 'DT' ? 'list-item' : inQuote || tag === 'BLOCKQUOTE' ? 'quote' : 'paragraph');
        yield;
        continue;
      }
      stack.push({ next: c.firstElementChild, inQuote: inQuote || tag === 'BLOCKQUOTE' });
      continue;
    }
    if (tag === 'TABLE' || tag === 'TR' || tag === 'TBODY') continue;
    // A leaf container: list item, quote, cell or a <div> used as a paragraph.
    if (tag === 'LI' || tag === 'DD' || tag === 'DT') push(c, 'list-item');
    else if (tag === 'BLOCKQUOTE' || inQuote) push(c, 'quote');
    else if (BLOCKISH.has(tag) || tag === 'SPAN' || tag === 'FONT' || tag === 'A' || tag === 'B' || tag === 'STRONG' || tag === 'EM' || tag === 'I') {
      // Inline wrappers directly under a container hold text only when there is no other block.
      // Exception: a link-free label right before a block ("<span>Step 1</span><p>…") is a pseudo-heading.
      if (!BLOCKISH.has(tag) && hasBlockSibling(c) && (c.textContent ?? '').trim().length < 80 && !isLabel(c)) continue;
      push(c, 'paragraph');
    }
    yield;
  }
  // The page may have changed between slices: blocks it removed meanwhile are gone.
  return body.isConnected ? out.filter((b) => b.el.isConnected) : out;
}

function isLabel(el: Element): boolean {
  const next = el.nextElementSibling;
  if (tagOf(el) === 'A' || !next || !BLOCKISH.has(tagOf(next)) || SKIP_TAGS.has(tagOf(next))) return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (!/^(?:B|STRONG|EM|I)$/.test(tagOf(c))) return false;
  return true;
}

function hasBlockSibling(el: Element): boolean {
  const p = el.parentElement;
  return !!p && hasBlockChild(p);
}

interface Score {
  score: number;
  text: number;
  links: number;
  /** Paragraphs of running text (long, mostly unlinked) anywhere below: the article's own kind of block. */
  paras: number;
}

function tagWeight(el: Element): number {
  switch (tagOf(el)) {
    case 'DIV': return 5;
    case 'PRE': case 'TD': case 'BLOCKQUOTE': return 3;
    case 'ADDRESS': case 'OL': case 'UL': case 'DL': case 'DD': case 'DT': case 'LI': case 'FORM': return -3;
    case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': case 'TH': return -5;
    case 'ARTICLE': return 10;
    case 'MAIN': return 5;
    default: return 0;
  }
}

function classWeight(el: Element): number {
  let w = 0;
  for (const s of [el.getAttribute('class'), el.getAttribute('id')]) {
    if (!s) continue;
    if (NEGATIVE.test(s)) w -= 25;
    if (POSITIVE.test(s)) w += 25;
  }
  if (el.getAttribute('itemprop') === 'articleBody') w += 50;
  return w;
}

/** Readability-style candidate scoring over the collected blocks; returns the article root. */
function* chooseRoot(blocks: Cand[], body: Element): Steps<{ root: Element; scores: Map<Element, Score> }> {
  const scores = new Map<Element, Score>();
  const init = (el: Element): Score => {
    let s = scores.get(el);
    if (!s) {
      s = { score: tagWeight(el) + classWeight(el), text: 0, links: 0, paras: 0 };
      scores.set(el, s);
    }
    return s;
  };
  let n = 0;
  for (const b of blocks) {
    // #7: every block walks all its ancestors; a thousand blocks on a deep page is a long task.
    if (++n % 64 === 0) yield;
    const len = b.text.length;
    const para = b.kind === 'paragraph' && b.weight >= PARA_WEIGHT && b.linkLen * 4 < len ? 1 : 0;
    // Text and link totals go all the way up (for link density); scores only 5 levels.
    let level = 0;
    for (let a = b.el.parentElement; a; a = a.parentElement, level++) {
      const s = init(a);
      s.text += len;
      s.links += b.linkLen;
      s.paras += para;
      if (a === body) break;
    }
    if (b.weight < 25 || b.kind === 'heading' || b.kind === 'list-item') continue;
    const content = 1 + (b.text.match(/[,，、،]/g)?.length ?? 0) + Math.min(Math.floor(b.weight / 100), 3);
    level = 0;
    for (let a = b.el.parentElement; a && level < 5; a = a.parentElement, level++) {
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.get(a)!.score += content / div;
      if (a === body) break;
    }
  }
  let best: Element | null = null, bestScore = -Infinity;
  const finals = new Map<Element, number>();
  for (const [el, s] of scores) {
    if (s.score <= 0) continue;
    const f = s.score * (1 - (s.text ? s.links / s.text : 0));
    finals.set(el, f);
    if (f > bestScore) {
      bestScore = f;
      best = el;
    }
  }
  if (!best) return { root: body, scores };
  // Several strong candidates under one ancestor: the ancestor is the article.
  const top = [...finals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).filter(([el, f]) => el !== best && f >= bestScore * 0.75);
  if (top.length >= 2) {
    for (let a = best.parentElement; a && a !== body.parentElement; a = a.parentElement) {
      if (top.filter(([el]) => a.contains(el)).length >= 2) {
        best = a;
        break;
      }
    }
  }
  // Scores rising again a few steps up mean more content lurks beside the best node: unify.
  let root = best;
  let last = finals.get(best) ?? 0;
  const floor = last / 3;
  for (let p = root.parentElement; p && p !== body && p !== body.parentElement; p = p.parentElement) {
    const f = finals.get(p);
    if (f === undefined) continue;
    if (f < floor) break;
    if (f > last) {
      root = p;
      break;
    }
    last = f;
  }
  // A wrapper with nothing else in it is the same article.
  while (root !== body && root.parentElement && root.parentElement !== body && root.parentElement.children.length === 1) root = root.parentElement;
  return { root, scores };
}

/** A paragraph of running text: this long (textWeight) and under a quarter link text. */
const PARA_WEIGHT = 140;
/** Running-text paragraphs that make a sibling of the root more of the article. */
const SIBLING_PARAS = 2;

/** Siblings of the root that look like more article (split bodies, "continued" containers). */
function siblingRoots(root: Element, scores: Map<Element, Score>, blocks: Cand[]): Element[] {
  const parent = root.parentElement;
  if (!parent) return [root];
  const rs = scores.get(root);
  const threshold = Math.max(10, (rs?.score ?? 0) * 0.2);
  const roots: Element[] = [];
  const rootClass = root.getAttribute('class');
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
    if (c === root) {
      roots.push(c);
      continue;
    }
    const s = scores.get(c);
    let bonus = 0;
    if (rootClass && c.getAttribute('class') === rootClass) bonus += (rs?.score ?? 0) * 0.2;
    if (s && s.score + bonus >= threshold && s.links <= s.text * 0.25) {
      roots.push(c);
      continue;
    }
    if (moreStory(c, scores, rs?.text ?? 0)) {
      roots.push(c);
      continue;
    }
    const tag = tagOf(c);
    if (tag === 'P') {
      const b = blocks.find((x) => x.el === c);
      if (!b) continue;
      const density = b.text.length ? b.linkLen / b.text.length : 1;
      if ((b.text.length > 80 && density < 0.25) || (b.text.length > 0 && density === 0 && /\.( |$)/.test(b.text))) roots.push(c);
    }
  }
  // A story split one or two levels further up (lead and body in sibling boxes of the root's
  // wrapper), never out of the story's own container.
  if (isStoryBoundary(root)) return roots;
  let x: Element | null = parent;
  for (let k = 0; k < SPLIT_LEVELS && x && !isStoryBoundary(x) && x.parentElement; k++, x = x.parentElement) {
    for (let c: Element | null = x.parentElement.firstElementChild; c; c = c.nextElementSibling) if (c !== x && moreStory(c, scores, rs?.text ?? 0)) roots.push(c);
  }
  return roots;
}

/** Levels above the root's own siblings where a split story's other parts are looked for. */
const SPLIT_LEVELS = 2;

/** An element whose siblings are outside the story: <article>, <main>, the articleBody, the page. */
function isStoryBoundary(el: Element): boolean {
  const tag = tagOf(el);
  return tag === 'ARTICLE' || tag === 'MAIN' || tag === 'BODY' || tag === 'HTML' || (el.getAttribute('itemprop') ?? '').includes('articleBody');
}

/**
 * More of the story beside it, nested deeper than the scores reach (they climb 5 levels): a
 * box holding several paragraphs of running text, few links and a tenth of the root's text.
 * A comment thread is paragraphs too: not one named as furniture, nor one with a form (the
 * reply box) in it.
 */
function moreStory(c: Element, scores: Map<Element, Score>, rootText: number): boolean {
  const s = scores.get(c);
  return !!s && s.paras >= SIBLING_PARAS && s.links <= s.text * 0.2 && s.text >= rootText * 0.1 && classWeight(c) >= 0 && !c.getElementsByTagName('form').length;
}

const TERMINAL = /[.!?:;…"”’)\]]$/;

/** "Iran Nuclear Talks" as its own short block: a heading in all but tag. */
function looksLikeHeading(el: Element, text: string): boolean {
  // Only paragraph-like containers; table cells and list items are not headings.
  const tag = tagOf(el);
  if (tag !== 'P' && tag !== 'DIV' && tag !== 'SECTION' && tag !== 'SPAN') return false;
  if (text.length > 90 || TERMINAL.test(text)) return false;
  const words = text.split(' ');
  if (words.length > 12) return false;
  const only = el.children.length === 1 && /^(?:B|STRONG)$/.test(tagOf(el.children[0]!)) && blockText(el.children[0]!) === text;
  if (only) return true;
  const caps = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return words.length >= 2 && caps / words.length >= 0.6;
}

const SENTENCE_STARTERS = new Set([
  'A', 'An', 'The', 'While', 'Although', 'Though', 'As', 'In', 'On', 'At', 'After', 'Before', 'When', 'If', 'But', 'And', 'Yet', 'So',
  'This', 'That', 'These', 'Those', 'It', 'We', 'I', 'He', 'She', 'They', 'There', 'For', 'With', 'Without', 'Despite', 'Since',
  'Given', 'Still', 'However', 'Ultimately', 'Overall', 'Whatever', 'Whether', 'Even', 'By', 'From', 'To', 'Our', 'My', 'Its',
]);
const SMALL_WORDS = new Set(['The', 'Of', 'And', 'A', 'An', 'In', 'On', 'For', 'To', 'At', 'By', 'With', 'What', 'Why', 'How']);

/**
 * A heading run into its paragraph: "<b>What The Author Thinks</b> While …" or, with the markup
 * stripped, "What The Author Thinks While Trump's …". Returns the heading text or null.
 */
export function runInHeading(el: Element, text: string): string | null {
  const first = el.firstElementChild;
  if (first && /^(?:B|STRONG)$/.test(tagOf(first))) {
    let before = '';
    for (let n = el.firstChild; n && n !== first; n = n.nextSibling) before += n.textContent ?? '';
    const lead = blockText(first).replace(/[.:—–-]+$/, '').trim();
    if (!before.trim() && lead && lead.length <= 80 && lead.split(' ').length <= 10 && text.length >= lead.length + 40) return lead;
  }
  // Headline-cased run: 3+ capitalised words incl. a capitalised small word, then a sentence.
  const words = text.split(' ');
  let run = 0;
  while (run < words.length && run < 12 && /^[\p{Lu}]/u.test(words[run]!)) run++;
  if (run < 4 || run >= words.length) return null;
  if (!words.slice(1, run).some((w) => SMALL_WORDS.has(w))) return null;
  for (let k = run - 1; k >= 2; k--) {
    if (SENTENCE_STARTERS.has(words[k]!)) return words.slice(0, k).join(' ');
  }
  return null;
}

/** Blocks worth scoring for detection: Readability's "probably readerable" sum over long blocks. */
function textScore(blocks: Cand[]): number {
  let s = 0;
  for (const b of blocks) if (b.kind !== 'heading' && b.weight >= 140) s += Math.sqrt(b.weight - 140);
  return s;
}

export interface ExtractOptions {
  /** Run even when the gate says no (the CLI's --force, evals of text quality). */
  force?: boolean;
  /**
   * The gate's verdict on this document, when the caller just had it (the content script ran
   * the same gate to decide to extract): not run a second time (#8). Default: run it.
   */
  gate?: GateResult;
  /**
   * Word the kind's reasons (`kindReasons`) from the i18n catalogue. Default true. The content
   * script passes false: the first catalogue lookup in a page costs a synchronous fetch of the
   * whole message bundle (5–8 ms measured, #8), and the popup words `kindSignals` itself.
   */
  wordKindReasons?: boolean;
}

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): Extraction {
  return runSteps(extractArticleSteps(doc, url, options));
}

/**
 * The extraction as steps (see lib/article/walk.ts): the same result as extractArticle, for a
 * caller that spreads it over several tasks (the content script: lib/page/yield.ts driveSteps).
 * Pauses inside the block walk and between phases.
 */
export function* extractArticleSteps(doc: Document, url: string, options: ExtractOptions = {}): Steps<Extraction> {
  const gate: GateResult = options.gate ?? (yield* articleGateSteps(doc, url));
  yield;
  const body = pageBody(doc);
  if (!body) return { detected: false, signals: [...gate.signals, 'not:no-body'] };
  // The gate's text check is a quick under-estimate; its vetoes (login, search, thread) stand.
  const vetoed = gate.signals.some((s) => s.startsWith('veto:'));
  if (vetoed && !options.force) return { detected: false, signals: gate.signals };

  const layout = typeof (body as CheckVisible).checkVisibility === 'function' && (body as CheckVisible).checkVisibility!() === true;
  let cands = yield* collectBlocks(body, { classFilter: true, layout });
  yield;
  let { root, scores } = yield* chooseRoot(cands, body);
  yield;
  let inRoot = pickBlocks(cands, root, scores);
  yield;
  if (inRoot.reduce((n, b) => n + b.weight, 0) < 500) {
    // Over-eager class filter (e.g. the whole page inside class="header-wrap"): try without it.
    const again = yield* collectBlocks(body, { classFilter: false, layout });
    yield;
    const r2 = yield* chooseRoot(again, body);
    yield;
    const in2 = pickBlocks(again, r2.root, r2.scores);
    yield;
    if (in2.reduce((n, b) => n + b.weight, 0) > inRoot.reduce((n, b) => n + b.weight, 0)) {
      cands = again;
      root = r2.root;
      scores = r2.scores;
      inRoot = in2;
    }
  }

  const meta = extractMetadata(doc, url, options.wordKindReasons !== false);
  yield;
  let kept = yield* keepBlocks(inRoot, root, scores, meta.title);
  // The publisher's declared text (JSON-LD articleBody) barely covered: the root is wrong.
  const declared = declaredBody(doc);
  if (declared) {
    const want = shingles(declared);
    const have = covered(want, shingles(kept.map((b) => b.text).join(' ')));
    if (have < DECLARED_COVER) {
      yield;
      const alt = declaredRoot(cands, want, scores);
      if (alt && alt !== root) {
        const altKept = yield* keepBlocks(pickBlocks(cands, alt, scores), alt, scores, meta.title);
        yield;
        if (covered(want, shingles(altKept.map((b) => b.text).join(' '))) > have) {
          root = alt;
          kept = altKept;
        }
      }
    }
  }

  if (!meta.byline && kept.length > 0) meta.byline = bylineFromLines(linesAroundStart(cands, kept[0]!));

  const score = textScore(kept) + (tagOf(root) === 'ARTICLE' ? Math.sqrt(Math.max(0, kept.reduce((n, b) => n + b.weight, 0) - 140)) : 0);
  const strong = gate.signals.some((s) => /^(?:json-ld:|og:article|microdata:)/.test(s));
  const enough = score > 20 || (strong && score > 5);
  const signals = [...gate.signals, `text:score=${Math.round(score)}`];
  if (!options.force && (!enough || kept.length === 0)) return { detected: false, signals };

  const blocks: ArticleBlock[] = [];
  let section: string | null = null;
  for (const b of kept) {
    if (blocks.length % 64 === 63) yield;
    if (b.kind === 'heading') {
      section = b.text;
      blocks.push({ element: b.el, kind: b.kind, text: b.text, section });
      continue;
    }
    if (b.kind === 'paragraph') {
      const lead = runInHeading(b.el, b.text);
      if (lead) section = lead;
    }
    blocks.push({ element: b.el, kind: b.kind, text: b.text, section });
  }

  const input: ArticleInput = {
    ...meta,
    url,
    signals,
    blocks: blocks.map((b) => ({ text: b.text, kind: b.kind, section: b.section })),
  };
  return { detected: true, input, blocks };
}

/** Collected lines just before the article's first kept block and its first few (where a byline sits). */
function linesAroundStart(cands: Cand[], first: Cand): string[] {
  const i = cands.findIndex((b) => b.el === first.el);
  if (i < 0) return [];
  return cands.slice(Math.max(0, i - BYLINE_BEFORE), i + BYLINE_AFTER).map((b) => b.text);
}
const BYLINE_BEFORE = 8;
const BYLINE_AFTER = 3;

/** The blocks under the root that are article text, not furniture (lib/article/boilerplate.ts). */
function* keepBlocks(inRoot: Cand[], root: Element, scores: Map<Element, Score>, title: string): Steps<Cand[]> {
  // Paragraph-tagged lines that read as headings count as headings from here on.
  let kept: Cand[] = [];
  for (let i = 0; i < inRoot.length; i++) {
    // #7: a dozen regular expressions per block; pause now and then on pages with many blocks.
    if (i % 64 === 63) yield;
    const b = inRoot[i]!;
    if (isBoilerplate(b, title) || inLinkBox(b, root, scores)) continue;
    kept.push(b.kind === 'paragraph' && looksLikeHeading(b.el, b.text) ? { ...b, kind: 'heading' as const } : b);
  }
  yield;
  kept = dropLeadingHeadings(dropOrphanHeadings(kept, root, scores), title);
  yield;
  return dropEmptySections(kept, (b) => b.kind === 'heading');
}

/** Below this share of the declared articleBody's shingles in our blocks, look for a better root. */
const DECLARED_COVER = 0.5;

/**
 * Where the declared text is on the page: the smallest element holding 80% of the text of the
 * blocks that are mostly declared text. (Elements holding 80% of one total form a chain, so
 * the smallest is inside all the others.)
 */
function declaredRoot(cands: Cand[], want: Set<string>, scores: Map<Element, Score>): Element | null {
  const found = new Map<Element, number>();
  let total = 0;
  for (const b of cands) {
    const own = shingles(b.text);
    if (own.size < 3 || covered(own, want) < 0.6) continue;
    total += b.text.length;
    for (let a = b.el.parentElement; a; a = a.parentElement) found.set(a, (found.get(a) ?? 0) + b.text.length);
  }
  let best: Element | null = null;
  let bestText = Infinity;
  for (const [el, n] of found) {
    const text = scores.get(el)?.text ?? Infinity;
    if (n >= total * 0.8 && text < bestText) {
      best = el;
      bestText = text;
    }
  }
  return best;
}

function pickBlocks(cands: Cand[], root: Element, scores: Map<Element, Score>): Cand[] {
  const roots = siblingRoots(root, scores, cands);
  return cands.filter((b) => roots.some((r) => r === b.el || r.contains(b.el)));
}




